import { BUILT_IN_PHRASES, normalise, Resolver } from '../../lambda/local/nlu';
import { loadModel } from '../helpers/model';

const model = loadModel('en-US');
const language = model.interactionModel.languageModel;
const resolver = new Resolver(model);

/** The built-in intents the design note's navigation table needs. */
const NAVIGATION = [
  'AMAZON.NextIntent',
  'AMAZON.PreviousIntent',
  'AMAZON.RepeatIntent',
  'AMAZON.StartOverIntent',
  'AMAZON.PauseIntent',
  'AMAZON.ResumeIntent',
  'AMAZON.HelpIntent',
  'AMAZON.StopIntent',
  'AMAZON.CancelIntent',
  'AMAZON.FallbackIntent',
  'AMAZON.NavigateHomeIntent',
  'AMAZON.YesIntent',
  'AMAZON.NoIntent',
];

describe('the en-US interaction model', () => {
  it('has the invocation name "calf coach"', () => {
    expect(language.invocationName).toBe('calf coach');
  });

  it('declares every built-in intent of the navigation table', () => {
    const names = language.intents.map((intent) => intent.name);
    for (const name of NAVIGATION) expect(names).toContain(name);
  });

  it('gives every custom intent at least 15 samples', () => {
    const custom = language.intents.filter((intent) => !intent.name.startsWith('AMAZON.'));
    expect(custom.map((i) => i.name).sort()).toEqual(
      [
        'AfterRunIntent',
        'BedtimeIntent',
        'ChestPainIntent',
        'CrampReliefIntent',
        'InjuryPopIntent',
        'PainWorseIntent',
        'ResumeRoutineIntent',
        'SetPreferenceIntent',
        'SwollenCalfIntent',
        'TellMeMoreIntent',
      ].sort(),
    );
    for (const intent of custom) expect(intent.samples?.length ?? 0).toBeGreaterThanOrEqual(15);
  });

  it('claims no sample for two intents, and no sample shadows a built-in phrase', () => {
    const owner = new Map<string, string>();
    for (const intent of language.intents) {
      for (const sample of [...(intent.samples ?? []), ...(BUILT_IN_PHRASES[intent.name] ?? [])]) {
        const key = normalise(sample);
        expect([key, owner.get(key) ?? intent.name]).toEqual([key, intent.name]);
        owner.set(key, intent.name);
      }
    }
  });

  it('uses only slot types it defines, in valid sample syntax', () => {
    const types = new Set((language.types ?? []).map((t) => t.name));
    for (const intent of language.intents) {
      const slots = new Set((intent.slots ?? []).map((s) => s.name));
      for (const slot of intent.slots ?? [])
        expect(types.has(slot.type) || slot.type.startsWith('AMAZON.')).toBe(true);
      for (const sample of intent.samples ?? []) {
        expect(sample).toMatch(/^[a-z' {}.]+$/);
        for (const [, name] of sample.matchAll(/\{(\w+)\}/g)) expect(slots.has(name ?? '')).toBe(true);
      }
    }
  });
});

describe('the resolver', () => {
  it('launches on "open calf coach", with or without the wake word and punctuation', () => {
    expect(resolver.understand('open calf coach')).toEqual({ kind: 'launch' });
    expect(resolver.understand('Alexa, open Calf Coach!')).toEqual({ kind: 'launch' });
    expect(resolver.understand('ask calf coach')).toEqual({ kind: 'launch' });
  });

  it('resolves one-shots with their connecting word', () => {
    expect(resolver.understand('ask calf coach for help with a cramp')).toMatchObject({
      kind: 'intent',
      invokedSkill: true,
      intent: { name: 'CrampReliefIntent' },
    });
    expect(resolver.understand('ask calf coach to resume')).toMatchObject({
      intent: { name: 'AMAZON.ResumeIntent' },
    });
  });

  it('fills custom slots with entity resolution to the canonical value', () => {
    expect(resolver.resolveIntent('speak more slowly')).toEqual({
      name: 'SetPreferenceIntent',
      slots: [
        {
          name: 'preference',
          value: 'slowly',
          resolved: { id: 'slower', name: 'slower', type: 'PREFERENCE' },
        },
      ],
    });
    expect(resolver.resolveIntent('make the holds banana').name).toBe('AMAZON.FallbackIntent');
  });

  it('sends anything else to the fallback intent', () => {
    expect(resolver.resolveIntent('what is the capital of peru').name).toBe('AMAZON.FallbackIntent');
    expect(resolver.resolveIntent('').name).toBe('AMAZON.FallbackIntent');
  });

  it.each([
    ["I've got a cramp", 'CrampReliefIntent'],
    ['OW MY CALF', 'CrampReliefIntent'],
    ['i just finished a run', 'AfterRunIntent'],
    ['stretch before bed', 'BedtimeIntent'],
    ['carry on where i left off', 'ResumeRoutineIntent'],
    ["that's a sharp pain", 'PainWorseIntent'],
    ["I can't breathe", 'ChestPainIntent'],
    ['my calf is red and hot', 'SwollenCalfIntent'],
    ['i heard a pop', 'InjuryPopIntent'],
    ['go back', 'AMAZON.PreviousIntent'],
    ['say that again', 'AMAZON.RepeatIntent'],
    ['yeah', 'AMAZON.YesIntent'],
    ['nope', 'AMAZON.NoIntent'],
  ])('"%s" → %s', (words, intent) => {
    expect(resolver.resolveIntent(words).name).toBe(intent);
  });
});
