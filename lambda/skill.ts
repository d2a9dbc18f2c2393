import { SkillBuilders, type CustomSkillBuilder, type PersistenceAdapter } from 'ask-sdk-core';
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
} from './handlers/routine';
import { FlagLockHandler, ScreenAnswerHandler, TroubleHandler } from './handlers/safety';
import { SessionEndedHandler } from './handlers/session-ended';
import { LoadStateInterceptor, SaveStateInterceptor } from './handlers/state-interceptors';
import { PauseHandler, StopHandler } from './handlers/stop';

export interface SkillOptions {
  readonly persistenceAdapter: PersistenceAdapter;
  /** When set, requests for any other skill ID are refused. */
  readonly skillId?: string;
}

/**
 * The one skill factory: Lambda (`.lambda()`), the local console and HTTP server, and the tests
 * (`.create()`) all build Calf Coach here. Handler order is safety first.
 */
export function skillBuilder(options: SkillOptions): CustomSkillBuilder {
  const builder = SkillBuilders.custom()
    .withPersistenceAdapter(options.persistenceAdapter)
    .addRequestInterceptors(LoadStateInterceptor)
    .addResponseInterceptors(SaveStateInterceptor)
    .addRequestHandlers(
      SessionEndedHandler,
      FlagLockHandler,
      TroubleHandler,
      ScreenAnswerHandler,
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
      PreferenceHandler,
      NavigateHomeHandler,
      FallbackHandler,
    )
    .addErrorHandlers(SpeakingErrorHandler)
    .withCustomUserAgent('calf-coach');
  return options.skillId ? builder.withSkillId(options.skillId) : builder;
}
