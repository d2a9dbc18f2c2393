import { conditionalAdvice, flagAdvice } from '../../safety/advice';
import {
  isReportId,
  REPORTS,
  screenQuestion,
  type FlagLevel,
  type ReportId,
  type ScreenQuestionId,
} from '../../safety/red-flags';
import { say, type Speech } from '../../speech/ssml';
import type { Pending, SessionState } from '../../state/session';
import { raiseFlag } from '../flags';
import type { Heard } from '../heard';
import type { Ctx, Outcome } from '../outcome';
import { askPending, carryOn } from '../prompts';
import { withPending } from '../outcome';
import { askAgain, askAgainIfUnclear, commandAtQuestion } from './common';
import { answerRedFlag } from './red-flag';

/**
 * "…Is that what's happening?": the check after a report said out of the blue ("I have chest pain",
 * "my foot has gone blue"), or after a hedge at a red-flag question ("a bit"), which may be misheard
 * (product decision 2, rule 2; decision 3, rule 2). Its advice comes at once, as a condition, number
 * first. Yes, or no answer at all (the session ends), confirms it; no goes back where the person was;
 * words that are neither are asked once more, then the advice stays a condition.
 */

type ReportCheck = Extract<Pending, { kind: 'reportCheck' }>;

/** The level of what is being checked: a report, or the red-flag question that got the hedge. */
export function checkLevel(reason: ReportId | ScreenQuestionId): FlagLevel {
  if (isReportId(reason)) return REPORTS[reason].level;
  const onYes = screenQuestion(reason)?.onYes;
  return onYes === 'emergency' ? 'emergency' : 'urgent';
}

/** How the check is asked: as a condition; its reprompt, heard by someone who said nothing, as the imperative. */
export function reportCheckWords(pending: ReportCheck, ctx: Ctx): { speech: Speech; reprompt: Speech } {
  const level = checkLevel(pending.reason);
  return {
    speech: [...conditionalAdvice(level, pending.reason, ctx.locale, ctx.t), say(ctx.t('flag.check'))],
    reprompt: [...flagAdvice(level, pending.reason, ctx.locale, ctx.t), say(ctx.t('flag.checkReprompt'))],
  };
}

/** A report said out of the blue: its advice at once, as a condition, and one yes/no check. */
export function reportTrouble(state: SessionState, report: ReportId, ctx: Ctx): Outcome {
  const back = state.pending && state.pending.kind !== 'reportCheck' ? state.pending : undefined;
  return askPending(
    state,
    { kind: 'reportCheck', reason: report, unclear: 0, ...(back ? { back } : {}) },
    ctx,
    [],
  );
}

/** A hedge at a red-flag question: that question's advice as a condition, and the check; no is its clear no. */
export function hedgeCheck(
  state: SessionState,
  question: ScreenQuestionId,
  back: Pending,
  ctx: Ctx,
): Outcome {
  return askPending(
    state,
    { kind: 'reportCheck', reason: question, unclear: 0, back, hedged: true },
    ctx,
    [],
  );
}

/** No: back where the person was. After a hedge, it is the question's clear no. */
function notHappening(state: SessionState, pending: ReportCheck, ctx: Ctx): Outcome {
  const back = pending.back;
  if (pending.hedged && back && (back.kind === 'screen' || back.kind === 'flagCheck'))
    return answerRedFlag(withPending(state, back), back, false, ctx);
  // A report denied still leaves the full screen to answer before any massage.
  const unscreened = { ...state, screening: { ...state.screening, full: false } };
  const lead = [say(ctx.t('flag.notHappening'))];
  return back
    ? askPending(unscreened, back, ctx, lead)
    : carryOn(withPending(unscreened, undefined), ctx, lead);
}

const confirm = (state: SessionState, pending: ReportCheck, ctx: Ctx, confirmed = true): Outcome =>
  raiseFlag(state, checkLevel(pending.reason), pending.reason, ctx, confirmed);

/** What the words heard are to the check. */
export function hearReportCheck(
  state: SessionState,
  pending: ReportCheck,
  heard: Heard,
  ctx: Ctx,
): Outcome | undefined {
  switch (heard.kind) {
    case 'yes':
      return confirm(state, pending, ctx);
    case 'no':
      return notHappening(state, pending, ctx);
    case 'report': {
      // Trouble said again confirms it; the more serious of the two is the advice.
      const emergency =
        REPORTS[heard.report].level === 'emergency' && checkLevel(pending.reason) !== 'emergency';
      return emergency ? raiseFlag(state, 'emergency', heard.report, ctx) : confirm(state, pending, ctx);
    }
    case 'hedge':
    case 'unclear':
      // Not a clear yes: asked once more, then the advice stays a condition and the routine stops. Only
      // silence (the session ends, see unansweredAtEnd) confirms a report without a yes (decision 2).
      return askAgainIfUnclear(state, pending, ctx) ?? confirm(state, pending, ctx, false);
    case 'cramp':
    case 'pain':
      return askAgain(state, pending, ctx);
    case 'command':
      return commandAtQuestion(state, pending, heard.command, ctx);
    case 'other':
      return undefined;
  }
}
