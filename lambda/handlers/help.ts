import type { RequestHandler } from 'ask-sdk-core';
import { help } from '../routines/flow';
import { isIntent, rule } from './context';
import { Intents } from './intents';

/** What the person can say right here; progress is kept and "next" carries on. */
export const HelpHandler: RequestHandler = rule(
  (input) => isIntent(input, Intents.help),
  ({ state, ctx }) => help(state, ctx),
);
