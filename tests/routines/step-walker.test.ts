import { ROUTINES } from '../../lambda/routines/data';
import { nextAction, previousIndex, type Gates } from '../../lambda/routines/step-walker';

const clear: Gates = { shortScreenDone: true, fullScreenDone: true, skipTouch: false };
const cramp = ROUTINES.cramp;

describe('the step walker', () => {
  it('asks the short screen before any step', () => {
    expect(nextAction(cramp, 0, { ...clear, shortScreenDone: false })).toEqual({ type: 'shortScreen' });
  });

  it('asks the full screen before the first massage, heat or cold step, and not before', () => {
    const gates = { ...clear, fullScreenDone: false };
    expect(nextAction(cramp, 1, gates)).toMatchObject({ type: 'step', index: 1 });
    expect(nextAction(cramp, 2, gates)).toEqual({ type: 'fullScreen', index: 2 });
  });

  it('skips massage, heat and cold when the screen says so (broken skin, reduced feeling)', () => {
    const next = nextAction(cramp, 2, { ...clear, skipTouch: true });
    expect(next.type).toBe('finished');
    if (next.type === 'finished') expect(next.skipped.map((s) => s.id)).toEqual(['rub', 'warmth']);
  });

  it('walks back over steps the safety state rules out, and stays at the first step', () => {
    expect(previousIndex(cramp, 3, { ...clear, skipTouch: true })).toEqual({ index: 1, atStart: false });
    expect(previousIndex(cramp, 0, clear)).toEqual({ index: 0, atStart: true });
  });

  it('every routine asks at most three grouped questions before its first step and before touching the calf', () => {
    for (const routine of Object.values(ROUTINES)) {
      expect([routine.id, routine.shortScreen.length <= 3, routine.fullScreen.length <= 3]).toEqual([
        routine.id,
        true,
        true,
      ]);
      // Heat and cold need the reduced-feeling question, which the full screen asks last.
      const touches = routine.steps.some((step) => ['massage', 'heat', 'cold'].includes(step.kind));
      if (touches) expect(routine.fullScreen).toContain('skinOrFeeling');
    }
  });

  it('every routine is data the walker can finish', () => {
    for (const routine of Object.values(ROUTINES)) {
      expect(nextAction(routine, routine.steps.length, clear)).toEqual({ type: 'finished', skipped: [] });
    }
  });
});
