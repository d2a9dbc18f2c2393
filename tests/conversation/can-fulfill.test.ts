import type { canfulfill } from 'ask-sdk-model';
import { canFulfillIntent } from '../../lambda/handlers/can-fulfill';
import { Intents } from '../../lambda/handlers/intents';
import { localDevice } from '../../lambda/local/simulator/envelope';
import { availableLocales } from '../../lambda/local/simulator/models';
import { Resolver, type IntentMatch } from '../../lambda/local/simulator/nlu';
import { Simulator } from '../../lambda/local/simulator/simulator';
import { MemoryPersistenceAdapter } from '../../lambda/persistence/memory';
import { skillBuilder } from '../../lambda/skill';
import { Conversation } from '../helpers/conversation';
import { loadModel } from '../helpers/model';

process.env.CALF_COACH_LOG ??= 'silent';

/**
 * "Alexa, I have a calf cramp": before routing words said without the skill's name, Alexa asks the skill
 * whether it can take the intent (CanFulfillIntentRequest). YES for the three routines, carrying on and
 * the questions answered from the facts file, NO for everything else; with nothing said, shown or stored.
 */

const YES: ReadonlySet<string> = new Set([
  Intents.cramp,
  Intents.afterRun,
  Intents.bedtime,
  Intents.resumeRoutine,
  Intents.whatIsCramp,
  Intents.whyItHurts,
  Intents.heatOrIce,
  Intents.massageTools,
  Intents.holdLength,
  Intents.prevention,
  Intents.pregnancy,
  Intents.crampOrStrain,
  Intents.whenToSeeDoctor,
  Intents.medicines,
  Intents.overnight,
]);

/** A value for each slot an intent declares, as Alexa would detect it. */
const SLOT_VALUES: Readonly<Record<string, IntentMatch['slots'][number]>> = {
  preference: {
    name: 'preference',
    value: 'slower',
    resolved: { id: 'slower', name: 'slower', type: 'PREFERENCE' },
  },
  posture: { name: 'posture', value: 'in bed', resolved: { id: 'lying', name: 'in bed', type: 'POSTURE' } },
  time: { name: 'time', value: '21:00' },
  eveningTime: { name: 'eveningTime', value: '21:00' },
  query: { name: 'query', value: 'is it safe to run a marathon' },
  status: {
    name: 'status',
    value: 'still tight',
    resolved: { id: 'stillTight', name: 'still tight', type: 'CRAMP_STATUS' },
  },
};

function setUp(locale: string): { adapter: MemoryPersistenceAdapter; simulator: Simulator } {
  const adapter = new MemoryPersistenceAdapter();
  const skill = skillBuilder({ persistenceAdapter: adapter }).create();
  const simulator = new Simulator(skill, new Resolver(loadModel(locale), locale), localDevice({ locale }));
  return { adapter, simulator };
}

describe.each(availableLocales())('%s', (locale) => {
  const intents = loadModel(locale).interactionModel.languageModel.intents;

  it('answers for every intent of the model, with its slots, and writes nothing', async () => {
    const { adapter, simulator } = setUp(locale);
    for (const intent of intents) {
      const slots = (intent.slots ?? []).flatMap((slot) => {
        const value = SLOT_VALUES[slot.name];
        return value ? [value] : [];
      });
      expect(slots).toHaveLength((intent.slots ?? []).length);
      const asked = await simulator.canFulfill({ name: intent.name, slots });
      const { response } = asked.response;
      const expected: canfulfill.CanFulfillIntentValues = YES.has(intent.name) ? 'YES' : 'NO';
      expect([intent.name, response.canFulfillIntent?.canFulfill]).toEqual([intent.name, expected]);
      expect(canFulfillIntent(intent.name)).toBe(expected === 'YES');
      for (const slot of slots) {
        expect(response.canFulfillIntent?.slots?.[slot.name]).toEqual({
          canUnderstand: 'YES',
          canFulfill: expected === 'YES' ? 'YES' : 'NO',
        });
      }
      // No side effects: nothing said, shown, kept in a session or stored.
      expect(response.outputSpeech).toBeUndefined();
      expect(response.directives ?? []).toEqual([]);
      expect(asked.response.sessionAttributes ?? {}).toEqual({});
    }
    expect(adapter.calls.save).toBe(0);
    expect(adapter.calls.delete).toBe(0);
    expect(adapter.peek(localDevice().userId)).toBeUndefined();
  });
});

it('a slot value Alexa could not match is not understood', async () => {
  const { simulator } = setUp('en-US');
  const asked = await simulator.canFulfill({
    name: 'SetPreferenceIntent',
    slots: [{ name: 'preference', value: 'banana', resolved: { id: 'x', name: 'x', type: 'PREFERENCE' } }],
  });
  expect(asked.response.response.canFulfillIntent?.canFulfill).toBe('NO');
  const intent = asked.request.request as { intent: { slots: Record<string, unknown> } };
  // Alexa's own no-match shape for the same value.
  intent.intent.slots.preference = {
    name: 'preference',
    value: 'banana',
    confirmationStatus: 'NONE',
    resolutions: { resolutionsPerAuthority: [{ authority: 'a', status: { code: 'ER_SUCCESS_NO_MATCH' } }] },
  };
  const skill = skillBuilder({ persistenceAdapter: new MemoryPersistenceAdapter() }).create();
  const response = await skill.invoke(asked.request);
  expect(response.response.canFulfillIntent?.slots?.preference).toEqual({
    canUnderstand: 'NO',
    canFulfill: 'NO',
  });
});

it("leaves a returning user's stored progress exactly as it was", async () => {
  const adapter = new MemoryPersistenceAdapter();
  const c = new Conversation({ adapter });
  await c.sayAll('ask calf coach for help with a cramp', 'no', 'no', 'pause');
  const before = await c.stored();
  expect(before).toHaveProperty('progress');
  const saves = adapter.calls.save;
  const skill = skillBuilder({ persistenceAdapter: adapter }).create();
  const simulator = new Simulator(skill, new Resolver(loadModel('en-US'), 'en-US'), localDevice());
  for (const name of [Intents.resumeRoutine, Intents.cramp, Intents.stop, Intents.fallback])
    await simulator.canFulfill({ name, slots: [] });
  expect(adapter.calls.save).toBe(saves);
  expect(await c.stored()).toEqual(before);
});

it('"Alexa, I have a calf cramp" finds Calf Coach without its name, and starts the cramp routine', async () => {
  const { simulator } = setUp('en-US');
  const answer = await simulator.say('Alexa, I have a calf cramp');
  expect(simulator.lastCanFulfill?.response.response.canFulfillIntent?.canFulfill).toBe('YES');
  expect(answer.request.request).toMatchObject({
    type: 'IntentRequest',
    intent: { name: 'CrampReliefIntent' },
  });
  expect(answer.text).toMatch(/chest pain/i);
  expect(answer.ended).toBe(false);
});
