import type { Display } from '../display/screens';
import { nextAction, type Gates } from '../routines/step-walker';
import { MAX_TIMED_HOLD_SECONDS, type RoutineId } from '../routines/types';
import { say, type Speech } from '../speech/ssml';
import { stepKey } from '../speech/keys';
import { afterStep, scaledHold, stepSpeech } from '../speech/step';
import type { Pending, SessionState } from '../state/session';
import { clockLead, locked } from './flags';
import { ask, currentRoutine, withPending, withStored, type Ctx, type Outcome } from './outcome';
import { askPending } from './prompts';

/** Walking a routine: reading a step, and deciding what comes after it through the step walker. */

export function gatesOf(state: SessionState): Gates {
  const { short, full, skipTouch, heatColdOk } = state.screening;
  return { shortScreenDone: short, fullScreenDone: full, skipTouch, heatColdOk };
}

/** Reads step `index` with its hold, saves progress there, and asks what comes next. */
export function readStep(state: SessionState, index: number, ctx: Ctx, lead: Speech = []): Outcome {
  const routine = currentRoutine(state);
  if (!routine || state.flag) return locked(state, ctx);
  const clock = clockLead(state, ctx);
  const tries = index === state.stepIndex ? state.tries + 1 : 1;
  const saved = withStored({ ...clock.state, stepIndex: index, tries }, (stored) => ({
    ...stored,
    progress: { routineId: routine.id, stepIndex: index },
  }));
  const after = afterStep(routine, index, ctx.t);
  const holdScale = saved.stored.preferences.holdScale;
  const speech = [...clock.lead, ...lead, ...stepSpeech(routine, index, holdScale, ctx.t), say(after.prompt)];
  const step = routine.steps[index];
  const timed = step !== undefined && step.holdSeconds > 0 && step.holdSeconds <= MAX_TIMED_HOLD_SECONDS;
  const display: Display = {
    kind: 'step',
    routineId: routine.id,
    index,
    holdSeconds: timed ? scaledHold(step, holdScale) : 0,
  };
  const pending: Pending | undefined = after.asksEasing ? { kind: 'easing' } : undefined;
  return ask(withPending(saved, pending), speech, [say(after.reprompt)], display);
}

/** Moves on from step `from`: the next safety question, the next allowed step, or the closing. */
export function proceed(state: SessionState, from: number, ctx: Ctx, lead: Speech = []): Outcome {
  const routine = currentRoutine(state);
  if (!routine || state.flag) return locked(state, ctx);
  const clock = clockLead(state, ctx);
  const next = nextAction(routine, from, gatesOf(clock.state));
  const opening = [...clock.lead, ...lead];
  switch (next.type) {
    case 'shortScreen':
      return askPending(clock.state, { kind: 'screen', stage: 'short', question: 0, from, unclear: 0 }, ctx, [
        ...opening,
        say(ctx.t('screen.introShort')),
      ]);
    case 'fullScreen':
      return askPending(
        clock.state,
        { kind: 'screen', stage: 'full', question: 0, from: next.index, unclear: 0 },
        ctx,
        [...opening, say(ctx.t('screen.introFull'))],
      );
    case 'heatColdCheck':
      return askPending(clock.state, { kind: 'heatCold', step: next.index, unclear: 0 }, ctx, opening);
    case 'step': {
      const skips = next.skipped.map((step) =>
        say(ctx.t('step.skipped', { title: ctx.t(stepKey(routine, step, 'title')) })),
      );
      return readStep({ ...clock.state, tries: 0 }, next.index, ctx, [...opening, ...skips]);
    }
    case 'finished': {
      const { routineId: _finished, ...rest } = withPending(clock.state, undefined);
      const done = withStored({ ...rest, stepIndex: -1, tries: 0 }, ({ progress: _p, ...stored }) => stored);
      const closing = [...opening, say(ctx.t(`routines.${routine.id}.closing`))];
      if (routine.offersReminder && !done.stored.reminderToken) {
        return ask(
          withPending(done, { kind: 'reminderOffer' }),
          [...closing, say(ctx.t('reminder.offer'))],
          [say(ctx.t('reminder.offerReprompt'))],
        );
      }
      return { state: done, speech: closing, end: true };
    }
  }
}

/** Starts a routine from its first step (or `from`), beginning with the safety questions not yet answered. */
export function startRoutine(
  state: SessionState,
  routineId: RoutineId,
  ctx: Ctx,
  lead: Speech,
  from = 0,
): Outcome {
  if (state.flag) return locked(state, ctx);
  const changed = state.routineId !== routineId;
  const started: SessionState = {
    ...withPending(state, undefined),
    routineId,
    stepIndex: -1,
    tries: 0,
    // The full screen and the heat question belong to the routine they were asked for.
    screening: changed ? { ...state.screening, full: false } : state.screening,
    stored: { ...state.stored, welcomed: true },
  };
  return proceed(started, from, ctx, lead);
}
