import { ROUTINES } from '../routines/data';
import { say, type Part, type Speech } from '../speech/ssml';
import { screenKey } from '../speech/keys';
import { afterStep, routineName } from '../speech/step';
import { spokenNumber } from '../speech/numbers';
import { isSafetyPending, type Pending, type SessionState } from '../state/session';
import type { MessageKey } from '../speech/translate';
import { ask, currentRoutine, messageScreen, onStep, withPending, type Ctx, type Outcome } from './outcome';
import { redFlagQuestion } from './questions/red-flag';
import { reportCheckWords } from './questions/report-check';

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

/** The words of a pending question, and of its reprompt (by default: "please say yes or no", then the question). */
function question(state: SessionState, pending: Pending, ctx: Ctx): { speech: Speech; reprompt?: Speech } {
  const words = (key: MessageKey): Speech => [say(ctx.t(key))];
  switch (pending.kind) {
    case 'easing':
      return { speech: words('easing.question'), reprompt: words('easing.reprompt') };
    case 'standingCheck':
      return { speech: words('standing.check') };
    case 'reminderOffer':
      return { speech: words('reminder.offer'), reprompt: words('reminder.offerReprompt') };
    case 'reminderTime':
      return { speech: words('reminder.askTime'), reprompt: words('reminder.askTimeReprompt') };
    case 'flagCheck':
      return { speech: words(screenKey(pending.question)) };
    case 'reportCheck':
      // Said as a condition until confirmed; no answer at all hears the imperative (product decision 2).
      return reportCheckWords(pending, ctx);
    case 'painCheck':
      return { speech: words('pain.check'), reprompt: words('pain.checkReprompt') };
    case 'resume': {
      // The one place the resume offer is worded: at launch, and when it is asked again.
      const progress = state.stored.progress;
      if (!progress) return { speech: words('menu.offer') };
      const n = spokenNumber(progress.stepIndex + 1, ctx.t);
      return {
        speech: [
          say(ctx.t('welcome.resumeOffer', { n, routine: routineName(ROUTINES[progress.routineId], ctx.t) })),
        ],
        reprompt: [say(ctx.t('welcome.resumeReprompt', { n }))],
      };
    }
    case 'screen': {
      const asked = redFlagQuestion(state, pending);
      if (!asked) return { speech: words('screen.reprompt') };
      // Until the person says the cramp eased, never "now that the cramp has eased" (decision 3, rule 6).
      const cramping = asked.question.whileCramping === true && !state.eased;
      return { speech: words(screenKey(cramping ? `${asked.id}Cramping` : asked.id)) };
    }
  }
}

/** Asks a question that waits for an answer (yes or no, or a time), keeping the session open. */
export function askPending(state: SessionState, pending: Pending, ctx: Ctx, lead: Speech): Outcome {
  const { speech, reprompt } = question(state, pending, ctx);
  const display = isSafetyPending(pending) ? messageScreen('display.title.safety', speech, ctx.t) : undefined;
  return ask(
    withPending(state, pending),
    [...lead, ...speech],
    reprompt ?? [say(ctx.t('screen.reprompt')), ...speech],
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

/** Words the skill did not understand: a kind reprompt that names each thing that can be said here once. */
export function notUnderstood(state: SessionState, ctx: Ctx): Outcome {
  const sorry = say(ctx.t('nav.fallback'));
  if (!state.pending && onStep(state)) {
    return ask(state, [sorry, say(ctx.t('nav.routineOptions'))], [say(ctx.t('step.reprompt'))]);
  }
  return carryOn(state, ctx, [sorry]);
}
