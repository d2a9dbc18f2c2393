import type { RequestHandler } from 'ask-sdk-core';
import { launch } from '../conversation/launch';
import { menu } from '../conversation/prompts';
import { rule } from '../turn/handler';
import { Intents } from './intents';
import { isIntent, isRequest } from './match';

/** "Open Calf Coach": the welcome, then "shall we carry on?" if a routine was left, else the menu. */
export const LaunchHandler: RequestHandler = rule(
  (input) => isRequest(input, 'LaunchRequest'),
  ({ state, ctx }) => launch(state, ctx),
);

/** "Go home" or "main menu": back to the routines, progress kept. */
export const NavigateHomeHandler: RequestHandler = rule(
  (input) => isIntent(input, Intents.navigateHome),
  ({ state, ctx }) => menu(state, ctx),
);
