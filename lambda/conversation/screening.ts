import { MAX_UNCLEAR_ANSWERS, SCREEN_QUESTIONS } from '../safety/red-flags';
import { say } from '../speech/ssml';
import type { Pending, SessionState } from '../state/session';
import { answer } from './answers';
import { raiseFlag } from './flags';
import { ask, currentRoutine, onStep, withPending, type Ctx, type Outcome } from './outcome';
import { askPending, menu } from './prompts';
import { proceed } from './routine';

/** Answering the safety questions: the screens before steps, the heat question, checks after answers. */

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
