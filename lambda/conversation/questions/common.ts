import { MAX_UNCLEAR_ANSWERS } from '../../safety/red-flags';
import { say } from '../../speech/ssml';
import type { MessageKey } from '../../speech/translate';
import type { SafetyPending, SessionState } from '../../state/session';
import type { Command } from '../heard';
import type { Ctx, Outcome } from '../outcome';
import { askPending } from '../prompts';

/** An unclear answer is asked once more; `undefined` once it has had its one more try. */
export function askAgainIfUnclear(
  state: SessionState,
  pending: SafetyPending,
  ctx: Ctx,
): Outcome | undefined {
  if (pending.unclear >= MAX_UNCLEAR_ANSWERS) return undefined;
  return askPending(state, { ...pending, unclear: pending.unclear + 1 }, ctx, [say(ctx.t('screen.unclear'))]);
}

/** The same question again, not counted as unclear: after cramp words, pain talk or a command. */
export function askAgain(
  state: SessionState,
  pending: SafetyPending,
  ctx: Ctx,
  lead: MessageKey = 'screen.notAnAnswer',
): Outcome {
  return askPending(state, pending, ctx, [say(ctx.t(lead))]);
}

/**
 * A command at a safety question is not an answer (product decision 2, rule 1): repeat, "what?", help
 * and "tell me more" ask it again, slowly; next, go back and start over ask for the answer first. None
 * of them counts as unclear. (A routine's own screen lets go back and start over move the routine:
 * see red-flag.ts.)
 */
export function commandAtQuestion(
  state: SessionState,
  pending: SafetyPending,
  command: Command,
  ctx: Ctx,
): Outcome {
  const lead =
    command === 'repeat'
      ? 'screen.again'
      : command === 'help' || command === 'tellMore'
        ? 'screen.help'
        : 'screen.answerFirst';
  return { ...askPending(state, pending, ctx, [say(ctx.t(lead))]), slow: true };
}
