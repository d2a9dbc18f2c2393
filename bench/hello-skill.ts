import { SkillBuilders, type RequestHandler } from 'ask-sdk-core';

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

export const handler = SkillBuilders.custom().addRequestHandlers(Hello).lambda();
