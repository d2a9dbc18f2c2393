import { FAQ, MEDICAL_WORDS, type FaqEntry, type FaqId } from '../faq/topics';
import { sentenceWithNumbers } from '../safety/advice';
import type { ScreenQuestionId } from '../safety/red-flags';
import { numbersFor } from '../safety/phone-numbers';
import { say, type Speech } from '../speech/ssml';
import { isSafetyPending, type SessionState } from '../state/session';
import { ask, onStep, type Ctx, type Outcome } from './outcome';
import { askPending, menu } from './prompts';

/** An answer to a question: mid-routine it ends with "say next to carry on"; elsewhere, the routines. */
export function answer(
  state: SessionState,
  speech: Speech,
  ctx: Ctx,
  checks: readonly ScreenQuestionId[] = [],
): Outcome {
  // Mid-screen, the screen itself asks what the checks would: back to its question.
  if (isSafetyPending(state.pending)) return askPending(state, state.pending, ctx, speech);
  const [first, ...then] = checks;
  if (first) return askPending(state, { kind: 'flagCheck', question: first, then, unclear: 0 }, ctx, speech);
  if (state.pending) return askPending(state, state.pending, ctx, speech);
  if (onStep(state)) return ask(state, [...speech, say(ctx.t('faq.carryOn'))], [say(ctx.t('step.reprompt'))]);
  return menu(state, ctx, speech);
}

/** "Why does massage hurt?", "heat or ice?", …: a short answer from the facts file, then its checks. */
export function answerFaq(state: SessionState, id: FaqId, ctx: Ctx): Outcome {
  const entry: FaqEntry = FAQ[id];
  const key = `faq.${id}.answer` as const;
  const emergency = numbersFor(ctx.locale)?.emergency;
  const speech = !entry.emergencyNumber
    ? [say(ctx.t(key))]
    : emergency
      ? sentenceWithNumbers(ctx.t, key, { number: emergency })
      : [say(ctx.t(entry.emergencyNumber.withoutNumber))];
  return answer(state, speech, ctx, entry.checks);
}

/** A question the skill has no answer for: said honestly, never a guess, with what it can do. */
export function answerUnknown(state: SessionState, query: string, ctx: Ctx): Outcome {
  const medical = MEDICAL_WORDS.get(ctx.locale.split('-')[0] ?? 'en')?.test(query) ?? false;
  const speech = [
    say(ctx.t('faq.unknown')),
    ...(medical ? [say(ctx.t('faq.askProfessional'))] : []),
    say(ctx.t('faq.canDo')),
  ];
  return answer(state, speech, ctx);
}
