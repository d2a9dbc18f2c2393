import type { Routine, Step, StepKind } from './types';

/** What the safety state allows, as far as the step walker needs to know. */
export interface Gates {
  readonly shortScreenDone: boolean;
  readonly fullScreenDone: boolean;
  /** No massage, heat or cold in this session. */
  readonly skipTouch: boolean;
}

export type Next =
  | { readonly type: 'shortScreen' }
  /** Both screens at once, merged: the session starts at a step that touches the calf. */
  | { readonly type: 'resumeScreen' }
  | { readonly type: 'fullScreen'; readonly index: number }
  | { readonly type: 'step'; readonly index: number; readonly skipped: readonly Step[] }
  | { readonly type: 'finished'; readonly skipped: readonly Step[] };

const TOUCH_KINDS: ReadonlySet<StepKind> = new Set(['massage', 'heat', 'cold']);

/** Massage, heat and cold touch the calf: they need the full screen first (facts §5). */
export function touchesCalf(step: Step): boolean {
  return TOUCH_KINDS.has(step.kind);
}

/**
 * Decides what comes before reading the step at `from`: a safety question, the step itself (after
 * skipping steps the safety state rules out), or the end of the routine. Knows nothing of calves.
 */
export function nextAction(routine: Routine, from: number, gates: Gates): Next {
  if (!gates.shortScreenDone) {
    const first = routine.steps[Math.max(0, from)];
    const touchFirst = first !== undefined && allowed(first, gates) && touchesCalf(first);
    return touchFirst && routine.resumeScreen.length > 0 ? { type: 'resumeScreen' } : { type: 'shortScreen' };
  }
  const skipped: Step[] = [];
  for (let index = Math.max(0, from); index < routine.steps.length; index++) {
    const step = routine.steps[index];
    if (step === undefined) break;
    if (!allowed(step, gates)) {
      skipped.push(step);
      continue;
    }
    if (touchesCalf(step) && !gates.fullScreenDone && routine.fullScreen.length > 0)
      return { type: 'fullScreen', index };
    return { type: 'step', index, skipped };
  }
  return { type: 'finished', skipped };
}

/** Whether the safety state lets this step be read: what a flag or "it hurts more" left out stays out. */
export function allowed(step: Step, gates: Gates): boolean {
  return !(touchesCalf(step) && gates.skipTouch);
}

/** The nearest step before `index` that the safety state allows; at the start, the start. */
export function previousIndex(
  routine: Routine,
  index: number,
  gates: Gates,
): { index: number; atStart: boolean } {
  for (let i = Math.min(index, routine.steps.length) - 1; i >= 0; i--) {
    const step = routine.steps[i];
    if (step !== undefined && allowed(step, gates)) return { index: i, atStart: false };
  }
  return { index: Math.max(0, Math.min(index, routine.steps.length - 1)), atStart: true };
}
