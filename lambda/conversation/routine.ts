import type { Display } from '../display/screens';
import { nextAction, type Gates } from '../routines/step-walker';
import { TIMERS_SCOPE } from '../reminders/schedule';
import { MAX_TIMED_HOLD_SECONDS, type RoutineId } from '../routines/types';
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
  if (again) return read(again, []);
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
    case 'fullScreen':
      return askPending(
        state,
        { kind: 'screen', stage: 'full', question: 0, from: next.index, unclear: 0 },
        ctx,
        [...opening, say(ctx.t('screen.introFull'))],
      );
    case 'step': {
      const skips = next.skipped.map((step) =>
        say(ctx.t('step.skipped', { title: ctx.t(stepKey(routine, step, 'title')) })),
      );
      return readStep({ ...state, tries: 0 }, next.index, ctx, [...opening, ...skips]);
    }
    case 'finished': {
      const { routineId: _finished, ...rest } = withPending(state, undefined);
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
