import {
  ResponseFactory,
  SkillBuilders,
  type CustomSkillBuilder,
  type PersistenceAdapter,
  type RequestHandler,
} from 'ask-sdk-core';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { errorMessage, log } from './log';
import { translatorFor } from './speech/i18n';
import { localeOf } from './speech/locale';
import { SpeakingErrorHandler } from './handlers/errors';
import { FallbackHandler, YesNoWithoutQuestionHandler } from './handlers/fallback';
import { HelpHandler } from './handlers/help';
import { LaunchHandler, NavigateHomeHandler } from './handlers/launch';
import {
  NextHandler,
  PendingAnswerHandler,
  PreferenceHandler,
  PreviousHandler,
  RepeatHandler,
  ResumeHandler,
  StartOverHandler,
  StartRoutineHandler,
  TellMeMoreHandler,
  WhichLegHandler,
  SwitchLegsHandler,
  PostureHandler,
} from './handlers/routine';
import {
  FlagLockHandler,
  ScreenAnswerHandler,
  ScreenCommandHandler,
  TroubleHandler,
} from './handlers/safety';
import { SessionEndedHandler } from './handlers/session-ended';
import { PauseHandler, StopHandler } from './handlers/stop';
import {
  CancelReminderHandler,
  ListRemindersHandler,
  PermissionResponseHandler,
  ReminderOfferHandler,
  SetReminderHandler,
} from './handlers/reminders';
import { TimeoutApiClient } from './reminders/api-client';
import { FaqHandler, OtherQuestionHandler } from './handlers/faq';
import { LoadTurnInterceptor } from './turn/load';
import { SaveTurnInterceptor } from './turn/save';

/** Reminders and settings calls share a turn's 8 s with everything else. */
const ALEXA_API_TIMEOUT_MS = 3000;

export interface SkillOptions {
  readonly persistenceAdapter: PersistenceAdapter;
  /** When set, requests for any other skill ID are refused. */
  readonly skillId?: string;
}

/** Every request handler, in the order ask-sdk asks them: safety first. */
export const REQUEST_HANDLERS: readonly RequestHandler[] = [
  SessionEndedHandler,
  FlagLockHandler,
  TroubleHandler,
  ScreenAnswerHandler,
  ScreenCommandHandler,
  FaqHandler,
  OtherQuestionHandler,
  PermissionResponseHandler,
  ReminderOfferHandler,
  SetReminderHandler,
  CancelReminderHandler,
  ListRemindersHandler,
  StopHandler,
  PauseHandler,
  HelpHandler,
  PendingAnswerHandler,
  YesNoWithoutQuestionHandler,
  LaunchHandler,
  StartRoutineHandler,
  ResumeHandler,
  NextHandler,
  PreviousHandler,
  RepeatHandler,
  StartOverHandler,
  TellMeMoreHandler,
  WhichLegHandler,
  SwitchLegsHandler,
  PostureHandler,
  PreferenceHandler,
  NavigateHomeHandler,
  FallbackHandler,
];

/**
 * The one skill factory: Lambda (`.lambda()`), the local console and HTTP server, and the tests
 * (`.create()`) all build Calf Coach here.
 */
export function skillBuilder(options: SkillOptions): CustomSkillBuilder {
  const builder = SkillBuilders.custom()
    .withPersistenceAdapter(options.persistenceAdapter)
    .withApiClient(new TimeoutApiClient(ALEXA_API_TIMEOUT_MS))
    .addRequestInterceptors(LoadTurnInterceptor)
    .addResponseInterceptors(SaveTurnInterceptor)
    .addRequestHandlers(...REQUEST_HANDLERS)
    .addErrorHandlers(SpeakingErrorHandler)
    .withCustomUserAgent('calf-coach');
  return options.skillId ? builder.withSkillId(options.skillId) : builder;
}

export type LambdaHandler = (
  event: RequestEnvelope,
  context: unknown,
  callback: (error: Error | null, result?: ResponseEnvelope) => void,
) => void;

/**
 * The Lambda handler: the skill's own invoke, with one safety net. ask-sdk reads a few envelope fields
 * before any handler or error handler runs (context.System for the API client); an envelope too broken
 * for that still gets a short spoken apology instead of a failed invocation.
 */
export function lambdaHandler(options: SkillOptions): LambdaHandler {
  const skill = skillBuilder(options).create();
  return (event, context, callback) => {
    skill.invoke(event, context).then(
      (response) => {
        callback(null, response);
      },
      (error: unknown) => {
        log.error('invoke-failed', { error: errorMessage(error) });
        const response = ResponseFactory.init()
          .speak(translatorFor(localeOf(event))('error.spoken'))
          .withShouldEndSession(true)
          .getResponse();
        callback(null, { version: '1.0', response });
      },
    );
  };
}
