import type { HandlerInput } from 'ask-sdk-core';
import type { services } from 'ask-sdk-model';
import type { Ctx, Outcome } from '../conversation/outcome';
import { SAVE_RESERVE_MS, type Deadline } from '../deadline';
import { alexaServices } from '../reminders/api-client';
import type { SessionState } from '../state/session';

/** What the request interceptor loads once per turn and the handlers work on. */
export interface Turn {
  readonly state: SessionState;
  readonly ctx: Ctx;
  /** The turn's one deadline, shared by every outbound call (deadline.ts). */
  readonly deadline: Deadline;
}

/** The Alexa service clients for a handler: bound by the turn's deadline, less the time the save needs. */
export function alexaServicesFor(
  input: HandlerInput,
  deadline: Deadline,
): services.ServiceClientFactory | undefined {
  return alexaServices(input.requestEnvelope, deadline.before(SAVE_RESERVE_MS));
}

const TURN = 'calfCoachTurn';
const OUTCOME = 'calfCoachOutcome';

export function setTurn(input: HandlerInput, turn: Turn): void {
  input.attributesManager.getRequestAttributes()[TURN] = turn;
}

export function turnOf(input: HandlerInput): Turn {
  const turn = input.attributesManager.getRequestAttributes()[TURN] as Turn | undefined;
  if (!turn) throw new Error('turn state was not loaded');
  return turn;
}

/** The handler's outcome, kept for the response interceptor to save. */
export function setOutcome(input: HandlerInput, outcome: Outcome): void {
  input.attributesManager.getRequestAttributes()[OUTCOME] = outcome;
}

export function outcomeOf(input: HandlerInput): Outcome | undefined {
  return input.attributesManager.getRequestAttributes()[OUTCOME] as Outcome | undefined;
}
