import { SkillBuilders, type RequestHandler } from 'ask-sdk-core';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';

/** The baseline: a minimal hello-world ask-sdk skill, bundled the same way as Calf Coach. */
export const Hello: RequestHandler = {
  canHandle: () => true,
  handle: (input) =>
    input.responseBuilder
      .speak('Hello.')
      .reprompt('Say something.')
      .withShouldEndSession(false)
      .getResponse(),
};

const skill = SkillBuilders.custom().addRequestHandlers(Hello).create();

/** Lambda's Node 24 handler shape, as Calf Coach's (lambda/skill.ts lambdaHandler). */
export const handler = (event: RequestEnvelope, context?: unknown): Promise<ResponseEnvelope> =>
  skill.invoke(event, context);
