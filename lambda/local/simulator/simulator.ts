import type { Intent, RequestEnvelope, ResponseEnvelope, Slot, dialog, ui } from 'ask-sdk-model';
import { ssmlToPlainText } from '../../speech/ssml';
import {
  envelope,
  intentJson,
  newSessionId,
  type Device,
  type OpenSession,
  type RequestBody,
} from './envelope';
import type { IntentMatch, Resolver, SlotMatch } from './nlu';

/** Anything that answers request envelopes: a built skill, or the Lambda handler wrapped. */
export interface SkillLike {
  invoke(request: RequestEnvelope): Promise<ResponseEnvelope>;
}

export interface Exchange {
  readonly utterance?: string;
  readonly request: RequestEnvelope;
  readonly response: ResponseEnvelope;
  /** The outputSpeech SSML, and the same as plain sentences. */
  readonly ssml: string;
  readonly text: string;
  readonly reprompt?: string;
  readonly ended: boolean;
}

function ssmlOf(speech: ui.OutputSpeech | undefined): string {
  if (!speech) return '';
  return speech.type === 'SSML' ? speech.ssml : speech.text;
}

/**
 * Plays Alexa's part: words to requests through the real interaction model, the session and its
 * attributes carried from turn to turn, a new session whenever the skill ended the last one.
 */
/** A voice permission request Alexa is asking the user about (Connections.SendRequest AskFor). */
interface AskingPermission {
  readonly scope: string;
  readonly token: string;
}

/** A slot Alexa's dialog is collecting: the next words fill it, and go back as this intent. */
interface Eliciting {
  readonly intent: Intent;
  readonly slot: string;
}

/** The words that grant a permission when Alexa asks for it. */
const APPROVALS = /^(yes|yeah|i approve|approve|ja|ich stimme zu|si|sí|apruebo|acepto)$/i;

export class Simulator {
  private session: OpenSession | undefined;
  private asking: AskingPermission | undefined;
  private eliciting: Eliciting | undefined;
  /** The last CanFulfillIntentRequest Alexa sent before routing words said without the skill's name. */
  lastCanFulfill: Exchange | undefined;

  constructor(
    private readonly skill: SkillLike,
    private readonly resolver: Resolver,
    public device: Device,
    private readonly clock: () => Date = () => new Date(),
    /** Tests only: keep sending in the same session after the skill ended it, as a faulty device might. */
    private readonly ignoreSessionEnd = false,
  ) {}

  get sessionOpen(): boolean {
    return this.session !== undefined;
  }

  private async send(body: RequestBody, fresh: boolean, utterance?: string): Promise<Exchange> {
    const session: OpenSession =
      !fresh && this.session ? this.session : { sessionId: newSessionId(), isNew: true, attributes: {} };
    const request = envelope(this.device, session, body, this.clock());
    const response = await this.skill.invoke(request);
    const directives = response.response.directives ?? [];
    const askFor = directives.find(
      (directive) =>
        directive.type === 'Connections.SendRequest' && (directive as { name?: string }).name === 'AskFor',
    ) as { token?: string; payload?: { permissionScopes?: { permissionScope?: string }[] } } | undefined;
    this.asking = askFor
      ? { scope: askFor.payload?.permissionScopes?.[0]?.permissionScope ?? '', token: askFor.token ?? '' }
      : undefined;
    // While Alexa asks for a permission, the skill's session waits for the answer.
    const ended = response.response.shouldEndSession !== false && !askFor;
    this.session =
      ended && !this.ignoreSessionEnd
        ? undefined
        : { sessionId: session.sessionId, isNew: false, attributes: response.sessionAttributes ?? {} };
    this.eliciting = undefined;
    const elicit = directives.find(
      (directive): directive is dialog.ElicitSlotDirective => directive.type === 'Dialog.ElicitSlot',
    );
    const current = body.type === 'IntentRequest' ? body.intent : undefined;
    if (elicit && !ended) {
      const intent = elicit.updatedIntent ?? current;
      if (intent) this.eliciting = { intent, slot: elicit.slotToElicit };
    }
    const delegate = directives.find(
      (directive): directive is dialog.DelegateDirective => directive.type === 'Dialog.Delegate',
    );
    if (delegate && !ended) {
      const intent = delegate.updatedIntent ?? current;
      if (intent) return this.delegated(intent, request, response, utterance);
    }
    return this.exchange(request, response, ended, utterance);
  }

  private exchange(
    request: RequestEnvelope,
    response: ResponseEnvelope,
    ended: boolean,
    utterance?: string,
  ): Exchange {
    const ssml = ssmlOf(response.response.outputSpeech);
    const reprompt = response.response.reprompt?.outputSpeech;
    return {
      ...(utterance === undefined ? {} : { utterance }),
      request,
      response,
      ssml,
      text: ssmlToPlainText(ssml),
      ...(reprompt ? { reprompt: ssmlToPlainText(ssmlOf(reprompt)) } : {}),
      ended,
    };
  }

