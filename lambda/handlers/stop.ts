import type { RequestHandler } from 'ask-sdk-core';
import { pauseRoutine, stop } from '../conversation/navigation';
import { rule } from '../turn/handler';
import { Intents } from './intents';
import { isIntent } from './match';

/** Stop and cancel: a short goodbye; progress stays saved. */
export const StopHandler: RequestHandler = rule(
  (input) => isIntent(input, Intents.stop, Intents.cancel),
  ({ state, ctx }) => stop(state, ctx),
);

/** Pause: progress saved, the session ends, with how to come back. */
export const PauseHandler: RequestHandler = rule(
  (input) => isIntent(input, Intents.pause),
  ({ state, ctx }) => pauseRoutine(state, ctx),
);
