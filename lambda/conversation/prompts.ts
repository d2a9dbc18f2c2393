import { ROUTINES } from '../routines/data';
import { say, type Part, type Speech } from '../speech/ssml';
import { screenKey } from '../speech/keys';
import { afterStep, routineName } from '../speech/step';
import { spokenNumber } from '../speech/numbers';
import type { Pending, SessionState } from '../state/session';
import { ask, currentRoutine, messageScreen, onStep, withPending, type Ctx, type Outcome } from './outcome';

/** Back to the routines menu: the routine is put down, session safety answers are kept. */
export function menu(state: SessionState, ctx: Ctx, lead: Speech = []): Outcome {
  const { routineId: _r, ...rest } = withPending(state, undefined);
  const speech = [...lead, say(ctx.t('menu.offer'))];
  return ask(
    { ...rest, stepIndex: -1, tries: 0 },
    speech,
    [say(ctx.t('menu.reprompt'))],
    messageScreen('display.title.app', speech, ctx.t),
  );
}

/** The words of a pending question, and of its reprompt. */
function question(state: SessionState, pending: Pending, ctx: Ctx): { text: string; reprompt?: string } {
  switch (pending.kind) {
    case 'heatCold':
      return { text: ctx.t('heatCold.question') };
    case 'easing':
      return { text: ctx.t('easing.question'), reprompt: ctx.t('easing.reprompt') };
    case 'reminderOffer':
      return { text: ctx.t('reminder.offer'), reprompt: ctx.t('reminder.offerReprompt') };
    case 'reminderTime':
      return { text: ctx.t('reminder.askTime'), reprompt: ctx.t('reminder.askTimeReprompt') };
    case 'flagCheck':
      return { text: ctx.t(screenKey(pending.question)) };
    case 'resume': {
      // The one place the resume offer is worded: at launch, and when it is asked again.
      const progress = state.stored.progress;
      if (!progress) return { text: ctx.t('menu.offer') };
      const n = spokenNumber(progress.stepIndex + 1, ctx.t);
      return {
        text: ctx.t('welcome.resumeOffer', { n, routine: routineName(ROUTINES[progress.routineId], ctx.t) }),
        reprompt: ctx.t('welcome.resumeReprompt', { n }),
      };
    }
    case 'screen': {
      const routine = currentRoutine(state);
      const ids = routine ? (pending.stage === 'short' ? routine.shortScreen : routine.fullScreen) : [];
      const id = ids[pending.question];
      return { text: id ? ctx.t(screenKey(id)) : ctx.t('screen.reprompt') };
    }
  }
}

const SAFETY_KINDS: ReadonlySet<Pending['kind']> = new Set(['screen', 'heatCold', 'flagCheck']);

/** Asks a question that waits for an answer (yes or no, or a time), keeping the session open. */
export function askPending(state: SessionState, pending: Pending, ctx: Ctx, lead: Speech): Outcome {
  const { text, reprompt } = question(state, pending, ctx);
  const display = SAFETY_KINDS.has(pending.kind)
    ? messageScreen('display.title.safety', text, ctx.t)
    : undefined;
  return ask(
    withPending(state, pending),
    [...lead, say(text)],
    [say(reprompt ?? `${ctx.t('screen.reprompt')} ${text}`)],
    display,
  );
}

/** The step's "say next when you're ready" prompt after `lead`, the session kept open. */
export function stepPrompt(state: SessionState, ctx: Ctx, lead: readonly Part[]): Outcome | undefined {
  const routine = currentRoutine(state);
  if (!routine || !onStep(state)) return undefined;
  const after = afterStep(routine, state.stepIndex, ctx.t);
  return ask(state, [...lead, say(after.prompt)], [say(after.reprompt)]);
}

/** The pending question, the step prompt or the menu, for answers that don't change where the person is. */
export function carryOn(state: SessionState, ctx: Ctx, lead: Speech): Outcome {
  if (state.pending) return askPending(state, state.pending, ctx, lead);
  return stepPrompt(state, ctx, lead) ?? menu(state, ctx, lead);
}
