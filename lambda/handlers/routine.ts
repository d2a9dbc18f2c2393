import type { HandlerInput, RequestHandler } from 'ask-sdk-core';
import type { IntentRequest } from 'ask-sdk-model';
import {
  answerEasing,
  carryOn,
  declineResume,
  next,
  previous,
  repeat,
  resume,
  startOver,
  startRoutine,
  tellMore,
  type Outcome,
} from '../routines/flow';
import type { RoutineId } from '../routines/types';
import { say } from '../speech/ssml';
import type { Preferences } from '../state/stored';
import { intentName, isIntent, respond, rule, turnOf, type TurnData } from './context';
import { Intents } from './intents';

const ROUTINE_INTENTS: Readonly<Record<string, RoutineId>> = {
  [Intents.cramp]: 'cramp',
  [Intents.afterRun]: 'afterRun',
  [Intents.bedtime]: 'bedtime',
};

/** "Help with a cramp", "a stretch after my run", "bedtime stretch": straight into that routine. */
export const StartRoutineHandler: RequestHandler = rule(
  (input) => ROUTINE_INTENTS[intentName(input) ?? ''] !== undefined,
  ({ state, ctx }, input) => {
    const routineId = ROUTINE_INTENTS[intentName(input) ?? ''] ?? 'cramp';
    const intro =
      routineId === 'cramp'
        ? ctx.t('start.cramp')
        : ctx.t('start.other', { routine: ctx.t(`routines.${routineId}.name`) });
    return startRoutine(state, routineId, ctx, [say(intro)]);
  },
);

export const ResumeHandler: RequestHandler = rule(
  (input) => isIntent(input, Intents.resume, Intents.resumeRoutine),
  ({ state, ctx }) => resume(state, ctx),
);

/** Yes or no to "is the cramp easing?" or "shall we carry on?". */
export const PendingAnswerHandler: RequestHandler = rule(
  (input, { state }) =>
    (state.pending?.kind === 'easing' || state.pending?.kind === 'resume') &&
    isIntent(input, Intents.yes, Intents.no),
  ({ state, ctx }, input) => {
    const yes = isIntent(input, Intents.yes);
    if (state.pending?.kind === 'easing') return answerEasing(state, yes, ctx);
    return yes ? resume(state, ctx) : declineResume(state, ctx);
  },
);

export const NextHandler: RequestHandler = rule(
  (input) => isIntent(input, Intents.next),
  ({ state, ctx }) => next(state, ctx),
);

export const PreviousHandler: RequestHandler = rule(
  (input) => isIntent(input, Intents.previous),
  ({ state, ctx }) => previous(state, ctx),
);

/** In a step: the step again, hold included. Elsewhere: exactly what was said last. */
export const RepeatHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, Intents.repeat),
  handle: (input) => {
    const { state, ctx } = turnOf(input);
    const outcome = repeat(state, ctx);
    if (outcome) return respond(input, outcome);
    if (state.lastSpeech && state.lastReprompt) {
      return input.responseBuilder
        .speak(state.lastSpeech)
        .reprompt(state.lastReprompt)
        .withShouldEndSession(false)
        .getResponse();
    }
    return respond(input, carryOn(state, ctx, []));
  },
};

export const StartOverHandler: RequestHandler = rule(
  (input) => isIntent(input, Intents.startOver),
  ({ state, ctx }) => startOver(state, ctx),
);

export const TellMeMoreHandler: RequestHandler = rule(
  (input) => isIntent(input, Intents.tellMore),
  ({ state, ctx }) => tellMore(state, ctx),
);

type PreferenceId = 'longer' | 'shorter' | 'slower' | 'faster' | 'quiet' | 'normal';

function preferenceSlot(input: HandlerInput): PreferenceId | undefined {
  const slot = (input.requestEnvelope.request as IntentRequest).intent.slots?.preference;
  const id = slot?.resolutions?.resolutionsPerAuthority?.find((a) => a.status.code === 'ER_SUCCESS_MATCH')
    ?.values[0]?.value.id;
  const ids: readonly PreferenceId[] = ['longer', 'shorter', 'slower', 'faster', 'quiet', 'normal'];
  return ids.find((known) => known === id);
}

function changePreferences(prefs: Preferences, id: PreferenceId): Preferences {
  switch (id) {
    case 'longer':
      return { ...prefs, holdScale: Math.min(2, prefs.holdScale + 0.5) };
    case 'shorter':
      return { ...prefs, holdScale: Math.max(0.5, prefs.holdScale - 0.5) };
    case 'slower':
      return { ...prefs, rate: 'slow' };
    case 'faster':
      return { ...prefs, rate: 'fast' };
    case 'quiet':
      return { ...prefs, quiet: true };
    case 'normal':
      return { ...prefs, rate: 'medium', quiet: false };
  }
}

/** "Make the holds longer", "speak slower", "speak quietly": remembered for next time. */
export const PreferenceHandler: RequestHandler = rule(
  (input) => isIntent(input, Intents.preference),
  ({ state, ctx }: TurnData, input): Outcome => {
    const id = preferenceSlot(input);
    if (!id) return carryOn(state, ctx, [say(ctx.t('prefs.notUnderstood'))]);
    const preferences = changePreferences(state.stored.preferences, id);
    return carryOn({ ...state, stored: { ...state.stored, preferences } }, ctx, [say(ctx.t(`prefs.${id}`))]);
  },
);
