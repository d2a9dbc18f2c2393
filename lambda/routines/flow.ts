import { episodeWarning, flagAdvice, flagDisplay } from '../safety/advice';
import {
  EPISODE_LIMIT_MS,
  MAX_UNCLEAR_ANSWERS,
  SCREEN_QUESTIONS,
  type FlagLevel,
  type FlagReason,
} from '../safety/questions';
import { say, toPlainText, type Part } from '../speech/ssml';
import { afterStep, routineName, scaledHold, stepKey, stepSpeech } from '../speech/step';
import type { Translate } from '../speech/translate';
import { spokenNumber } from '../speech/numbers';
import type { Pending, SessionState } from '../state/session';
import type { StoredState } from '../state/stored';
import { ROUTINES } from './data';
import { nextAction, previousIndex, type Gates } from './engine';
import { MAX_TIMED_HOLD_SECONDS, type Routine, type RoutineId } from './types';
import type { Display } from '../display/screens';

/** Conversation moves inside a routine: pure functions from state to state plus what to say. */

export interface Ctx {
  readonly t: Translate;
  readonly locale: string;
  /** The request's timestamp, in ms: the clock for the cramp episode. */
  readonly nowMs: number;
}

export interface Outcome {
  readonly state: SessionState;
  /** Ask Alexa to get the user's consent by voice (a permission scope); the answer comes back later. */
  readonly askPermission?: { readonly scope: string; readonly token: string };
  /** What a screen device shows; without one it shows the speech as text. */
  readonly display?: Display;
  readonly speech: readonly Part[];
  /** Required whenever the session stays open. */
  readonly reprompt?: readonly Part[];
  readonly end: boolean;
  /** Safety answers are spoken in the normal voice, whatever the voice preferences. */
  readonly plainVoice?: boolean;
}

const ask = (state: SessionState, speech: Part[], reprompt: Part[], display?: Display): Outcome => ({
  state,
  speech,
  reprompt,
  end: false,
  display,
});

/** A message screen: a title key and the words (the speech as text unless given). */
const message = (title: string, body: readonly Part[] | string, t: Translate): Display => ({
  kind: 'message',
  title: t(title),
  body: typeof body === 'string' ? body : toPlainText(body),
});

function gatesOf(state: SessionState): Gates {
  const { short, full, skipTouch, heatColdOk } = state.screening;
  return { shortScreenDone: short, fullScreenDone: full, skipTouch, heatColdOk };
}

function withStored(state: SessionState, change: (stored: StoredState) => StoredState): SessionState {
  return { ...state, stored: change(state.stored) };
}

/** No question pending is `pending: undefined` (dropped when the session is serialised). */
export function withPending(state: SessionState, pending: Pending | undefined): SessionState {
  return { ...state, pending };
}

export function currentRoutine(state: SessionState): Routine | undefined {
  return state.routineId ? ROUTINES[state.routineId] : undefined;
}

/** In a routine with a step already read (not still in its opening safety questions). */
export function onStep(state: SessionState): boolean {
  return state.routineId !== undefined && state.stepIndex >= 0;
}

function menuPrompt(ctx: Ctx): { speech: Part[]; reprompt: Part[] } {
  return { speech: [say(ctx.t('menu.offer'))], reprompt: [say(ctx.t('menu.reprompt'))] };
}

/** Back to the routines menu: the routine is put down, session safety answers are kept. */
export function menu(state: SessionState, ctx: Ctx, lead: readonly Part[] = []): Outcome {
  const { routineId: _r, ...rest } = withPending(state, undefined);
  const prompt = menuPrompt(ctx);
  return ask(
    { ...rest, stepIndex: -1, tries: 0 },
    [...lead, ...prompt.speech],
    prompt.reprompt,
    message('display.title.app', [...lead, ...prompt.speech], ctx.t),
  );
}

