import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ResponseFactory, type HandlerInput } from 'ask-sdk-core';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { SpeakingErrorHandler } from '../../lambda/handlers/errors';
import { SKILL_EVENTS } from '../../lambda/handlers/events';
import { envelope, localDevice, newSessionId } from '../../lambda/local/simulator/envelope';
import { MemoryPersistenceAdapter } from '../../lambda/persistence/memory';
import { lambdaHandler, skillBuilder } from '../../lambda/skill';
import { ssmlToPlainText } from '../../lambda/speech/ssml';
import { Conversation } from '../helpers/conversation';
import { ROOT } from '../helpers/model';
import { toAfterRunStepTwo } from '../helpers/routes';

describe('errors', () => {
  it('a request the handlers cannot read gets a spoken apology, a log line, and the progress stays', async () => {
    const c = new Conversation();
    await toAfterRunStepTwo(c);
    const last = c.exchanges[c.exchanges.length - 1];
    const attributes = last?.response.sessionAttributes ?? {};
    const device = localDevice();
    const broken = envelope(
      device,
      { sessionId: newSessionId(), isNew: false, attributes },
      { type: 'LaunchRequest' },
      new Date(),
    );
    const bad = {
      ...broken,
      request: { ...broken.request, type: 'IntentRequest' },
    } as unknown as RequestEnvelope;
    const skill = skillBuilder({ persistenceAdapter: c.adapter }).create();
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    process.env.CALF_COACH_LOG = 'on';
    try {
      const response = await skill.invoke(bad);
      expect(response.response.outputSpeech).toEqual({
        type: 'SSML',
        ssml: '<speak>Sorry, something went wrong on my side. Your progress is safe. Please say that again.</speak>',
      });
      expect(response.response.shouldEndSession).toBe(false);
      expect(response.sessionAttributes).toEqual(attributes);
      expect(error).toHaveBeenCalledWith(expect.stringContaining('"handler-error"'));
    } finally {
      process.env.CALF_COACH_LOG = 'silent';
      error.mockRestore();
    }
    expect((await c.say('next')).text).toMatch(/^Step three of five/);
  });

  it('corrupt session attributes are ignored with a log line, never a crash', async () => {
    const skill = skillBuilder({ persistenceAdapter: new MemoryPersistenceAdapter() }).create();
    const device = localDevice();
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    process.env.CALF_COACH_LOG = 'on';
    try {
      for (const calfCoach of [42, 'x', { v: 1, stepIndex: 'NaN', pending: { kind: 'screen' } }, { v: 99 }]) {
        const request = envelope(
          device,
          { sessionId: newSessionId(), isNew: false, attributes: { calfCoach } },
          { type: 'IntentRequest', intent: { name: 'AMAZON.NextIntent', confirmationStatus: 'NONE' } },
          new Date(),
        );
        const response = await skill.invoke(request);
        expect(response.response.outputSpeech).toBeDefined();
      }
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('"session-state-ignored"'));
    } finally {
      process.env.CALF_COACH_LOG = 'silent';
      warn.mockRestore();
    }
  });
});

