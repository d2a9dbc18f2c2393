import { episodeWarning, flagAdvice, flagDisplay } from '../safety/advice';
import { EPISODE_LIMIT_MS, type FlagLevel, type FlagReason } from '../safety/red-flags';
import { say, type Part } from '../speech/ssml';
import type { SessionState } from '../state/session';
import { currentRoutine, withPending, type Ctx, type Outcome } from './outcome';

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

/** Says the ten-minute warning once, when a cramp has gone on that long without easing (facts §5(b)). */
export function clockLead(state: SessionState, ctx: Ctx): { state: SessionState; lead: Part[] } {
  const due =
    currentRoutine(state)?.watchesEpisodeClock === true &&
    !state.eased &&
    !state.clockWarned &&
    ctx.nowMs - state.sessionStartMs >= EPISODE_LIMIT_MS;
  return due
    ? { state: { ...state, clockWarned: true }, lead: [...episodeWarning(ctx.locale, ctx.t)] }
    : { state, lead: [] };
}
