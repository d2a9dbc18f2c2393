import type { RequestHandler } from 'ask-sdk-core';
import { help } from '../conversation/navigation';
import { rule } from '../turn/handler';
import { Intents } from './intents';
import { isIntent } from './match';

/** What the person can say right here; progress is kept and "next" carries on. */
export const HelpHandler: RequestHandler = rule(
  (input) => isIntent(input, Intents.help),
  ({ state, ctx }) => help(state, ctx),
);
