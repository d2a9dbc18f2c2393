import type { RequestEnvelope, ResponseEnvelope, ui } from 'ask-sdk-model';
import { ssmlToPlainText } from '../../speech/ssml';
import { envelope, intentJson, newSessionId, type Device, type OpenSession } from './envelope';
import type { IntentMatch, Resolver } from './nlu';

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

/** The words that grant a permission when Alexa asks for it. */
const APPROVALS = /^(yes|yeah|i approve|approve|ja|ich stimme zu|si|sí|apruebo|acepto)$/i;

export class Simulator {
  private session: OpenSession | undefined;
  private asking: AskingPermission | undefined;

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

  private async send(
    body: Parameters<typeof envelope>[2],
    fresh: boolean,
    utterance?: string,
  ): Promise<Exchange> {
    const session: OpenSession =
      !fresh && this.session ? this.session : { sessionId: newSessionId(), isNew: true, attributes: {} };
    const request = envelope(this.device, session, body, this.clock());
    const response = await this.skill.invoke(request);
    const askFor = (response.response.directives ?? []).find(
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

  /** What a person says: "open calf coach", "ask calf coach for help with a cramp", "next". */
  async say(utterance: string): Promise<Exchange> {
    if (this.asking)
      return this.answerPermission(APPROVALS.test(utterance.trim().replace(/[.!]/g, '')), utterance);
    const understood = this.resolver.understand(utterance);
    if (understood.kind === 'launch') return this.send({ type: 'LaunchRequest' }, true, utterance);
    return this.intent(understood.intent, understood.invokedSkill, utterance);
  }

  /** "Alexa, open Calf Coach", whatever the language. */
  async launch(utterance?: string): Promise<Exchange> {
    return this.send({ type: 'LaunchRequest' }, true, utterance);
  }

  async intent(match: IntentMatch, newSession = false, utterance?: string): Promise<Exchange> {
    const intent = intentJson(match, this.device.applicationId);
    return this.send({ type: 'IntentRequest', intent }, newSession, utterance);
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
