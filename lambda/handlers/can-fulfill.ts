import { getRequestType, type RequestHandler } from 'ask-sdk-core';
import type { canfulfill, Intent, Slot } from 'ask-sdk-model';
import { faqForIntent } from '../faq/topics';
import { Intents } from './intents';

/**
 * Name-free interaction: before Alexa routes "Alexa, I have a calf cramp" to Calf Coach, it asks whether
 * the skill can take the intent it understood (CanFulfillIntentRequest, declared in the manifest's
 * interfaces). YES for the three routines, carrying on, and the questions answered from the facts file;
 * NO for anything else (an answer only makes sense inside the skill, or the skill has no answer).
 *
 * The answer has no side effects: nothing is said, shown, stored or remembered, whatever the state.
 */

/** Intents the skill fulfils when a request reaches it without its name. */
const ROUTINE_AND_RESUME: ReadonlySet<string> = new Set([
  Intents.cramp,
  Intents.afterRun,
  Intents.bedtime,
  Intents.resumeRoutine,
]);

export function canFulfillIntent(intent: string): boolean {
  return ROUTINE_AND_RESUME.has(intent) || faqForIntent(intent) !== undefined;
}

/** A slot Alexa detected: understood when it has a value that, for a custom type, matched one of its values. */
function slotUnderstood(slot: Slot): boolean {
  if (!slot.value) return false;
  const authorities = slot.resolutions?.resolutionsPerAuthority ?? [];
  return (
    authorities.length === 0 || authorities.some((authority) => authority.status.code === 'ER_SUCCESS_MATCH')
  );
}

/** The answer to a CanFulfillIntentRequest: the intent overall, and each slot Alexa detected in it. */
export function canFulfillAnswer(intent: Intent): canfulfill.CanFulfillIntent {
  const yes = canFulfillIntent(intent.name);
  const slots: Record<string, canfulfill.CanFulfillSlot> = {};
  for (const [name, slot] of Object.entries(intent.slots ?? {})) {
    const understood = slotUnderstood(slot);
    slots[name] = { canUnderstand: understood ? 'YES' : 'NO', canFulfill: yes && understood ? 'YES' : 'NO' };
  }
  return { canFulfill: yes ? 'YES' : 'NO', ...(Object.keys(slots).length > 0 ? { slots } : {}) };
}

export const CanFulfillIntentHandler: RequestHandler = {
  canHandle: (input) => getRequestType(input.requestEnvelope) === 'CanFulfillIntentRequest',
  handle: (input) => {
    const request = input.requestEnvelope.request as canfulfill.CanFulfillIntentRequest;
    return input.responseBuilder.withCanFulfillIntent(canFulfillAnswer(request.intent)).getResponse();
  },
};
