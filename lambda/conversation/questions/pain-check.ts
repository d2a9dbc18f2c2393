import { conditionalAdvice } from '../../safety/advice';
import { say, type Speech } from '../../speech/ssml';
import type { Pending, SessionState } from '../../state/session';
import { raiseFlag, showingCondition } from '../flags';
import type { Heard } from '../heard';
import { ask, currentRoutine, onStep, withPending, type Ctx, type Outcome } from '../outcome';
import { askPending, carryOn, menu } from '../prompts';
import { skippingTouch } from '../routine';
import { askAgain, askAgainIfUnclear, commandAtQuestion } from './common';
import { reportTrouble } from './report-check';

/**
 * Pain, and "Is the pain severe, or still getting worse?" (facts §5, decision 2 rule 4, decision 3
 * rule 4). Until the person has said the cramp eased, "ow", "it hurts" and "it hurts more" are the
 * cramp: ease off and carry on. Sharp pain, and pain worse once it eased (or outside the cramp routine),
 * get the check: yes is a hard stop; no leaves out massage, heat and cold for the session.
 */

type PainCheck = Extract<Pending, { kind: 'painCheck' }>;

/** The cramp still has hold of the calf: the person has not said it eased, in the routine that watches it. */
export const stillCramping = (state: SessionState): boolean =>
  currentRoutine(state)?.watchesEpisodeClock === true && !state.eased;

/** "It hurts more", "sharp pain": stop and let go, then one question: is it severe, or still getting worse? */
export function reportPain(state: SessionState, ctx: Ctx): Outcome {
  const back = state.pending && state.pending.kind !== 'painCheck' ? state.pending : undefined;
  return askPending(state, { kind: 'painCheck', unclear: 0, ...(back ? { back } : {}) }, ctx, [
    say(ctx.t('pain.stop')),
  ]);
}

/** The cramp's own pain: ease off to a gentler stretch, never into sharp pain, and carry on. */
export function crampPain(state: SessionState, ctx: Ctx): Outcome {
  return carryOn(state, ctx, [say(ctx.t('pain.easeOff'))]);
}

/** Pain said out of the blue, by what it is and when. */
export function hearPain(state: SessionState, how: 'cramp' | 'worse' | 'sharp', ctx: Ctx): Outcome {
  return how !== 'sharp' && stillCramping(state) ? crampPain(state, ctx) : reportPain(state, ctx);
}

/** Severe or worsening pain is a hard stop; otherwise no more massage, heat or cold in this session. */
function answerPainCheck(
  state: SessionState,
  pending: PainCheck,
  yes: boolean | undefined,
  ctx: Ctx,
): Outcome {
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

/** What the words heard are to the pain check. */
export function hearPainCheck(
  state: SessionState,
  pending: PainCheck,
  heard: Heard,
  ctx: Ctx,
): Outcome | undefined {
  switch (heard.kind) {
    case 'yes':
      return answerPainCheck(state, pending, true, ctx);
    case 'no':
      return answerPainCheck(state, pending, false, ctx);
    case 'hedge':
    case 'unclear':
      return askAgainIfUnclear(state, pending, ctx) ?? answerPainCheck(state, pending, undefined, ctx);
    case 'report':
      return reportTrouble(state, heard.report, ctx);
    case 'cramp':
    case 'pain':
      return askAgain(state, pending, ctx);
    case 'command':
      return commandAtQuestion(state, pending, heard.command, ctx);
    case 'other':
      return undefined;
  }
}
