import type { ErrorHandler } from 'ask-sdk-core';
import { errorMessage, log } from '../log';
import { translatorFor } from '../speech/i18n';

function field(value: unknown, key: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const found: unknown = (value as Record<string, unknown>)[key];
  return typeof found === 'string' ? found : undefined;
}

/**
 * Anything that throws, including envelopes too broken to read: a short spoken apology and a log line;
 * the session attributes of the request are returned unchanged, so progress saved before it is kept.
 */
export const SpeakingErrorHandler: ErrorHandler = {
  canHandle: () => true,
  handle: (input, error) => {
    const request: unknown = (input.requestEnvelope as { request?: unknown } | undefined)?.request;
    log.error('handler-error', { error: errorMessage(error), request: field(request, 'type') ?? null });
    const t = translatorFor(field(request, 'locale') ?? 'en-US');
    return input.responseBuilder
      .speak(t('error.spoken'))
      .reprompt(t('error.reprompt'))
      .withShouldEndSession(false)
      .getResponse();
  },
};