function questionText(state: SessionState, pending: Pending, ctx: Ctx): string {
  if (pending.kind === 'heatCold') return ctx.t('heatCold.question');
  if (pending.kind === 'easing') return ctx.t('easing.question');
  if (pending.kind === 'reminderOffer') return ctx.t('reminder.offer');
  if (pending.kind === 'reminderTime') return ctx.t('reminder.askTime');
  if (pending.kind === 'flagCheck') return ctx.t(`screen.${pending.question}`);
  if (pending.kind === 'resume') {
    const progress = state.stored.progress;
    return progress
      ? ctx.t('welcome.resumeOffer', {
          n: spokenNumber(progress.stepIndex + 1, ctx.t),
          routine: routineName(ROUTINES[progress.routineId], ctx.t),
        })
      : ctx.t('menu.offer');
  }
  const routine = currentRoutine(state);
  const ids = routine ? (pending.stage === 'short' ? routine.shortScreen : routine.fullScreen) : [];
  const id = ids[pending.question];
  return id ? ctx.t(`screen.${id}`) : ctx.t('screen.reprompt');
}

/** Asks a question that waits for an answer (yes or no, or a time), keeping the session open. */
export function askPending(state: SessionState, pending: Pending, ctx: Ctx, lead: readonly Part[]): Outcome {
  const question = questionText(state, pending, ctx);
  const reprompts: Partial<Record<Pending['kind'], string>> = {
    easing: ctx.t('easing.reprompt'),
    reminderOffer: ctx.t('reminder.offerReprompt'),
    reminderTime: ctx.t('reminder.askTimeReprompt'),
  };
  const reprompt = reprompts[pending.kind] ?? `${ctx.t('screen.reprompt')} ${question}`;
  const safety = pending.kind === 'screen' || pending.kind === 'heatCold' || pending.kind === 'flagCheck';
  const display = safety ? message('display.title.safety', question, ctx.t) : undefined;
  return ask(withPending(state, pending), [...lead, say(question)], [say(reprompt)], display);
}

/** Says the ten-minute warning once, when a cramp has gone on that long without easing (facts §5(b)). */
function clockLead(state: SessionState, ctx: Ctx): { state: SessionState; lead: Part[] } {
  const routine = currentRoutine(state);
  const due =
    routine?.watchesEpisodeClock === true &&
    !state.eased &&
    !state.clockWarned &&
    ctx.nowMs - state.sessionStartMs >= EPISODE_LIMIT_MS;
  return due
    ? { state: { ...state, clockWarned: true }, lead: [...episodeWarning(ctx.locale, ctx.t)] }
    : { state, lead: [] };
}

