import { isRoutineId } from '../routines/data';
import type { RoutineId } from '../routines/types';
import type { Screening } from '../state/session';

/**
 * The token of the warmth timer's permission question carries what reading that step needs: Alexa's
 * answer (a Connections.Response) may come without the session's attributes, and the step must still be
 * read with the safety answers given, never end in a stop. `timer:cramp:3:1100`: routine, step, then
 * short screen, full screen, skip touch, standing, as 1 or 0. An older `timer:3` carries the step only.
 */
export interface TimerToken {
  readonly index: number;
  readonly carried?: {
    readonly routineId: RoutineId;
    readonly screening: Screening;
    readonly standing: boolean;
  };
}

const bit = (value: boolean): string => (value ? '1' : '0');

export function timerToken(
  routineId: RoutineId,
  index: number,
  screening: Screening,
  standing: boolean,
): string {
  const { short, full, skipTouch } = screening;
  return `timer:${routineId}:${String(index)}:${[short, full, skipTouch, standing].map(bit).join('')}`;
}

/** The timer token's contents, if it is one of ours. */
export function parseTimerToken(token: string | undefined): TimerToken | undefined {
  const full = /^timer:(\w+):(\d{1,2}):([01])([01])([01])([01])$/.exec(token ?? '');
  if (full) {
    const [, routineId = '', index, short, fullScreen, skipTouch, standing] = full;
    if (!isRoutineId(routineId)) return undefined;
    return {
      index: Number(index),
      carried: {
        routineId,
        screening: { short: short === '1', full: fullScreen === '1', skipTouch: skipTouch === '1' },
        standing: standing === '1',
      },
    };
  }
  const index = /^timer:(\d{1,2})$/.exec(token ?? '')?.[1];
  return index === undefined ? undefined : { index: Number(index) };
}
