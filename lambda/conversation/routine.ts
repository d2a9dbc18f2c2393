import type { Display } from '../display/screens';
import { allowed, nextAction, type Gates } from '../routines/step-walker';
import { TIMERS_SCOPE } from '../reminders/schedule';
import { MAX_TIMED_HOLD_SECONDS, type Routine, type RoutineId, type Step } from '../routines/types';
import { say, type Speech } from '../speech/ssml';
import { stepKey } from '../speech/keys';
import { afterStep, scaledHold, stepSpeech, type Reading } from '../speech/step';
import { secondsUntilAfter } from '../speech/timing';
import type { Pending, SessionState } from '../state/session';
import { clockStop, locked } from './flags';
import { ask, currentRoutine, withPending, withStored, type Ctx, type Outcome } from './outcome';
import { askPending } from './prompts';
import { timerToken, type TimerToken } from './timer-token';

/** Walking a routine: reading a step, and deciding what comes after it through the step walker. */

export function gatesOf(state: SessionState): Gates {
  const { short, full, skipTouch } = state.screening;
  return { shortScreenDone: short, fullScreenDone: full, skipTouch };
}

/**
 * The one record of what is left out for the rest of the session (facts §5, decision 3 rule 5): a flag
 * or a hard stop leaves out every step (`state.flag`); broken skin, reduced feeling, an unclear answer
 * or "it hurts more" leave out massage, heat and cold (this). Every move reads steps through readStep,
 * which consults it.
 */
export const skippingTouch = (state: SessionState): SessionState => ({
  ...state,
  screening: { ...state.screening, skipTouch: true },
});

/** Reads step `index` with its hold, saves progress there, and asks what comes next. */
export function readStep(
  state: SessionState,
  index: number,
  ctx: Ctx,
  lead: Speech = [],
  again?: 'retry' | 'otherLeg',
): Outcome {
  const routine = currentRoutine(state);
  if (!routine || state.flag) return locked(state, ctx);
  const stop = clockStop(state, ctx);
  if (stop) return stop;
  const step = routine.steps[index];
  // A step the session left out is never read again, whatever asked for it: say why, and go on.
  if (step && !allowed(step, gatesOf(state))) return proceed(state, index, ctx, lead);
  const timerGranted = ctx.granted.has(TIMERS_SCOPE);
  if (step?.timer && !timerGranted && !state.timerAsked) {
    // Alexa asks for the timer permission by voice; its answer reads this step (timerAnswer).
    return {
      state: { ...withPending(state, undefined), timerAsked: true },
      speech: [...lead, say(ctx.t('timer.permission'))],
      end: false,
      askPermission: {
        scope: TIMERS_SCOPE,
        token: timerToken(routine.id, index, state.screening, state.standing),
      },
    };
  }
  const tries = index === state.stepIndex ? state.tries + 1 : 1;
  const saved = withStored({ ...state, stepIndex: index, tries }, (stored) => ({
    ...stored,
    progress: { routineId: routine.id, stepIndex: index },
  }));
  const after = afterStep(routine, index, ctx.t);
  const holdScale = saved.stored.preferences.holdScale;
  const timed = step !== undefined && step.holdSeconds > 0 && step.holdSeconds <= MAX_TIMED_HOLD_SECONDS;
  const pending: Pending | undefined = after.asksEasing ? { kind: 'easing' } : undefined;
  // Where every word counts (a cramp now), the first stretch comes without "Step one of four".
  const heading = !(routine.quickStart === true && index === 0 && tries === 1);
  const read = (reading: Reading, timerLine: Speech): Outcome => {
    const speech = [...lead, ...stepSpeech(routine, index, holdScale, ctx.t, { reading, heading })];
    // The screen's countdown starts about when "Hold." is said, not when the card appears.
    const display: Display = {
      kind: 'step',
      routineId: routine.id,
      index,
      holdSeconds: timed ? scaledHold(step, holdScale) : 0,
      holdStartsAfterMs: timed
        ? Math.round(secondsUntilAfter(speech, ctx.t(`hold.start.${step.kind}`)) * 1000)
        : 0,
    };
    return ask(
      withPending(saved, pending),
      [...speech, ...timerLine, say(after.prompt)],
      [say(after.reprompt)],
      display,
    );
  };
  // Standing, the retry has its own words: the toes are not pulled up on that variant.
  if (again) return read(again === 'retry' && step?.standing && state.standing ? 'retryStanding' : again, []);
  if (step?.standing && state.standing) return read('instructionStanding', []);
  if (!step?.timer) return read('instruction', []);
  // Without a timer: no hot water bottle fetched at night, and "don't fall asleep with it on".
  const withoutTimer = read('instructionNoTimer', []);
  if (!timerGranted) return withoutTimer;
  return {
    ...read('instruction', [say(ctx.t('timer.set'))]),
    timer: { seconds: step.holdSeconds, announce: ctx.t('timer.announce'), ifFailed: withoutTimer },
  };
}