/** Reads step `index` with its hold, saves progress there, and asks what comes next. */
export function readStep(state: SessionState, index: number, ctx: Ctx, lead: readonly Part[] = []): Outcome {
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
export function proceed(state: SessionState, from: number, ctx: Ctx, lead: readonly Part[] = []): Outcome {
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
  lead: readonly Part[],
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

/** A red flag: the advice for it, the session ends, and nothing but the advice follows in it. */
export function raiseFlag(state: SessionState, level: FlagLevel, reason: FlagReason, ctx: Ctx): Outcome {
  const flagged = withPending({ ...state, flag: { level, reason } }, undefined);
  const speech = flagAdvice(level, reason, ctx.locale, ctx.t);
  return {
    state: flagged,
    speech,
    end: true,
    plainVoice: true,
    display: flagDisplay(level, speech, ctx.locale, ctx.t),
  };
}

/** Any request after a red flag in the same session gets the same advice again. */
export function locked(state: SessionState, ctx: Ctx): Outcome {
  const flag = state.flag ?? { level: 'urgent', reason: 'other' };
  const speech = [say(ctx.t('flag.locked')), ...flagAdvice(flag.level, flag.reason, ctx.locale, ctx.t)];
  return {
    state: withPending(state, undefined),
    speech,
    end: true,
    plainVoice: true,
    display: flagDisplay(flag.level, speech, ctx.locale, ctx.t),
  };
}

type SafetyPending = Extract<Pending, { unclear: number }>;

/** An unclear answer to a safety question is asked once more (facts §5, how to ask); then it counts as yes. */
function askAgainIfUnclear(
  state: SessionState,
  pending: SafetyPending,
  yes: boolean | undefined,
  ctx: Ctx,
): Outcome | undefined {
  if (yes !== undefined || pending.unclear >= MAX_UNCLEAR_ANSWERS) return undefined;
  return askPending(state, { ...pending, unclear: pending.unclear + 1 }, ctx, [say(ctx.t('screen.unclear'))]);
}

/** The answer to a red-flag screen question; `undefined` means the answer was unclear. */
export function answerScreen(state: SessionState, yes: boolean | undefined, ctx: Ctx): Outcome {
  const pending = state.pending;
  const routine = currentRoutine(state);
  if (pending?.kind !== 'screen' || !routine) return menu(state, ctx);
  const ids = pending.stage === 'short' ? routine.shortScreen : routine.fullScreen;
  const question = SCREEN_QUESTIONS[ids[pending.question] ?? ''];
  const again = askAgainIfUnclear(state, pending, yes, ctx);
  if (again) return again;
  // Still unclear after asking again counts as "yes" (facts §5, how to ask).
  if (yes !== false && question) {
    if (question.onYes !== 'skipTouch') return raiseFlag(state, question.onYes, question.reason, ctx);
    state = { ...state, screening: { ...state.screening, skipTouch: true } };
  }
  const lead = yes !== false && question?.onYes === 'skipTouch' ? [say(ctx.t('screen.skipTouch'))] : [];
  if (pending.question + 1 < ids.length) {
    return askPending(state, { ...pending, question: pending.question + 1, unclear: 0 }, ctx, lead);
  }
  const screening = { ...state.screening, [pending.stage]: true };
  return proceed(
    withPending({ ...state, screening }, undefined),
    pending.from,
    ctx,
    lead.length > 0 ? lead : [say(ctx.t('screen.clear'))],
  );
}

/** The reduced-feeling question before heat or cold: yes (or unclear twice) skips them. */
export function answerHeatCold(state: SessionState, yes: boolean | undefined, ctx: Ctx): Outcome {
  const pending = state.pending;
  if (pending?.kind !== 'heatCold') return menu(state, ctx);
  const again = askAgainIfUnclear(state, pending, yes, ctx);
  if (again) return again;
  const ok = yes === false;
  const next = withPending({ ...state, screening: { ...state.screening, heatColdOk: ok } }, undefined);
  const step = currentRoutine(state)?.steps[pending.step];
  const lead = ok ? [] : [say(ctx.t(step?.kind === 'cold' ? 'heatCold.skipCold' : 'heatCold.skipHeat'))];
  return proceed(next, pending.step, ctx, lead);
}

/** "Is the cramp easing?" yes: move on; no: once more, up to the step's tries, then something else. */
export function answerEasing(state: SessionState, yes: boolean, ctx: Ctx): Outcome {
  const routine = currentRoutine(state);
  const step = routine?.steps[state.stepIndex];
  if (!routine || !step) return menu(state, ctx);
  if (yes) return proceed({ ...state, eased: true }, state.stepIndex + 1, ctx, [say(ctx.t('easing.good'))]);
  if (state.tries < (step.checkEasing?.maxTries ?? 1)) {
    return readStep(state, state.stepIndex, ctx, [say(ctx.t('easing.again'))]);
  }
  return proceed(state, state.stepIndex + 1, ctx, [say(ctx.t('easing.moveOn'))]);
}

/** Pain that gets worse: stop, ease off, then offer a gentle next step or finishing. */
export function reportPain(state: SessionState, ctx: Ctx): Outcome {
  const advice = [say(ctx.t('pain.stop')), say(ctx.t('pain.advice'))];
  const pending = state.pending;
  if (pending?.kind === 'screen' || pending?.kind === 'heatCold')
    return askPending(state, pending, ctx, advice);
  if (!onStep(state)) return menu(state, ctx, advice);
  return ask(
    withPending(state, undefined),
    [...advice, say(ctx.t('pain.offer'))],
    [say(ctx.t('pain.offer'))],
  );
}

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

/** The same step again, hold included; a pending question is asked again. */
export function repeat(state: SessionState, ctx: Ctx): Outcome | undefined {
  const pending = state.pending;
  if (pending && pending.kind !== 'easing') return askPending(state, pending, ctx, []);
  if (onStep(state)) return readStep(state, state.stepIndex, ctx);
  return undefined;
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
  const details = say(ctx.t(stepKey(routine, step, 'details')));
  if (state.pending?.kind === 'easing') return askPending(state, state.pending, ctx, [details]);
  const after = afterStep(routine, state.stepIndex, ctx.t);
  return ask(state, [details, say(after.prompt)], [say(after.reprompt)]);
}

/** What the person can say right here, with progress kept. */
export function help(state: SessionState, ctx: Ctx): Outcome {
  const pending = state.pending;
  if (pending?.kind === 'screen' || pending?.kind === 'heatCold') {
    return askPending(state, pending, ctx, [say(ctx.t('screen.help'))]);
  }
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
    return ask(state, speech, [say(ctx.t('step.reprompt'))], message('display.title.help', speech, ctx.t));
  }
  if (pending?.kind === 'resume') return askPending(state, pending, ctx, [say(ctx.t('help.general'))]);
  const general = menu(state, ctx, [say(ctx.t('help.general'))]);
  return { ...general, display: message('display.title.help', [...general.speech], ctx.t) };
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
  const lead = say(
    ctx.t('start.resume', { routine: routineName(routine, ctx.t), n: spokenNumber(from + 1, ctx.t) }),
  );
  return startRoutine(state, progress.routineId, ctx, [lead], from);
}

/** "No" to "shall we carry on?": the saved progress is cleared and the menu offered. */
export function declineResume(state: SessionState, ctx: Ctx): Outcome {
  return menu(
    withStored(state, ({ progress: _p, ...stored }) => stored),
    ctx,
  );
}

/** The step prompt or the menu, for answers that don't change where the person is. */
export function carryOn(state: SessionState, ctx: Ctx, lead: readonly Part[]): Outcome {
  const routine = currentRoutine(state);
  if (state.pending) return askPending(state, state.pending, ctx, lead);
  if (routine && onStep(state)) {
    const after = afterStep(routine, state.stepIndex, ctx.t);
    return ask(state, [...lead, say(after.prompt)], [say(after.reprompt)]);
  }
  return menu(state, ctx, lead);
}

/** An answer to a question: mid-routine it ends with "say next to carry on"; elsewhere, the routines. */
export function answer(
  state: SessionState,
  speech: readonly Part[],
  ctx: Ctx,
  checks: readonly string[] = [],
): Outcome {
  const [first, ...then] = checks;
  if (first) return askPending(state, { kind: 'flagCheck', question: first, then, unclear: 0 }, ctx, speech);
  if (state.pending) return askPending(state, state.pending, ctx, speech);
  if (onStep(state))
    return ask(state, [...speech, say(ctx.t('questions.carryOn'))], [say(ctx.t('step.reprompt'))]);
  return menu(state, ctx, speech);
}

/** Yes (or unclear twice) to the red-flag question after an answer raises that flag; no carries on. */
export function answerFlagCheck(state: SessionState, yes: boolean | undefined, ctx: Ctx): Outcome {
  const pending = state.pending;
  if (pending?.kind !== 'flagCheck') return menu(state, ctx);
  const again = askAgainIfUnclear(state, pending, yes, ctx);
  if (again) return again;
  const question = SCREEN_QUESTIONS[pending.question];
  if (yes !== false && question && question.onYes !== 'skipTouch') {
    return raiseFlag(state, question.onYes, question.reason, ctx);
  }
  const [next, ...then] = pending.then;
  if (next) return askPending(state, { kind: 'flagCheck', question: next, then, unclear: 0 }, ctx, []);
  return answer(withPending(state, undefined), [say(ctx.t('screen.clear'))], ctx);
}
