import { conditionalAdvice } from '../safety/advice';
import {
  MAX_UNCLEAR_ANSWERS,
  REPORTS,
  SCREEN_QUESTIONS,
  isScreenQuestionId,
  screenQuestion,
  type FlagLevel,
  type ReportId,
  type ScreenQuestion,
} from '../safety/red-flags';
import { say, type Speech } from '../speech/ssml';
import type { MessageKey } from '../speech/translate';
import { isSafetyPending, type Pending, type SafetyPending, type SessionState } from '../state/session';
import { answer } from './answers';
import { raiseFlag, showingCondition } from './flags';
import { ask, currentRoutine, onStep, withPending, type Ctx, type Outcome } from './outcome';
import { askPending, carryOn, menu } from './prompts';
import { previous } from './navigation';
import { proceed } from './routine';

/**
 * The safety questions and their answers (facts §5, product decision 2): a clear yes gives the
 * imperative; an answer still unclear after one more try gives the advice as a condition and goes no
 * further than the question allows; a command is never an answer.
 */

/** Yes, no, or unclear (`undefined`). */
export type Answer = boolean | undefined;

/** An unclear answer is asked once more; `undefined` when it has had its one more try. */
function askAgainIfUnclear(
  state: SessionState,
  pending: SafetyPending,
  yes: Answer,
  ctx: Ctx,
): Outcome | undefined {
  if (yes !== undefined || pending.unclear >= MAX_UNCLEAR_ANSWERS) return undefined;
  return askPending(state, { ...pending, unclear: pending.unclear + 1 }, ctx, [say(ctx.t('screen.unclear'))]);
}

const skippingTouch = (state: SessionState): SessionState => ({
  ...state,
  screening: { ...state.screening, skipTouch: true },
});

/** The answer to a routine's screen question. */
function answerScreen(
  state: SessionState,
  pending: Extract<Pending, { kind: 'screen' }>,
  yes: Answer,
  ctx: Ctx,
): Outcome {
  const routine = currentRoutine(state);
  if (!routine) return menu(state, ctx);
  const ids = pending.stage === 'short' ? routine.shortScreen : routine.fullScreen;
  const id = ids[pending.question];
  if (!isScreenQuestionId(id)) return proceed(withPending(state, undefined), pending.from, ctx);
  const question: ScreenQuestion = SCREEN_QUESTIONS[id];
  const again = askAgainIfUnclear(state, pending, yes, ctx);
  if (again) return again;
  let lead: Speech = [];
  if (question.onYes === 'skipTouch') {
    if (yes !== false) {
      state = skippingTouch(state);
      lead = [say(ctx.t(yes ? 'screen.skipTouch' : 'screen.skipTouchUnclear'))];
    }
  } else if (yes === true) {
    return raiseFlag(state, question.onYes, id, ctx);
  } else if (yes === undefined) {
    // Still unclear: before the first step nothing goes on; before massage, only massage, heat and cold stop.
    if (pending.stage === 'short') return raiseFlag(state, question.onYes, id, ctx, false);
    const advised = proceed(skippingTouch(withPending(state, undefined)), pending.from, ctx, [
      say(ctx.t('screen.skipTouchUnclear')),
      ...conditionalAdvice(question.onYes, id, ctx.locale, ctx.t),
    ]);
    return showingCondition(advised, question.onYes, id, ctx);
  }
  if (pending.question + 1 < ids.length) {
    return askPending(state, { ...pending, question: pending.question + 1, unclear: 0 }, ctx, lead);
  }
  const screening = { ...state.screening, [pending.stage]: true };
  const straightOn = pending.stage === 'short' && routine.quickStart === true;
  return proceed(
    withPending({ ...state, screening }, undefined),
    pending.from,
    ctx,
    lead.length > 0 || straightOn ? lead : [say(ctx.t('screen.clear'))],
  );
}

/** The red-flag questions asked after an answer: a yes raises that flag; still unclear, its advice as a condition. */
function answerFlagCheck(
  state: SessionState,
  pending: Extract<Pending, { kind: 'flagCheck' }>,
  yes: Answer,
  ctx: Ctx,
): Outcome {
  const again = askAgainIfUnclear(state, pending, yes, ctx);
  if (again) return again;
  const question = screenQuestion(pending.question);
  let lead: Speech = [say(ctx.t('screen.clear'))];
  let condition: FlagLevel | undefined;
  if (question && question.onYes !== 'skipTouch') {
    if (yes === true) return raiseFlag(state, question.onYes, pending.question, ctx);
    if (yes === undefined) {
      state = skippingTouch(state);
      condition = question.onYes;
      lead = conditionalAdvice(condition, pending.question, ctx.locale, ctx.t);
    }
  }
  const [next, ...then] = pending.then;
  const outcome = next
    ? askPending(state, { kind: 'flagCheck', question: next, then, unclear: 0 }, ctx, lead)
    : answer(withPending(state, undefined), lead, ctx);
  return condition ? showingCondition(outcome, condition, pending.question, ctx) : outcome;
}

