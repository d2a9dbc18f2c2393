import { conditionalAdvice } from '../../safety/advice';
import {
  isScreenQuestionId,
  REPORTS,
  SCREEN_QUESTIONS,
  screenQuestion,
  type FlagLevel,
  type ScreenQuestion,
  type ScreenQuestionId,
} from '../../safety/red-flags';
import { say, type Speech } from '../../speech/ssml';
import type { Pending, SessionState } from '../../state/session';
import { answer } from '../answers';
import { raiseFlag, showingCondition } from '../flags';
import type { Heard } from '../heard';
import { currentRoutine, onStep, withPending, type Ctx, type Outcome } from '../outcome';
import { askPending, menu } from '../prompts';
import { previous, startOver } from '../navigation';
import { proceed, skippingTouch } from '../routine';
import { askAgain, askAgainIfUnclear, commandAtQuestion } from './common';
import { hedgeCheck, reportTrouble } from './report-check';
import { reportPain } from './pain-check';

/**
 * A red-flag question: a routine's screen, or a check asked after an answer (facts §5, product
 * decisions 2 and 3). Its clear yes is "yes" or its own symptom said as present; its clear no is "no",
 * a plain no or a denial that names a symptom (the NoIntent); a hedge gets the advice as a condition
 * and one check; cramp words and the cramp's pain ask it again; a command is never an answer.
 */

type RedFlagPending = Extract<Pending, { kind: 'screen' } | { kind: 'flagCheck' }>;

/** Yes, no, or still unclear (`undefined`, after its one more try). */
type Answer = boolean | undefined;

/** The question's id and its data. */
export function redFlagQuestion(
  state: SessionState,
  pending: RedFlagPending,
): { id: ScreenQuestionId; question: ScreenQuestion } | undefined {
  const id = pending.kind === 'flagCheck' ? pending.question : screenIds(state, pending)[pending.question];
  return isScreenQuestionId(id) ? { id, question: SCREEN_QUESTIONS[id] } : undefined;
}

/** The questions of a routine's screen stage. */
export function screenIds(
  state: SessionState,
  pending: Extract<Pending, { kind: 'screen' }>,
): readonly string[] {
  const routine = currentRoutine(state);
  if (!routine) return [];
  return pending.stage === 'short'
    ? routine.shortScreen
    : pending.stage === 'full'
      ? routine.fullScreen
      : routine.resumeScreen;
}

/** The answer to a routine's screen question. */
function answerScreen(
  state: SessionState,
  pending: Extract<Pending, { kind: 'screen' }>,
  yes: Answer,
  ctx: Ctx,
): Outcome {
  const routine = currentRoutine(state);
  const asked = redFlagQuestion(state, pending);
  if (!routine) return menu(state, ctx);
  if (!asked) return proceed(withPending(state, undefined), pending.from, ctx);
  const { id, question } = asked;
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
    if (pending.stage !== 'full') return raiseFlag(state, question.onYes, id, ctx, false);
    const advised = proceed(skippingTouch(withPending(state, undefined)), pending.from, ctx, [
      say(ctx.t('screen.skipTouchUnclear')),
      ...conditionalAdvice(question.onYes, id, ctx.locale, ctx.t),
    ]);
    return showingCondition(advised, question.onYes, id, ctx);
  }
  const ids = screenIds(state, pending);
  if (pending.question + 1 < ids.length) {
    return askPending(state, { ...pending, question: pending.question + 1, unclear: 0 }, ctx, lead);
  }
  const screening =
    pending.stage === 'resume'
      ? { ...state.screening, short: true, full: true }
      : { ...state.screening, [pending.stage]: true };
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

/** A clear yes, a clear no, or an answer still unclear after its one more try. */
export function answerRedFlag(state: SessionState, pending: RedFlagPending, yes: Answer, ctx: Ctx): Outcome {
  return pending.kind === 'screen'
    ? answerScreen(state, pending, yes, ctx)
    : answerFlagCheck(state, pending, yes, ctx);
}

/** What the words heard are to a red-flag question. */
export function hearRedFlag(
  state: SessionState,
  pending: RedFlagPending,
  heard: Heard,
  ctx: Ctx,
): Outcome | undefined {
  const asked = redFlagQuestion(state, pending);
  switch (heard.kind) {
    case 'yes':
      return answerRedFlag(state, pending, true, ctx);
    case 'no':
      return answerRedFlag(state, pending, false, ctx);
    case 'report': {
      // Its own symptom said as present is its clear yes; another is a report out of the blue, checked.
      // Its own symptom, named, is a clear yes with that symptom's own advice (more precise than the group's).
      const owned = asked?.question.owns?.includes(heard.report) === true;
      return owned
        ? raiseFlag(state, REPORTS[heard.report].level, heard.report, ctx)
        : reportTrouble(state, heard.report, ctx);
    }
    case 'hedge':
      // Neither yes nor no: the advice at once, as a condition, and one check (decision 3, rule 2).
      if (!asked || asked.question.onYes === 'skipTouch')
        return answerRedFlag(state, pending, undefined, ctx);
      return hedgeCheck(state, asked.id, pending, ctx);
    case 'cramp':
      return askAgain(state, pending, ctx);
    case 'pain':
      // The cramp's own pain is not an answer; pain that is sharp, or worse once it eased, is checked.
      return heard.how === 'sharp' || (heard.how === 'worse' && state.eased)
        ? reportPain(state, ctx)
        : askAgain(state, pending, ctx, 'screen.painFirst');
    case 'command':
      // A routine's screen lets go back and start over move through the routine; it is asked again on the way.
      if (pending.kind === 'screen' && heard.command === 'back' && onStep(state))
        return previous(withPending(state, undefined), ctx);
      if (pending.kind === 'screen' && heard.command === 'startOver')
        return startOver(withPending(state, undefined), ctx);
      return commandAtQuestion(state, pending, heard.command, ctx);
    case 'unclear':
      return askAgainIfUnclear(state, pending, ctx) ?? answerRedFlag(state, pending, undefined, ctx);
    case 'other':
      return undefined;
  }
}
