import type { RequestEnvelope } from 'ask-sdk-model';
import { envelope, localDevice, newSessionId } from '../../lambda/local/simulator/envelope';
import { MemoryPersistenceAdapter } from '../../lambda/persistence/memory';
import { skillBuilder } from '../../lambda/skill';
import { Conversation } from '../helpers/conversation';
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
