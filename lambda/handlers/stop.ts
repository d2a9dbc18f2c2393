import type { RequestHandler } from 'ask-sdk-core';
import { pauseRoutine, stop } from '../routines/flow';
import { isIntent, rule } from './context';
import { Intents } from './intents';

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
