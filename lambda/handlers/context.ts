import {
  getIntentName,
  getRequestType,
  getSupportedInterfaces,
  type HandlerInput,
  type RequestHandler,
} from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { onStep, type Ctx, type Outcome } from '../routines/flow';
import { APL_VERSION, renderDocument } from '../display/screens';
import { toPlainText, toSsml, NORMAL_VOICE, type Voice } from '../speech/ssml';
import type { SessionState } from '../state/session';

/** What the request interceptor loads once per turn and the handlers work on. */
export interface TurnData {
  readonly state: SessionState;
  readonly ctx: Ctx;
}

const TURN = 'calfCoachTurn';

export function setTurn(input: HandlerInput, data: TurnData): void {
  input.attributesManager.getRequestAttributes()[TURN] = data;
}

export function turnOf(input: HandlerInput): TurnData {
  const data = input.attributesManager.getRequestAttributes()[TURN] as TurnData | undefined;
  if (!data) throw new Error('turn state was not loaded');
  return data;
}

export function intentName(input: HandlerInput): string | undefined {
  return getRequestType(input.requestEnvelope) === 'IntentRequest'
    ? getIntentName(input.requestEnvelope)
    : undefined;
}

export function isIntent(input: HandlerInput, ...names: readonly string[]): boolean {
  const name = intentName(input);
  return name !== undefined && names.includes(name);
}

function versionAtLeast(version: string, wanted: string): boolean {
  const a = version.split('.').map(Number);
  const b = wanted.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (Number.isNaN(x) || Number.isNaN(y)) return false;
    if (x !== y) return x > y;
  }
  return true;
}

/** A screen device whose APL runtime can render the documents; devices without APL never get one. */
export function supportsApl(input: HandlerInput): boolean {
  try {
    const apl: unknown = getSupportedInterfaces(input.requestEnvelope)['Alexa.Presentation.APL'];
    if (typeof apl !== 'object' || apl === null) return false;
    const maxVersion = (apl as { runtime?: { maxVersion?: unknown } }).runtime?.maxVersion;
    return typeof maxVersion !== 'string' || versionAtLeast(maxVersion, APL_VERSION);
  } catch {
    return false;
  }
}

function voiceOf(state: SessionState, outcome: Outcome): Voice {
  if (outcome.plainVoice) return NORMAL_VOICE;
  const { rate, quiet } = state.stored.preferences;
  return { rate, quiet };
}

/** Builds the response from an outcome and keeps the new state (and what was said, for "repeat"). */
export function respond(input: HandlerInput, outcome: Outcome): Response {
  const { ctx } = turnOf(input);
  const voice = voiceOf(outcome.state, outcome);
  const speech = toSsml(outcome.speech, voice);
  const reprompt = outcome.reprompt && !outcome.end ? toSsml(outcome.reprompt, voice) : undefined;
  // "Repeat" replays the last speech only outside a step and with no question pending (flow.repeat
  // re-reads the step or the question otherwise), so only then is it carried in the session.
  const replayable =
    !outcome.end && reprompt !== undefined && !onStep(outcome.state) && !outcome.state.pending;
  const state: SessionState = replayable
    ? { ...outcome.state, lastSpeech: speech, lastReprompt: reprompt }
    : { ...outcome.state, lastSpeech: undefined, lastReprompt: undefined };
  setTurn(input, { state, ctx });
  const builder = input.responseBuilder.speak(speech);
  if (outcome.askPermission) {
    // Alexa asks for consent itself and answers with a Connections.Response request.
    builder.addDirective({
      type: 'Connections.SendRequest',
      name: 'AskFor',
      payload: {
        '@type': 'AskForPermissionsConsentRequest',
        '@version': '2',
        permissionScopes: [{ permissionScope: outcome.askPermission.scope, consentLevel: 'ACCOUNT' }],
      },
      token: outcome.askPermission.token,
    });
    return builder.getResponse();
  }
  if (reprompt) builder.reprompt(reprompt);
  if (supportsApl(input)) {
    const display = outcome.display ?? {
      kind: 'message',
      title: ctx.t('display.title.app'),
      body: toPlainText(outcome.speech),
    };
    builder.addDirective(renderDocument(display, ctx.t));
  }
  return builder.withShouldEndSession(outcome.end || !reprompt).getResponse();
}

/** A handler from a matcher and a move, so each file reads as a list of rules. */
export function rule(
  matches: (input: HandlerInput, data: TurnData) => boolean,
  move: (data: TurnData, input: HandlerInput) => Outcome,
): RequestHandler {
  return {
    canHandle: (input) => matches(input, turnOf(input)),
    handle: (input) => respond(input, move(turnOf(input), input)),
  };
}