describe('odd input through the Lambda handler: an answer or a clean refusal, never the apology for a valid request', () => {
  const adapter = new MemoryPersistenceAdapter();
  const handler = lambdaHandler({ persistenceAdapter: adapter });
  const invoke = (event: unknown): Promise<{ error?: Error; response?: ResponseEnvelope }> =>
    handler(event as RequestEnvelope, {}).then(
      (response) => ({ response }),
      (error: unknown) => ({ error: error instanceof Error ? error : new Error(String(error)) }),
    );
  const said = (response: ResponseEnvelope | undefined): string =>
    ssmlToPlainText(
      response?.response.outputSpeech?.type === 'SSML'
        ? response.response.outputSpeech.ssml
        : '<speak></speak>',
    );
  const intent = (
    name: string,
    attributes: Record<string, unknown> = {},
    locale: unknown = 'en-US',
  ): unknown => {
    const built = envelope(
      localDevice(),
      { sessionId: newSessionId(), isNew: false, attributes },
      { type: 'IntentRequest', intent: { name, confirmationStatus: 'NONE' } },
      new Date(),
    );
    return { ...built, request: { ...built.request, locale } };
  };
  const APOLOGY = /something went wrong/;
  const state = (fields: Record<string, unknown>) => ({
    calfCoach: {
      v: 1,
      stepIndex: -1,
      tries: 0,
      sessionStartMs: Date.now(),
      stored: {},
      savedFingerprint: 'x',
      ...fields,
    },
  });

  it('null, a number, or an object that is not an Alexa request: refused, the callback always called', async () => {
    const unhandled = jest.fn();
    process.on('unhandledRejection', unhandled);
    try {
      for (const event of [null, undefined, 42, 'text', {}, { request: null }, { request: { type: 3 } }]) {
        const { error, response } = await invoke(event);
        expect(response).toBeUndefined();
        expect(error?.message).toMatch(/not an object|not an Alexa request/);
      }
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  it('the error handler itself copes with an envelope it cannot read', () => {
    const input = {
      requestEnvelope: null,
      responseBuilder: ResponseFactory.init(),
    } as unknown as HandlerInput;
    expect(SpeakingErrorHandler.canHandle(input, new Error('x'))).toBe(true);
    const response = SpeakingErrorHandler.handle(input, new Error('x')) as {
      outputSpeech?: { ssml?: string };
    };
    expect(response.outputSpeech?.ssml).toMatch(APOLOGY);
  });

  it('intent names that are Object properties are intents the skill does not know', async () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      const text = said((await invoke(intent(name))).response);
      expect(text).toMatch(/^Sorry, I didn't catch that\./);
    }
  });

  it('a locale named "constructor", or one that is not a string, reads like an unknown one', async () => {
    const chest = said((await invoke(intent('ChestPainIntent', {}, 'constructor'))).response);
    expect(chest).toMatch(/call your local emergency number now/);
    expect(chest).not.toMatch(/number is number|Call number/i);
    for (const locale of [42, null, { en: 'US' }]) {
      const help = said((await invoke(intent('AMAZON.HelpIntent', {}, locale))).response);
      expect(help).toMatch(/^Calf Coach talks you through/);
    }
  });

  it('a stale question in the session never speaks a raw key', async () => {
    for (const pending of [
      { kind: 'flagCheck', question: 'nonexistent', then: ['screen.nonexistent'] },
      { kind: 'screen', stage: 'full', question: 7, from: 2 },
      { kind: 'reportCheck', report: 'undefined' },
    ]) {
      for (const name of ['AMAZON.RepeatIntent', 'AMAZON.YesIntent', 'AMAZON.HelpIntent']) {
        const text = said((await invoke(intent(name, state({ routineId: 'cramp', pending })))).response);
        expect(text).not.toMatch(/\b[a-z]+\.[a-zA-Z]+\b|undefined/);
        expect(text).not.toMatch(APOLOGY);
      }
    }
  });

  it('session attributes 5,000 levels deep are dropped before ask-sdk copies them; the turn is answered', async () => {
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 5000; i++) deep = { a: deep };
    const { response } = await invoke(intent('AMAZON.HelpIntent', { calfCoach: deep }));
    expect(said(response)).toMatch(/^Calf Coach talks you through/);
  });

  it('a megabyte of "last speech" in the session is not replayed: the response stays within 24 KB', async () => {
    const huge = [{ text: 'x'.repeat(1_000_000) }];
    const { response } = await invoke(
      intent('AMAZON.RepeatIntent', state({ lastSpeech: huge, lastReprompt: huge })),
    );
    expect(Buffer.byteLength(JSON.stringify(response))).toBeLessThan(24 * 1024);
    expect(said(response)).not.toMatch(/xxxx/);
  });

  it('through the checked skill too, the apology sends the session state back as it came', async () => {
    const c = new Conversation();
    await toAfterRunStepTwo(c);
    const attributes = c.exchanges[c.exchanges.length - 1]?.response.sessionAttributes ?? {};
    const broken = intent('AMAZON.NextIntent', attributes) as { request: Record<string, unknown> };
    Reflect.deleteProperty(broken.request, 'intent');
    const { response } = await invoke(broken);
    expect(said(response)).toMatch(APOLOGY);
    expect(response?.sessionAttributes).toEqual(attributes);
  });

  it('an error while the session ends gets no speech (Alexa would not say it)', () => {
    const request = envelope(
      localDevice(),
      { sessionId: newSessionId(), isNew: false, attributes: {} },
      { type: 'SessionEndedRequest', reason: 'ERROR' },
      new Date(),
    );
    const input = {
      requestEnvelope: request,
      responseBuilder: ResponseFactory.init(),
    } as unknown as HandlerInput;
    expect(SpeakingErrorHandler.handle(input, new Error('x'))).toEqual({});
  });
});

describe('skill events', () => {
  const skillEvent = (type: string, userId = 'amzn1.ask.account.LOCAL-USER'): RequestEnvelope => {
    const built = envelope(
      localDevice({ userId }),
      { sessionId: newSessionId(), isNew: true, attributes: {} },
      { type: 'LaunchRequest' },
      new Date(),
    );
    const { session: _none, ...withoutSession } = built;
    return {
      ...withoutSession,
      request: {
        type,
        requestId: built.request.requestId,
        timestamp: built.request.timestamp,
        body: { userId, userInformationPersistenceStatus: 'PERSISTED' },
      },
    } as unknown as RequestEnvelope;
  };

  it.each(SKILL_EVENTS)('%s gets an empty response, and no read of the store', async (type) => {
    const adapter = new MemoryPersistenceAdapter();
    const response = await skillBuilder({ persistenceAdapter: adapter }).create().invoke(skillEvent(type));
    expect(response.response).toEqual({});
    expect(adapter.calls.get).toBe(0);
  });

  it('disabling the skill deletes what is stored for that user, and only theirs', async () => {
    const adapter = new MemoryPersistenceAdapter();
    const ann = new Conversation({ adapter, device: { userId: 'amzn1.ask.account.ANN' } });
    const bob = new Conversation({ adapter, device: { userId: 'amzn1.ask.account.BOB' } });
    await toAfterRunStepTwo(ann);
    await toAfterRunStepTwo(bob);
    expect(adapter.peek('amzn1.ask.account.ANN')).toBeDefined();
    const skill = skillBuilder({ persistenceAdapter: adapter }).create();
    await skill.invoke(skillEvent('AlexaSkillEvent.SkillDisabled', 'amzn1.ask.account.ANN'));
    expect(adapter.peek('amzn1.ask.account.ANN')).toBeUndefined();
    expect(adapter.peek('amzn1.ask.account.BOB')).toBeDefined();
    expect(
      (
        await new Conversation({ adapter, device: { userId: 'amzn1.ask.account.ANN' } }).say(
          'open calf coach',
        )
      ).text,
    ).toMatch(/^Welcome to Calf Coach/);
  });

  it('a delete that fails fails the invocation, so Alexa can send the event again', async () => {
    const adapter = new MemoryPersistenceAdapter();
    adapter.deleteAttributes = () => Promise.reject(new Error('store down'));
    const handler = lambdaHandler({ persistenceAdapter: adapter });
    const failed = await handler(skillEvent('AlexaSkillEvent.SkillDisabled'), {}).catch(
      (error: unknown) => error,
    );
    expect(failed).toBeInstanceOf(Error);
  });

  it('the manifest subscribes to exactly the events the skill handles', () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'skill-package', 'skill.json'), 'utf8')) as {
      manifest: { events?: { subscriptions?: { eventName: string }[] } };
    };
    const names = (manifest.manifest.events?.subscriptions ?? []).map((s) => s.eventName);
    const asTypes = names.map(
      (name) =>
        `AlexaSkillEvent.${name
          .toLowerCase()
          .split('_')
          .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
          .join('')}`,
    );
    expect(asTypes.sort()).toEqual([...SKILL_EVENTS].sort());
  });
});
