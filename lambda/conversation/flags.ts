import { conditionalAdvice, flagAdvice, flagDisplay } from '../safety/advice';
import { EPISODE_LIMIT_MS, type FlagLevel, type FlagReason } from '../safety/red-flags';
import { say, type Speech } from '../speech/ssml';
import type { Flag, SessionState } from '../state/session';
import { currentRoutine, withPending, withStored, type Ctx, type Outcome } from './outcome';

/**
 * What is said for a flag: the imperative advice after a clear yes or a confirmed report; as a
 * condition, with how to start again, when the answer was never clear (facts §5, product decision 2).
 */
function stopSpeech(flag: Flag, ctx: Ctx): Speech {
  if (flag.confirmed) return flagAdvice(flag.level, flag.reason, ctx.locale, ctx.t);
  return [
    say(ctx.t('flag.stillUnclear')),
    ...conditionalAdvice(flag.level, flag.reason, ctx.locale, ctx.t),
    say(ctx.t('flag.startAgain')),
  ];
}

function stopped(state: SessionState, flag: Flag, speech: Speech, ctx: Ctx): Outcome {
  return {
    state: withPending(state, undefined),
    speech,
    end: true,
    plainVoice: true,
    display: flagDisplay(flag, ctx.locale, ctx.t),
  };
}

/**
 * Advice given as a condition while the routine goes on (an answer still unclear before massage, or
 * about worse pain): the red-flag screen written for it (the condition, the action, the number) in place
 * of the step card or the transcript, so the advice is on screen in full on every device.
 */
export function showingCondition(outcome: Outcome, level: FlagLevel, reason: FlagReason, ctx: Ctx): Outcome {
  return {
    ...outcome,
    display: flagDisplay({ level, reason, confirmed: false, goesOn: true }, ctx.locale, ctx.t),
  };
}

/**
 * A red flag or a hard stop: its advice, and the session ends. Nothing but the advice follows in the
 * session, and the saved progress is cleared so the next launch does not offer to carry on into it.
 */
export function raiseFlag(
  state: SessionState,
  level: FlagLevel,
  reason: FlagReason,
  ctx: Ctx,
  confirmed = true,
): Outcome {
  const flag: Flag = { level, reason, confirmed };
  const flagged = withStored({ ...state, flag }, ({ progress: _cleared, ...stored }) => stored);
  const speech = stopSpeech(flag, ctx);
  return stopped(flagged, flag, speech, ctx);
}

/** Any request after a flag in the same session gets the same advice again. */
export function locked(state: SessionState, ctx: Ctx): Outcome {
  const flag = state.flag ?? { level: 'urgent', reason: 'clotSigns', confirmed: false };
  const speech = [say(ctx.t('flag.locked')), ...stopSpeech(flag, ctx)];
  return stopped(state, flag, speech, ctx);
}

/**
 * The ten-minute hard stop (facts §5(b), product decision 2): a cramp that has gone on that long
 * without easing ends the routine with the urgent advice, before any further step.
 */
export function clockStop(state: SessionState, ctx: Ctx): Outcome | undefined {
  const due =
    currentRoutine(state)?.watchesEpisodeClock === true &&
    !state.eased &&
    ctx.nowMs - state.sessionStartMs >= EPISODE_LIMIT_MS;
  return due ? raiseFlag(state, 'urgent', 'longCramp', ctx) : undefined;
}
