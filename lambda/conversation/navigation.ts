import { ROUTINES } from '../routines/data';
import { allowed, previousIndex } from '../routines/step-walker';
import { spokenNumber } from '../speech/numbers';
import { say } from '../speech/ssml';
import { stepKey } from '../speech/keys';
import { routineName } from '../speech/step';
import { isSafetyPending, type SessionState } from '../state/session';
import {
  ask,
  currentRoutine,
  messageScreen,
  onStep,
  withPending,
  withStored,
  type Ctx,
  type Outcome,
} from './outcome';
import { askPending, carryOn, menu, stepPrompt } from './prompts';
import { gatesOf, proceed, readStep, startRoutine } from './routine';

/** Moving through a routine: next, back, repeat, start over, tell me more, help, pause, stop, resume. */

export function next(state: SessionState, ctx: Ctx): Outcome {
  return onStep(state) ? proceed(state, state.stepIndex + 1, ctx) : menu(state, ctx);
}

export function previous(state: SessionState, ctx: Ctx): Outcome {
  const routine = currentRoutine(state);
  if (!routine || !onStep(state)) return menu(state, ctx);
  const back = previousIndex(routine, state.stepIndex, gatesOf(state));
  return readStep(
    { ...state, tries: 0 },
    back.index,
    ctx,
    back.atStart ? [say(ctx.t('step.firstAlready'))] : [],
  );
}

/**
 * "Repeat": a pending question is asked again, a step is read again with its hold; elsewhere, exactly
 * what was said last.
 */
export function repeat(state: SessionState, ctx: Ctx): Outcome {
  const pending = state.pending;
  if (pending && pending.kind !== 'easing') return askPending(state, pending, ctx, []);
  if (onStep(state)) return readStep(state, state.stepIndex, ctx);
  if (state.lastSpeech && state.lastReprompt) return ask(state, state.lastSpeech, state.lastReprompt);
  return carryOn(state, ctx, []);
}

export function startOver(state: SessionState, ctx: Ctx): Outcome {
  if (!state.routineId) return menu(state, ctx);
  return proceed({ ...withPending(state, undefined), stepIndex: -1, tries: 0 }, 0, ctx, [
    say(ctx.t('nav.startOver')),
  ]);
}

/** The step's longer explanation; the easing question stays open if it was. */
export function tellMore(state: SessionState, ctx: Ctx): Outcome {
  const routine = currentRoutine(state);
  const step = routine?.steps[state.stepIndex];
  if (!routine || !step || !onStep(state)) return menu(state, ctx, [say(ctx.t('more.outside'))]);
  // A step the session left out is not explained either: readStep says why and goes on.
  if (!allowed(step, gatesOf(state))) return readStep(withPending(state, undefined), state.stepIndex, ctx);
  const details = say(ctx.t(stepKey(routine, step, 'details')));
  if (state.pending?.kind === 'easing') return askPending(state, state.pending, ctx, [details]);
  return stepPrompt(state, ctx, [details]) ?? menu(state, ctx, [details]);
}

/** What the person can say right here, with progress kept. */
export function help(state: SessionState, ctx: Ctx): Outcome {
  const pending = state.pending;
  if (isSafetyPending(pending)) return askPending(state, pending, ctx, [say(ctx.t('screen.help'))]);
  const routine = currentRoutine(state);
  const step = routine?.steps[state.stepIndex];
  if (routine && step && onStep(state)) {
    const text = ctx.t('help.routine', {
      n: spokenNumber(state.stepIndex + 1, ctx.t),
      total: spokenNumber(routine.steps.length, ctx.t),
      title: ctx.t(stepKey(routine, step, 'title')),
    });
    if (pending) return askPending(state, pending, ctx, [say(text)]);
    const speech = [say(text), say(ctx.t('help.routinePrompt'))];
    return ask(
      state,
      speech,
      [say(ctx.t('step.reprompt'))],
      messageScreen('display.title.help', speech, ctx.t),
    );
  }
  if (pending?.kind === 'resume') return askPending(state, pending, ctx, [say(ctx.t('help.general'))]);
  const general = menu(state, ctx, [say(ctx.t('help.general'))]);
  return { ...general, display: messageScreen('display.title.help', general.speech, ctx.t) };
}

/** Pause: progress is already saved at the current step; the session ends. */
export function pauseRoutine(state: SessionState, ctx: Ctx): Outcome {
  const speech = onStep(state)
    ? ctx.t('nav.paused', { n: spokenNumber(state.stepIndex + 1, ctx.t) })
    : ctx.t('nav.goodbye');
  return { state: withPending(state, undefined), speech: [say(speech)], end: true };
}