  /**
   * Dialog.Delegate: Alexa runs the dialog model itself. It asks for the first required slot still empty
   * with that slot's prompt from the model; with every required slot filled, it sends the intent back
   * with dialogState COMPLETED.
   */
  private async delegated(
    intent: Intent,
    request: RequestEnvelope,
    response: ResponseEnvelope,
    utterance?: string,
  ): Promise<Exchange> {
    const model = this.resolver.dialog(intent.name);
    const missing = model?.slots.find((slot) => slot.required && !intent.slots?.[slot.name]?.value);
    if (!missing)
      return this.send({ type: 'IntentRequest', intent, dialogState: 'COMPLETED' }, false, utterance);
    this.eliciting = { intent, slot: missing.name };
    const prompt = missing.prompt ?? '';
    return {
      ...(utterance === undefined ? {} : { utterance }),
      request,
      response,
      ssml: `<speak>${prompt}</speak>`,
      text: prompt,
      reprompt: prompt,
      ended: false,
    };
  }

  /** The answer to Alexa's question for a slot: that intent again, the slot filled, the dialog in progress. */
  private async answerSlot(eliciting: Eliciting, slot: SlotMatch, utterance: string): Promise<Exchange> {
    const filled =
      intentJson({ name: eliciting.intent.name, slots: [slot] }, this.device.applicationId).slots ?? {};
    const slots: Record<string, Slot> = { ...eliciting.intent.slots, ...filled };
    const intent: Intent = { ...eliciting.intent, slots };
    return this.send({ type: 'IntentRequest', intent, dialogState: 'IN_PROGRESS' }, false, utterance);
  }

  /** What a person says: "open calf coach", "ask calf coach for help with a cramp", "next". */
  async say(utterance: string): Promise<Exchange> {
    if (this.asking)
      return this.answerPermission(APPROVALS.test(utterance.trim().replace(/[.!]/g, '')), utterance);
    const eliciting = this.session ? this.eliciting : undefined;
    const slot = eliciting && this.resolver.fillSlot(eliciting.intent.name, eliciting.slot, utterance);
    if (eliciting && slot) return this.answerSlot(eliciting, slot, utterance);
    const understood = this.resolver.understand(utterance);
    if (understood.kind === 'launch') return this.send({ type: 'LaunchRequest' }, true, utterance);
    if (!this.session && !understood.invokedSkill) {
      const nameFree = this.resolver.nameFree(utterance);
      if (nameFree === 'launch') return this.send({ type: 'LaunchRequest' }, true, utterance);
      if (nameFree) return this.withoutName(nameFree, utterance);
    }
    return this.intent(understood.intent, understood.invokedSkill, utterance);
  }

  /**
   * Words said without the skill's name that Alexa routes here through an intent launch phrase: it asks
   * the skill first (CanFulfillIntentRequest, outside any session), and sends the intent only if the skill
   * can take it; otherwise Alexa answers itself, and nothing reaches the skill.
   */
  private async withoutName(match: IntentMatch, utterance: string): Promise<Exchange> {
    const asked = await this.canFulfill(match);
    this.lastCanFulfill = asked;
    const answer = asked.response.response.canFulfillIntent?.canFulfill;
    if (answer === 'YES' || answer === 'MAYBE') return this.intent(match, true, utterance);
    return { ...asked, utterance, ended: true };
  }

  /** Alexa's question to the skill, before it routes words said without the skill's name. */
  async canFulfill(match: IntentMatch): Promise<Exchange> {
    const intent = intentJson(match, this.device.applicationId);
    const request = envelope(
      this.device,
      undefined,
      { type: 'CanFulfillIntentRequest', intent },
      this.clock(),
    );
    const response = await this.skill.invoke(request);
    return this.exchange(request, response, true);
  }

  /** "Alexa, open Calf Coach", whatever the language. */
  async launch(utterance?: string): Promise<Exchange> {
    return this.send({ type: 'LaunchRequest' }, true, utterance);
  }

  async intent(match: IntentMatch, newSession = false, utterance?: string): Promise<Exchange> {
    const intent = intentJson(match, this.device.applicationId);
    // An intent with a dialog model starts its dialog (Alexa sends dialogState STARTED on its first turn).
    const started = this.resolver.dialog(match.name) ? { dialogState: 'STARTED' as const } : {};
    return this.send({ type: 'IntentRequest', intent, ...started }, newSession, utterance);
  }

  /** The user's answer to Alexa's own permission question, sent to the skill as Connections.Response. */
  async answerPermission(approved: boolean, utterance?: string): Promise<Exchange> {
    const asking = this.asking ?? { scope: '', token: '' };
    const granted = approved
      ? {
          ...this.device,
          permissions: {
            consentToken: 'local-consent',
            scopes: { ...this.device.permissions?.scopes, [asking.scope]: { status: 'GRANTED' as const } },
          },
        }
      : undefined;
    if (granted) this.grant(granted.permissions);
    return this.send(
      {
        type: 'Connections.Response',
        name: 'AskFor',
        status: { code: '200', message: 'OK' },
        payload: { permissionScope: asking.scope, status: approved ? 'ACCEPTED' : 'DENIED' },
        token: asking.token,
      },
      false,
      utterance,
    );
  }

  private grant(permissions: NonNullable<Device['permissions']>): void {
    this.device = { ...this.device, permissions };
  }

  /** The device closes the session (silence after the reprompt, or the person walks away). */
  async endSession(
    reason: 'USER_INITIATED' | 'EXCEEDED_MAX_REPROMPTS' = 'EXCEEDED_MAX_REPROMPTS',
  ): Promise<Exchange | undefined> {
    if (!this.session) return undefined;
    const exchange = await this.send({ type: 'SessionEndedRequest', reason }, false);
    this.session = undefined;
    return exchange;
  }
}
