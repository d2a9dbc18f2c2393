import {
  Skill as CustomSkill,
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
import { CanFulfillIntentHandler } from './handlers/can-fulfill';
import { SpeakingErrorHandler } from './handlers/errors';
import { isSkillEventType, SKILL_EVENTS, SkillEventHandler } from './handlers/events';
import { Intents, intentRouter, type Takes } from './handlers/intents';
import { FAQ_IDS, faqIntent } from './faq/topics';
import { checkEnvelope } from './state/envelope';
import { FallbackHandler } from './handlers/fallback';
import { ANSWER_INTENTS } from './handlers/heard';
import { HelpHandler } from './handlers/help';
import { LaunchHandler, NavigateHomeHandler } from './handlers/launch';
import {
  NextHandler,
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
import { AnswerWordsHandler, FlagLockHandler, WaitingQuestionHandler } from './handlers/safety';
import { SessionEndedHandler } from './handlers/session-ended';
import { PauseHandler, StopHandler } from './handlers/stop';
import {
  CancelReminderHandler,
  ListRemindersHandler,
  PermissionResponseHandler,
  SetReminderHandler,
} from './handlers/reminders';
import { FaqHandler, OtherQuestionHandler } from './handlers/faq';
import { loadTurn, SESSION_KEY } from './turn/load';
import { saveTurn } from './turn/save';

export interface SkillOptions {
  readonly persistenceAdapter: PersistenceAdapter;
  /** When set, requests for any other skill ID are refused. */
  readonly skillId?: string;
}

/** Every request handler, in the order ask-sdk asks them: safety first. */
export const REQUEST_HANDLERS: readonly RequestHandler[] = [
  CanFulfillIntentHandler,
  SkillEventHandler,
  SessionEndedHandler,
  FlagLockHandler,
  WaitingQuestionHandler,
  AnswerWordsHandler,
  FaqHandler,
  OtherQuestionHandler,
  PermissionResponseHandler,
  SetReminderHandler,
  CancelReminderHandler,
  ListRemindersHandler,
  StopHandler,
  PauseHandler,
  HelpHandler,
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

const { next } = Intents;

/**
 * What each handler can take, for the router (handlers/intents.ts): a request type, intent names, or
 * intent names the skill does not know. A handler not listed is asked on every turn, in its place in
 * REQUEST_HANDLERS; tests/handlers/routing.test.ts checks that no handler takes more than listed here.
 */
export const ROUTES: ReadonlyMap<RequestHandler, Takes> = new Map<RequestHandler, Takes>([
  [CanFulfillIntentHandler, { requests: ['CanFulfillIntentRequest'] }],
  [SkillEventHandler, { requests: SKILL_EVENTS }],
  [SessionEndedHandler, { requests: ['SessionEndedRequest'] }],
  [AnswerWordsHandler, { intents: ANSWER_INTENTS }],
  [FaqHandler, { intents: FAQ_IDS.map(faqIntent) }],
  [OtherQuestionHandler, { intents: [Intents.otherQuestion] }],
  [PermissionResponseHandler, { requests: ['Connections.Response'] }],
  [SetReminderHandler, { intents: [Intents.setReminder] }],
  [CancelReminderHandler, { intents: [Intents.cancelReminder] }],
  [ListRemindersHandler, { intents: [Intents.listReminders] }],
  [StopHandler, { intents: [Intents.stop, Intents.cancel] }],
  [PauseHandler, { intents: [Intents.pause] }],
  [HelpHandler, { intents: [Intents.help] }],
  [LaunchHandler, { requests: ['LaunchRequest'] }],
  [StartRoutineHandler, { intents: [Intents.cramp, Intents.afterRun, Intents.bedtime] }],
  [ResumeHandler, { intents: [Intents.resume, Intents.resumeRoutine] }],
  [NextHandler, { intents: [next] }],
  [PreviousHandler, { intents: [Intents.previous] }],
  [RepeatHandler, { intents: [Intents.repeat] }],
  [StartOverHandler, { intents: [Intents.startOver] }],
  [TellMeMoreHandler, { intents: [Intents.tellMore] }],
  [WhichLegHandler, { intents: [Intents.whichLeg] }],
  [SwitchLegsHandler, { intents: [Intents.switchLegs] }],
  [PostureHandler, { intents: [Intents.posture] }],
  [PreferenceHandler, { intents: [Intents.preference] }],
  [NavigateHomeHandler, { intents: [Intents.navigateHome] }],
]);

/**
 * The one skill factory: Lambda (`lambdaHandler`, on `.create()`), the local console and HTTP server, and the tests
 * (`.create()`) all build Calf Coach here. The handlers are asked through one router, in the order of
 * REQUEST_HANDLERS.
 */
export function skillBuilder(options: SkillOptions): CustomSkillBuilder {
  const builder = SkillBuilders.custom()
    .withPersistenceAdapter(options.persistenceAdapter)
    .addRequestInterceptors(loadTurn(options.persistenceAdapter))
    .addResponseInterceptors(saveTurn(options.persistenceAdapter))
    .addRequestHandlers(intentRouter(REQUEST_HANDLERS, ROUTES))
    .addErrorHandlers(SpeakingErrorHandler)
    .withCustomUserAgent('calf-coach');
  return options.skillId ? builder.withSkillId(options.skillId) : builder;
}

/**
 * The skill as Lambda and the HTTP server run it: each request envelope is checked before ask-sdk
 * reads it (state/envelope.ts): not an Alexa request is refused; the skill's own session state is
 * taken out before ask-sdk deep-copies the attributes (it needs no copy, and a copy of a tampered one
 * can overflow); other attributes deeper or larger than the skill ever writes are dropped, with a log line.
 */
export class CheckedSkill extends CustomSkill {
  override invoke(requestEnvelope: RequestEnvelope, context?: unknown): Promise<ResponseEnvelope> {
    const checked = checkEnvelope(requestEnvelope, SESSION_KEY);
    if (!checked.ok) return Promise.reject(new NotAnAlexaRequest(checked.problem));
    if (checked.dropped) log.warn('session-state-ignored', { reason: checked.dropped });
    return super.invoke(checked.event as unknown as RequestEnvelope, context);
  }
}

/** The event handed to the skill is not an Alexa request at all (null, a number, no request type). */
export class NotAnAlexaRequest extends Error {
  override readonly name = 'NotAnAlexaRequest';
}

export function createSkill(options: SkillOptions): CheckedSkill {
  return new CheckedSkill(skillBuilder(options).getSkillConfiguration());
}

/** What the skill reads of Lambda's context object: the time left before the function's timeout. */
export interface LambdaContext {
  getRemainingTimeInMillis?: () => number;
}

/** Lambda's handler shape on Node 24: two parameters and a promise (no callback; see lambdaHandler). */
export type LambdaHandler = (event: RequestEnvelope, context?: LambdaContext) => Promise<ResponseEnvelope>;

/** The spoken apology for a request the skill could not even begin to read. */
function apology(event: RequestEnvelope): ResponseEnvelope {
  const response = ResponseFactory.init()
    .speak(translatorFor(localeOf(event))('error.spoken'))
    .withShouldEndSession(true)
    .getResponse();
  return { version: '1.0', response };
}

/**
 * The Lambda handler: `async (event, context)` on the checked skill's invoke. Lambda's Node 24 runtime
 * refuses a handler that declares a third (callback) parameter at init, as ask-sdk's `.lambda()` does,
 * so this one is built on `.create()` and `invoke()` (tests/build/node24.test.ts loads the bundle the
 * way the runtime does). One safety net: ask-sdk reads a few envelope fields before any handler or
 * error handler runs (context.System for the API client); an envelope too broken for that still gets a
 * short spoken apology instead of a failed invocation. An event that is not an Alexa request at all, or
 * a skill event that failed (so Alexa sends it again), fails the invocation.
 */
export function lambdaHandler(options: SkillOptions): LambdaHandler {
  const skill = createSkill(options);
  return async (event, context) => {
    try {
      return await skill.invoke(event, context);
    } catch (error) {
      if (error instanceof NotAnAlexaRequest) {
        log.error('invoke-refused', { error: error.message });
        throw error;
      }
      log.error('invoke-failed', { error: errorMessage(error) });
      if (isSkillEventType((event as { request: { type: unknown } }).request.type)) {
        throw error instanceof Error ? error : new Error(errorMessage(error));
      }
      return apology(event);
    }
  };
}