export function stop(state: SessionState, ctx: Ctx): Outcome {
  const speech = onStep(state)
    ? ctx.t('nav.goodbyeSaved', { n: spokenNumber(state.stepIndex + 1, ctx.t) })
    : ctx.t('nav.goodbye');
  return { state: withPending(state, undefined), speech: [say(speech)], end: true };
}

/** Carries on with the saved routine at the saved step; the safety questions come first again. */
export function resume(state: SessionState, ctx: Ctx): Outcome {
  if (onStep(state)) return readStep(withPending(state, undefined), state.stepIndex, ctx);
  const progress = state.stored.progress;
  if (!progress) return menu(state, ctx, [say(ctx.t('nav.nothingSaved'))]);
  const routine = ROUTINES[progress.routineId];
  const from = Math.min(progress.stepIndex, routine.steps.length - 1);
  const words = { routine: routineName(routine, ctx.t), n: spokenNumber(from + 1, ctx.t) };
  const lead = say(ctx.t(state.disclaimed ? 'start.resumeSaid' : 'start.resume', words));
  return startRoutine({ ...state, disclaimed: true }, progress.routineId, ctx, [lead], from);
}

/** "No" to "shall we carry on?": the saved progress is cleared and the menu offered. */
export function declineResume(state: SessionState, ctx: Ctx): Outcome {
  return menu(
    withStored(state, ({ progress: _p, ...stored }) => stored),
    ctx,
  );
}

/** "Which leg?": the side the current step works on. */
export function whichLeg(state: SessionState, ctx: Ctx): Outcome {
  const step = currentRoutine(state)?.steps[state.stepIndex];
  if (!step || !onStep(state)) return carryOn(state, ctx, [say(ctx.t('side.noStep'))]);
  return carryOn(state, ctx, [say(ctx.t(`side.which.${step.side}`))]);
}

/** "Switch legs", "the other leg": the hold again, on the other leg, with time to move. */
export function switchLegs(state: SessionState, ctx: Ctx): Outcome {
  if (isSafetyPending(state.pending)) return carryOn(state, ctx, []);
  if (!onStep(state) || state.pending?.kind === 'resume')
    return carryOn(state, ctx, [say(ctx.t('side.noStep'))]);
  return readStep(withPending(state, undefined), state.stepIndex, ctx, [], 'otherLeg');
}

export type Posture = 'standing' | 'lying' | 'sitting';

/**
 * "I'm already up" / "I'm in bed": a stretch that can be done standing is read that way only for
 * someone who says they are up (facts §9 Routine 1 step 1-alt); the rest stay in bed or seated.
 */
export function setPosture(state: SessionState, posture: Posture, ctx: Ctx): Outcome {
  const step = currentRoutine(state)?.steps[state.stepIndex];
  // Up and about: the standing variant only after the §2.2 exclusions are asked (questions/standing-check.ts).
  if (posture === 'standing' && !state.standing && !isSafetyPending(state.pending))
    return askPending(state, { kind: 'standingCheck' }, ctx, []);
  const lead = [say(ctx.t(posture === 'lying' ? 'posture.lying' : 'posture.noted'))];
  const changed = { ...state, standing: posture === 'standing' && state.standing };
  if (step?.standing && onStep(state) && !isSafetyPending(state.pending)) {
    return readStep({ ...changed, tries: Math.max(0, state.tries - 1) }, state.stepIndex, ctx, lead);
  }
  return carryOn(changed, ctx, lead);
}

/** The standing check answered: the step read again as the person can do it, or carried on from. */
function afterStandingCheck(state: SessionState, standing: boolean, ctx: Ctx): Outcome {
  const settled = { ...withPending(state, undefined), standing };
  const step = currentRoutine(settled)?.steps[settled.stepIndex];
  const lead = [say(ctx.t(standing ? 'posture.standing' : 'standing.seated'))];
  if (step?.standing && onStep(settled))
    return readStep({ ...settled, tries: Math.max(0, settled.tries - 1) }, settled.stepIndex, ctx, lead);
  return carryOn(settled, ctx, lead);
}

/** Safe to stand: the standing variant, now (on a step that has one) or from the next such step. */
export const standUp = (state: SessionState, ctx: Ctx): Outcome => afterStandingCheck(state, true, ctx);

/** Not safe to stand: stay seated or in bed, and carry on with the seated step. */
export const staySeated = (state: SessionState, ctx: Ctx): Outcome => afterStandingCheck(state, false, ctx);
