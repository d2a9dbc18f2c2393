import { say } from '../../speech/ssml';
import type { SessionState } from '../../state/session';
import type { Heard } from '../heard';
import { oneShot } from '../launch';
import { withPending, withStored, type Ctx, type Outcome } from '../outcome';
import { carryOn } from '../prompts';
import { hearEasing } from './easing';
import { hearPain } from './pain-check';
import { hearPainCheck } from './pain-check';
import { hearRedFlag } from './red-flag';
import { hearReminderOffer } from './reminder-offer';
import { hearReportCheck, reportTrouble } from './report-check';
import { hearResumeOffer } from './resume-offer';
import { hearStandingCheck } from './standing-check';

/**
 * Words in context (facts §5, product decision 3): a question owns its answers. The waiting question
 * hears the words first; what it does not take (`undefined`) goes on to the handlers for what was said.
 */
export function hearWaiting(state: SessionState, heard: Heard, ctx: Ctx): Outcome | undefined {
  const pending = state.pending;
  switch (pending?.kind) {
    case undefined:
    case 'reminderTime':
      return undefined;
    case 'screen':
    case 'flagCheck':
      return hearRedFlag(state, pending, heard, ctx);
    case 'reportCheck':
      return hearReportCheck(state, pending, heard, ctx);
    case 'painCheck':
      return hearPainCheck(state, pending, heard, ctx);
    case 'easing':
      return hearEasing(state, heard, ctx);
    case 'standingCheck':
      return hearStandingCheck(state, heard, ctx);
    case 'resume':
      return hearResumeOffer(state, heard, ctx);
    case 'reminderOffer':
      return hearReminderOffer(state, heard, ctx);
  }
}

/**
 * Answer words no waiting question took: a red flag is checked, pain is the cramp's or checked, and a
 * hedge or the cramp's status with nothing asked gets a kind word and carries on.
 */
export function hearAnywhere(state: SessionState, heard: Heard, ctx: Ctx): Outcome | undefined {
  switch (heard.kind) {
    case 'report':
      return reportTrouble(state, heard.report, ctx);
    case 'pain':
      return state.routineId === undefined && heard.how === 'cramp'
        ? oneShot(state, 'cramp', ctx)
        : hearPain(state, heard.how, ctx);
    case 'cramp':
      if (heard.eased === true && state.routineId !== undefined)
        return carryOn({ ...state, eased: true }, ctx, [say(ctx.t('easing.good'))]);
      return carryOn(state, ctx, [say(ctx.t('nav.noQuestion'))]);
    case 'hedge':
    case 'yes':
    case 'no':
      return carryOn(state, ctx, [say(ctx.t('nav.noQuestion'))]);
    default:
      return undefined;
  }
}

/** The session ended on a question: a report check left unanswered counts as yes (decision 2, rule 2). */
export function unansweredAtEnd(state: SessionState): Outcome | undefined {
  if (state.pending?.kind !== 'reportCheck') return undefined;
  const cleared = withStored(withPending(state, undefined), ({ progress: _cleared, ...stored }) => stored);
  return { state: cleared, speech: [], end: true };
}
