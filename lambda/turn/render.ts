import type { HandlerInput } from 'ask-sdk-core';
import type { Intent, Response } from 'ask-sdk-model';
import { keepsOpen, type Ctx, type Outcome } from '../conversation/outcome';
import { awaitedSlot } from '../conversation/reminders';
import { renderDocument } from '../display/screens';
import { say, toPlainText, toSsml, NORMAL_VOICE, type Voice } from '../speech/ssml';
import { supportsApl } from './apl-support';

function voiceOf(outcome: Outcome): Voice {
  if (outcome.plainVoice) return NORMAL_VOICE;
  const { rate, quiet } = outcome.state.stored.preferences;
  return { rate: outcome.slow ? 'slow' : rate, quiet };
}

/**
 * The intent a Dialog.ElicitSlot directive carries: that intent with the slot to fill, empty (never the
 * request's own slots echoed back: they are Alexa's words, not the skill's to repeat).
 */
function dialogIntent(name: string, slot: string): Intent {
  return { name, confirmationStatus: 'NONE', slots: { [slot]: { name: slot, confirmationStatus: 'NONE' } } };
}

/** The one renderer: an outcome becomes speech, reprompt and screen. It never writes state. */
export function render(input: HandlerInput, ctx: Ctx, outcome: Outcome): Response {
  const voice = voiceOf(outcome);
  const builder = input.responseBuilder.speak(toSsml(outcome.speech, voice));
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
  if (outcome.consentCard) builder.withAskForPermissionsConsentCard([...outcome.consentCard]);
  const open = keepsOpen(outcome);
  if (open && outcome.reprompt) builder.reprompt(toSsml(outcome.reprompt, voice));
  const awaited = open ? awaitedSlot(outcome.state) : undefined;
  if (awaited) builder.addElicitSlotDirective(awaited.slot, dialogIntent(awaited.intent, awaited.slot));
  if (supportsApl(input)) {
    const display = outcome.display ?? {
      kind: 'message',
      title: ctx.t('display.title.app'),
      body: toPlainText(outcome.speech),
    };
    builder.addDirective(renderDocument(display, ctx.t));
  }
  return builder.withShouldEndSession(!open).getResponse();
}

/**
 * Says `notice` after the outcome's first sentence, in the same voice: for what the save learns only
 * after the answer was rendered (a preference that could not be kept for next time).
 */
export function addNotice(response: Response, outcome: Outcome, notice: string): void {
  const [first, ...rest] = outcome.speech;
  const speech = first ? [first, say(notice), ...rest] : [say(notice)];
  response.outputSpeech = { type: 'SSML', ssml: `<speak>${toSsml(speech, voiceOf(outcome))}</speak>` };
}