/** Back to the question a check interrupted, or to where the person was. */
function resumeAfterCheck(state: SessionState, back: Pending | undefined, ctx: Ctx, lead: Speech): Outcome {
  return back ? askPending(state, back, ctx, lead) : carryOn(withPending(state, undefined), ctx, lead);
}

/**
 * A report said out of the blue ("I have chest pain", "my calf is swollen") may be misheard: its
 * advice at once, as a condition with the number first, and one yes/no check.
 */
export function reportTrouble(state: SessionState, report: ReportId, ctx: Ctx): Outcome {
  // Said in answer to a red-flag question, it is that question's clear yes, not a report out of the blue.
  const kind = state.pending?.kind;
  if (kind === 'screen' || kind === 'flagCheck') return raiseFlag(state, REPORTS[report].level, report, ctx);
  const back = state.pending && state.pending.kind !== 'reportCheck' ? state.pending : undefined;
  return askPending(state, { kind: 'reportCheck', report, unclear: 0, ...(back ? { back } : {}) }, ctx, []);
}

/** Yes, or no clear answer, confirms the report; no goes back, with the full screen still to answer. */
function answerReportCheck(
  state: SessionState,
  pending: Extract<Pending, { kind: 'reportCheck' }>,
  yes: Answer,
  ctx: Ctx,
): Outcome {
  if (yes !== false) return raiseFlag(state, REPORTS[pending.report].level, pending.report, ctx);
  const unscreened = { ...state, screening: { ...state.screening, full: false } };
  return resumeAfterCheck(unscreened, pending.back, ctx, [say(ctx.t('flag.notHappening'))]);
}

/** "It hurts more": stop and let go, then one question: is it severe, or still getting worse? */
export function reportPain(state: SessionState, ctx: Ctx): Outcome {
  const back = state.pending && state.pending.kind !== 'painCheck' ? state.pending : undefined;
  return askPending(state, { kind: 'painCheck', unclear: 0, ...(back ? { back } : {}) }, ctx, [
    say(ctx.t('pain.stop')),
  ]);
}

/** Severe or worsening pain is a hard stop; otherwise no more massage, heat or cold in this session. */
function answerPainCheck(
  state: SessionState,
  pending: Extract<Pending, { kind: 'painCheck' }>,
  yes: Answer,
  ctx: Ctx,
): Outcome {
  const again = askAgainIfUnclear(state, pending, yes, ctx);
  if (again) return again;
  if (yes === true) return raiseFlag(state, 'urgent', 'painWorse', ctx);
  const eased = skippingTouch(state);
  const lead: Speech =
    yes === false
      ? [say(ctx.t('pain.skipTouch'))]
      : [...conditionalAdvice('urgent', 'painWorse', ctx.locale, ctx.t), say(ctx.t('pain.skipTouch'))];
  const outcome = pending.back
    ? askPending(eased, pending.back, ctx, lead)
    : onStep(eased)
      ? ask(withPending(eased, undefined), [...lead, say(ctx.t('pain.offer'))], [say(ctx.t('pain.offer'))])
      : menu(eased, ctx, lead);
  return yes === false ? outcome : showingCondition(outcome, 'urgent', 'painWorse', ctx);
}

/** The answer to whichever safety question is waiting. */
export function answerSafety(state: SessionState, yes: Answer, ctx: Ctx): Outcome {
  const pending = state.pending;
  if (!isSafetyPending(pending)) return carryOn(state, ctx, []);
  switch (pending.kind) {
    case 'screen':
      return answerScreen(state, pending, yes, ctx);
    case 'flagCheck':
      return answerFlagCheck(state, pending, yes, ctx);
    case 'reportCheck':
      return answerReportCheck(state, pending, yes, ctx);
    case 'painCheck':
      return answerPainCheck(state, pending, yes, ctx);
  }
}

/** A command said while a safety question waits. */
export type ScreenCommand = 'repeat' | 'help' | 'next' | 'back';

const COMMAND_LEADS: Readonly<Record<Exclude<ScreenCommand, 'back'>, MessageKey>> = {
  repeat: 'screen.again',
  help: 'screen.help',
  next: 'screen.answerFirst',
};

/**
 * A command is not an answer: repeat, "what?" and help ask the same question again, slowly; next asks
 * for the answer first; go back returns to the step before, never past the unanswered question. None
 * of them counts as unclear.
 */
export function commandAtScreen(state: SessionState, command: ScreenCommand, ctx: Ctx): Outcome {
  const pending = state.pending;
  if (!isSafetyPending(pending)) return carryOn(state, ctx, []);
  if (command === 'back' && onStep(state)) return previous(withPending(state, undefined), ctx);
  const lead = COMMAND_LEADS[command === 'back' ? 'next' : command];
  return { ...askPending(state, pending, ctx, [say(ctx.t(lead))]), slow: true };
}