/**
 * Alexa's answer to the timer permission: the step is read, with the timer or without. A session that
 * lost its routine (the answer came without the session's attributes) goes on from what the token carries.
 */
export function timerAnswer(state: SessionState, token: TimerToken, accepted: boolean, ctx: Ctx): Outcome {
  const granted = accepted ? new Set([...ctx.granted, TIMERS_SCOPE]) : ctx.granted;
  const restored = state.routineId === undefined && token.carried ? { ...state, ...token.carried } : state;
  return proceed({ ...restored, timerAsked: true }, token.index, { ...ctx, granted });
}

/** The steps left out on the way, and why, in one short sentence ("We'll skip the rub and the warmth, to be safe."). */
function skipped(routine: Routine, steps: readonly Step[], ctx: Ctx): Speech {
  if (steps.length === 0) return [];
  const titles = steps.map((step) => ctx.t(stepKey(routine, step, 'title')));
  const title = new Intl.ListFormat(ctx.locale, { type: 'conjunction' }).format(titles);
  return [say(ctx.t('step.skipped', { title }))];
}

/** Moves on from step `from`: the next safety question, the next allowed step, or the closing. */
export function proceed(state: SessionState, from: number, ctx: Ctx, lead: Speech = []): Outcome {
  const routine = currentRoutine(state);
  if (!routine || state.flag) return locked(state, ctx);
  const stop = clockStop(state, ctx);
  if (stop) return stop;
  const next = nextAction(routine, from, gatesOf(state));
  const opening = lead;
  switch (next.type) {
    case 'shortScreen': {
      // For a cramp now, the questions come without an introduction: every word counts.
      const intro = routine.shortScreen.length > 2 ? 'screen.introShortThree' : 'screen.introShort';
      const introduced = routine.quickStart ? opening : [...opening, say(ctx.t(intro))];
      return askPending(
        state,
        { kind: 'screen', stage: 'short', question: 0, from, unclear: 0 },
        ctx,
        introduced,
      );
    }
    case 'resumeScreen':
      return askPending(state, { kind: 'screen', stage: 'resume', question: 0, from, unclear: 0 }, ctx, [
        ...opening,
        say(ctx.t('screen.introFull')),
      ]);
    case 'fullScreen':
      return askPending(
        state,
        { kind: 'screen', stage: 'full', question: 0, from: next.index, unclear: 0 },
        ctx,
        [...opening, say(ctx.t('screen.introFull'))],
      );
    case 'step':
      return readStep({ ...state, tries: 0 }, next.index, ctx, [
        ...opening,
        ...skipped(routine, next.skipped, ctx),
      ]);
    case 'finished': {
      const { routineId: _finished, ...rest } = withPending(state, undefined);
      const done = withStored({ ...rest, stepIndex: -1, tries: 0 }, ({ progress: _p, ...stored }) => stored);
      // Said why already (a flag, "it hurts more"), or said here: never twice.
      const closing = [
        ...opening,
        ...(opening.length === 0 ? skipped(routine, next.skipped, ctx) : []),
        say(ctx.t(`routines.${routine.id}.closing`)),
      ];
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
