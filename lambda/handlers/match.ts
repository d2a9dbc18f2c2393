import { getIntentName, getRequestType, getSlot, type HandlerInput } from 'ask-sdk-core';
import type { Slot } from 'ask-sdk-model';

/** Matchers the handlers read as rules: which intent, if any, this request is. */

export function intentName(input: HandlerInput): string | undefined {
  return getRequestType(input.requestEnvelope) === 'IntentRequest'
    ? getIntentName(input.requestEnvelope)
    : undefined;
}

export function isIntent(input: HandlerInput, ...names: readonly string[]): boolean {
  const name = intentName(input);
  return name !== undefined && names.includes(name);
}

export function isRequest(input: HandlerInput, type: string): boolean {
  return getRequestType(input.requestEnvelope) === type;
}

/** A slot of the intent, if the request has it (ask-sdk's getSlot gives null for a missing one, though typed `Slot`). */
export function slotOf(input: HandlerInput, name: string): Slot | undefined {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- getSlot's type omits its null
  return getSlot(input.requestEnvelope, name) ?? undefined;
}

/** The id a custom slot resolved to (entity resolution), if it matched a value of its type. */
export function resolvedSlotId(input: HandlerInput, name: string): string | undefined {
  return slotOf(input, name)?.resolutions?.resolutionsPerAuthority?.find(
    (authority) => authority.status.code === 'ER_SUCCESS_MATCH',
  )?.values[0]?.value.id;
}
