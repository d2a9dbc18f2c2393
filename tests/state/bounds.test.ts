import {
  checkEnvelope,
  echoableState,
  MAX_ATTRIBUTES_SIZE,
  takenSessionState,
  withinBounds,
} from '../../lambda/state/envelope';
import { parseSession } from '../../lambda/state/session';
import { parseStored } from '../../lambda/state/stored';

/** Session attributes are untrusted input: parsed against the state schema, with bounds. */

const NOW = Date.parse('2026-11-25T02:30:00Z');
const base = { v: 1, sessionStartMs: NOW - 1000, stored: {}, savedFingerprint: 'x' };

describe('the session state parser', () => {
  it('keeps a step index only within its routine', () => {
    expect(parseSession({ ...base, routineId: 'cramp', stepIndex: 2 }, NOW)?.stepIndex).toBe(2);
    for (const stepIndex of [500, 4, -2, 1.5, 1e9]) {
      const state = parseSession({ ...base, routineId: 'cramp', stepIndex, tries: 3 }, NOW);
      expect(state?.stepIndex).toBe(-1);
      expect(state?.tries).toBe(0);
    }
    expect(parseSession({ ...base, stepIndex: 1e6 }, NOW)?.stepIndex).toBe(-1);
  });

  it('keeps stored progress only at a step of its routine', () => {
    expect(
      parseStored({ schemaVersion: 1, progress: { routineId: 'bedtime', stepIndex: 99 } }),
    ).toMatchObject({
      problem: 'corrupt stored progress dropped',
    });
    const session = parseSession(
      { ...base, stored: { schemaVersion: 1, progress: { routineId: 'cramp', stepIndex: 123456 } } },
      NOW,
    );
    expect(session?.stored.progress).toBeUndefined();
  });

  it('replays at most the 8,000 characters Alexa speaks', () => {
    const speech = (n: number) => [{ text: 'x'.repeat(n) }];
    const kept = parseSession({ ...base, lastSpeech: speech(8000), lastReprompt: speech(10) }, NOW);
    expect(kept?.lastSpeech).toEqual(speech(8000));
    const dropped = parseSession({ ...base, lastSpeech: speech(1_000_000), lastReprompt: speech(10) }, NOW);
    expect(dropped?.lastSpeech).toBeUndefined();
  });

  it('keeps a flag check only for a question it knows, and a screen question only of the routine under way', () => {
    const pending = (p: unknown, routineId?: string) =>
      parseSession({ ...base, ...(routineId ? { routineId } : {}), pending: p }, NOW)?.pending;
    expect(pending({ kind: 'flagCheck', question: 'nonexistent', then: [] })).toBeUndefined();
    expect(pending({ kind: 'flagCheck', question: 'constructor', then: [] })).toBeUndefined();
    expect(pending({ kind: 'flagCheck', question: 'clotSigns', then: ['nope', 'skinOrFeeling'] })).toEqual({
      kind: 'flagCheck',
      question: 'clotSigns',
      then: ['skinOrFeeling'],
      unclear: 0,
    });
    expect(pending({ kind: 'screen', stage: 'short', question: 1, from: 0 }, 'cramp')).toMatchObject({
      question: 1,
    });
    // Past the last question of the stage: a yes would otherwise skip the screen.
    expect(pending({ kind: 'screen', stage: 'short', question: 9, from: 3 }, 'cramp')).toBeUndefined();
    expect(pending({ kind: 'screen', stage: 'short', question: 0, from: 50 }, 'cramp')).toBeUndefined();
    expect(pending({ kind: 'screen', stage: 'short', question: 0, from: 0 })).toBeUndefined();
    expect(pending({ kind: 'easing' })).toBeUndefined();
  });

  it('keeps the cramp clock in the past and the store version a whole number', () => {
    expect(parseSession({ ...base, sessionStartMs: NOW + 1e9 }, NOW)?.sessionStartMs).toBe(NOW);
    expect(parseSession({ ...base, savedVersion: 3 }, NOW)?.savedVersion).toBe(3);
    expect(parseSession({ ...base, savedVersion: -1 }, NOW)?.savedVersion).toBe(0);
    expect(parseSession({ ...base, savedVersion: 'x' }, NOW)?.savedVersion).toBe(0);
  });
});

describe('the envelope check before ask-sdk copies the attributes', () => {
  function deep(levels: number): unknown {
    let value: unknown = {};
    for (let i = 0; i < levels; i++) value = { a: value };
    return value;
  }

  it('measures depth and size without recursion', () => {
    expect(withinBounds({ calfCoach: { ...base, routineId: 'cramp', stepIndex: 1 } })).toBe(true);
    expect(withinBounds(deep(5000))).toBe(false);
    expect(withinBounds(deep(20))).toBe(true);
    expect(withinBounds({ text: 'x'.repeat(MAX_ATTRIBUTES_SIZE) })).toBe(false);
    expect(withinBounds([...Array<number>(10_000).keys()])).toBe(false);
  });

  it("refuses what is not an Alexa request; takes the skill's own state out, uncopied; drops other attributes past the bounds", () => {
    expect(checkEnvelope(null, 'calfCoach')).toMatchObject({ ok: false });
    expect(checkEnvelope(42, 'calfCoach')).toMatchObject({ ok: false });
    expect(checkEnvelope({}, 'calfCoach')).toMatchObject({ ok: false });
    expect(checkEnvelope({ request: { type: 7 } }, 'calfCoach')).toMatchObject({ ok: false });
    const flag = { level: 'emergency', reason: 'chestPain', confirmed: true };
    const state = { ...base, flag, junk: deep(5000) };
    const event = {
      request: { type: 'IntentRequest' },
      session: { attributes: { calfCoach: state, other: deep(5000) } },
    };
    const checked = checkEnvelope(event, 'calfCoach');
    expect(checked).toMatchObject({
      ok: true,
      dropped: 'session attributes too deep or too large',
      event: { session: { attributes: {} } },
    });
    if (!checked.ok) throw new Error('refused');
    // ask-sdk copies only what is left; the parser reads the state itself, field by field, and keeps its flag.
    const taken = takenSessionState(checked.event);
    expect(taken).toEqual({ taken: true, state });
    expect(parseSession(taken.state, NOW)?.flag).toEqual(flag);
    // The event itself is left as it came.
    expect(event.session.attributes.other).toBeDefined();
    expect(takenSessionState(event)).toEqual({ taken: false });
  });

  it('after an error, sends the state back as it came, or only its flag when it passes the bounds', () => {
    const flag = { level: 'urgent', reason: 'clotSigns', confirmed: false };
    expect(echoableState({ ...base, flag })).toEqual({ ...base, flag });
    expect(echoableState({ ...base, flag, lastSpeech: [{ text: 'x'.repeat(1_000_000) }] })).toEqual({
      v: 1,
      flag,
    });
    expect(echoableState({ ...base, lastSpeech: [{ text: 'x'.repeat(1_000_000) }] })).toBeUndefined();
    expect(parseSession(echoableState({ ...base, flag: deep(100) }), NOW)?.flag).toMatchObject({
      level: 'urgent',
    });
  });
});
