import {
  BUILT_IN_PHRASES,
  normalise,
  Resolver,
  type InteractionModel,
} from '../../../lambda/local/simulator/nlu';
import { availableLocales } from '../../../lambda/local/simulator/models';
import { Intents } from '../../../lambda/handlers/intents';
import { REQUIRED_BUILT_INS } from '../../../scripts/validate';
import { loadModel } from '../../helpers/model';

const LOCALES = ['de-DE', 'en-AU', 'en-CA', 'en-GB', 'en-IN', 'en-US', 'es-US'];

/** Every intent the handlers know (lambda/handlers/intents.ts): each model must declare exactly these. */
const NAVIGATION = REQUIRED_BUILT_INS;
const CUSTOM = Object.values(Intents)
  .filter((name) => !name.startsWith('AMAZON.'))
  .sort();

const shape = (locale: string): string => {
  const language = loadModel(locale).interactionModel.languageModel;
  return JSON.stringify({
    intents: language.intents
      .map((i) => ({
        name: i.name,
        slots: (i.slots ?? []).map((slot) => ({ name: slot.name, type: slot.type })),
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    types: (language.types ?? []).map((t) => ({
      name: t.name,
      ids: (t.values ?? []).map((v) => v.id).sort(),
    })),
  });
};

it('has exactly the project locales', () => {
  expect(availableLocales()).toEqual(LOCALES);
});

describe.each(LOCALES)('the %s interaction model', (locale) => {
  const model = loadModel(locale);
  const language = model.interactionModel.languageModel;
  const builtIns = BUILT_IN_PHRASES[locale.split('-')[0] ?? 'en'] ?? {};

  it('has the invocation name "calf coach"', () => {
    expect(language.invocationName).toBe('calf coach');
  });

  it('declares the same intents and slot types as en-US, with every navigation built-in', () => {
    expect(shape(locale)).toBe(shape('en-US'));
    const names = language.intents.map((intent) => intent.name);
    for (const name of NAVIGATION) expect(names).toContain(name);
    expect([...names].sort()).toEqual([...Object.values(Intents)].sort());
    expect(names.filter((n) => !n.startsWith('AMAZON.')).sort()).toEqual(CUSTOM);
  });

  it('gives every custom intent at least 15 samples', () => {
    for (const intent of language.intents.filter((i) => !i.name.startsWith('AMAZON.'))) {
      expect([intent.name, intent.samples?.length ?? 0]).toEqual([intent.name, expect.any(Number)]);
      expect(intent.samples?.length ?? 0).toBeGreaterThanOrEqual(15);
    }
  });

  it('claims no sample for two intents, and no sample shadows a built-in phrase', () => {
    const owner = new Map<string, string>();
    for (const intent of language.intents) {
      for (const sample of [...(intent.samples ?? []), ...(builtIns[intent.name] ?? [])]) {
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
      // A slot said on its own only for a custom type of the model, whose values resolve ("{status}").
      const answers = new Set(
        (intent.slots ?? []).filter((s) => types.has(s.type ?? '')).map((s) => `{${s.name}}`),
      );
      for (const slot of intent.slots ?? []) {
        const type = slot.type ?? '';
        expect([slot.name, types.has(type) || type.startsWith('AMAZON.')]).toEqual([slot.name, true]);
      }
      for (const sample of intent.samples ?? []) {
        expect([sample, /^\{\w+\}$/.test(sample) && !answers.has(sample)]).toEqual([sample, false]);
        expect(sample.replace(/\{\w+\}/g, '{slot}')).toMatch(/^[\p{Ll}' {}.]+$/u);
        for (const [, name] of sample.matchAll(/\{(\w+)\}/g)) expect(slots.has(name ?? '')).toBe(true);
      }
    }
  });
});

describe('the resolver', () => {
  const resolver = new Resolver(loadModel('en-US'));

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
    expect(resolver.resolveIntent('purple monkey dishwasher').name).toBe('AMAZON.FallbackIntent');
    expect(resolver.resolveIntent('what is the capital of peru')).toEqual({
      name: 'OtherQuestionIntent',
      slots: [{ name: 'query', value: 'the capital of peru' }],
    });
    expect(resolver.resolveIntent('').name).toBe('AMAZON.FallbackIntent');
  });

  it.each([
    ["I've got a cramp", 'CrampReliefIntent'],
    ['OW MY CALF', 'CrampReliefIntent'],
    ['i just finished a run', 'AfterRunIntent'],
    ['stretch before bed', 'BedtimeIntent'],
    ['carry on where i left off', 'ResumeRoutineIntent'],
    ["that's a sharp pain", 'SharpPainIntent'],
    ['it hurts more', 'PainWorseIntent'],
    ['ow', 'CrampPainIntent'],
    ['my foot has gone blue', 'ColdLegIntent'],
    ['i feel dizzy', 'FaintIntent'],
    ['my foot is numb', 'NumbLegIntent'],
    ["i can't put weight on it", 'NoWeightIntent'],
    ['one calf is bigger than the other', 'SwollenCalfIntent'],
    ['my calf hurts', 'CrampReliefIntent'],
    ['a bit', 'HedgeIntent'],
    ['no chest pain', 'AMAZON.NoIntent'],
    ["it's not swollen", 'AMAZON.NoIntent'],
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

  it.each([
    ['de-DE', 'Alexa, frag Calf Coach nach Hilfe bei einem Krampf', 'CrampReliefIntent'],
    ['de-DE', 'öffne calf coach und ich habe einen wadenkrampf', 'CrampReliefIntent'],
    ['es-US', 'Alexa, pide a Calf Coach ayuda con un calambre', 'CrampReliefIntent'],
    ['es-US', 'pregúntale a calf coach por estiramientos antes de dormir', 'BedtimeIntent'],
    ['en-GB', "ask calf coach, my calf's gone into cramp", 'CrampReliefIntent'],
  ])('%s one-shot "%s" → %s', (locale, words, intent) => {
    expect(new Resolver(loadModel(locale), locale).understand(words)).toMatchObject({
      intent: { name: intent },
    });
  });

  it('understands accents whether typed or not', () => {
    const es = new Resolver(loadModel('es-US'), 'es-US');
    expect(es.resolveIntent('Sí').name).toBe('AMAZON.YesIntent');
    expect(es.resolveIntent('si').name).toBe('AMAZON.YesIntent');
    expect(new Resolver(loadModel('de-DE'), 'de-DE').resolveIntent('zurueck').name).toBe(
      'AMAZON.FallbackIntent',
    );
  });
});

describe('the resolver on a hand-written model', () => {
  // Read as the model files are, without a schema check: fields the SMAPI types require may be missing.
  const raw: unknown = {
    interactionModel: {
      languageModel: {
        invocationName: 'calf coach',
        intents: [
          { name: 'AMAZON.FallbackIntent' },
          { name: 'PickIntent', slots: [{ name: 'colour', type: 'COLOUR' }], samples: ['pick {colour}'] },
          { name: 'SayIntent', slots: [{ name: 'words' }], samples: ['say {words}'] },
          { name: 'SupplierIntent', slots: [{ name: 'thing', type: 'THING' }], samples: ['find {thing}'] },
        ],
        types: [
          { name: 'COLOUR', values: [{ id: 'RED', name: { value: 'red' } }, { name: { value: 'blue' } }] },
          { name: 'THING', valueSupplier: { type: 'CatalogValueSupplier' } },
        ],
      },
    },
  };
  const resolver = new Resolver(raw as InteractionModel);

  it('resolves slot values that have no synonyms list, by value and id', () => {
    expect(resolver.resolveIntent('pick red').slots).toEqual([
      { name: 'colour', value: 'red', resolved: { id: 'RED', name: 'red', type: 'COLOUR' } },
    ]);
    expect(resolver.resolveIntent('pick blue').slots).toEqual([
      { name: 'colour', value: 'blue', resolved: { id: 'blue', name: 'blue', type: 'COLOUR' } },
    ]);
  });

  it('passes a slot without a type through, and matches nothing for a type without values', () => {
    expect(resolver.resolveIntent('say hello there')).toEqual({
      name: 'SayIntent',
      slots: [{ name: 'words', value: 'hello there' }],
    });
    expect(resolver.resolveIntent('find a stick').name).toBe('AMAZON.FallbackIntent');
  });
});

describe('the resolver beyond exact samples (nlp.js trained from the model)', () => {
  const resolver = new Resolver(loadModel('en-US'), 'en-US');

  it.each([
    ['my calf is killing me', 'CrampReliefIntent'],
    ["I've got a charley horse", 'CrampReliefIntent'],
    ['a cramp in my leg', 'CrampReliefIntent'],
    ['it still hurts', 'CrampPainIntent'],
    ["it's gone", 'CrampStatusIntent'],
    ['which leg?', 'WhichLegIntent'],
    ['switch legs', 'SwitchLegsIntent'],
    ['not really', 'HedgeIntent'],
    ["I don't know", 'HedgeIntent'],
  ])('the newcomer\'s "%s" → %s', (words, intent) => {
    expect(resolver.resolveIntent(words).name).toBe(intent);
  });

  it.each([
    ["it's gone", 'gone'],
    ['yes it is easing', 'easing'],
    ['much better', 'better'],
    ['not yet', 'notEasing'],
    ['still tight', 'stillTight'],
    ['the same', 'same'],
    ['the cramp is worse', 'worse'],
  ])('the cramp\'s status: "%s" is %s, never a yes or a no', (words, id) => {
    expect(resolver.resolveIntent(words)).toMatchObject({
      name: 'CrampStatusIntent',
      slots: [{ name: 'status', resolved: { id, type: 'CRAMP_STATUS' } }],
    });
  });

  it.each([
    ['de-DE', 'es ist weg', 'CrampStatusIntent', 'gone'],
    ['de-DE', 'ein bisschen', 'HedgeIntent', undefined],
    ['de-DE', 'keine Brustschmerzen', 'AMAZON.NoIntent', undefined],
    ['es-US', 'ya se quitó', 'CrampStatusIntent', 'gone'],
    ['es-US', 'un poco', 'HedgeIntent', undefined],
    ['es-US', 'no, no está hinchada', 'AMAZON.NoIntent', undefined],
  ])('%s: "%s" → %s %s', (locale, words, intent, id) => {
    const match = new Resolver(loadModel(locale), locale).resolveIntent(words);
    expect(match.name).toBe(intent);
    if (id !== undefined) expect(match.slots).toMatchObject([{ name: 'status', resolved: { id } }]);
  });

  it.each([
    ['slower', 'slower'],
    ['too fast', 'slower'],
  ])('pace: "%s" sets the preference %s', (words, id) => {
    expect(resolver.resolveIntent(words)).toMatchObject({
      name: 'SetPreferenceIntent',
      slots: [{ name: 'preference', resolved: { id, type: 'PREFERENCE' } }],
    });
  });

  it.each([
    ["I'm lying in bed", 'lying'],
    ["I'm in bed", 'lying'],
    ["I'm standing up", 'standing'],
    ["I'm sitting on the edge of the bed", 'sitting'],
  ])('posture: "%s" resolves to %s', (words, id) => {
    expect(resolver.resolveIntent(words)).toMatchObject({
      name: 'PostureIntent',
      slots: [{ name: 'posture', resolved: { id, type: 'POSTURE' } }],
    });
  });

  it('finds a time in words it has not seen, and takes no bare time as a reminder', () => {
    expect(resolver.resolveIntent('could you please remind me to stretch at nine thirty pm')).toEqual({
      name: 'SetReminderIntent',
      slots: [{ name: 'time', value: '21:30' }],
    });
    expect(resolver.resolveIntent('nine pm').name).toBe('AMAZON.FallbackIntent');
  });

  it('collects a slot the way Alexa does when asked for it (the slot samples)', () => {
    expect(resolver.fillSlot('SetReminderIntent', 'time', 'nine thirty pm')).toEqual({
      name: 'time',
      value: '21:30',
    });
    expect(resolver.fillSlot('SetReminderIntent', 'time', 'at ten')).toEqual({
      name: 'time',
      value: '10:00',
    });
    expect(resolver.fillSlot('SetReminderIntent', 'time', 'stop')).toBeUndefined();
    expect(resolver.dialog('SetReminderIntent')).toEqual({
      slots: [
        {
          name: 'time',
          required: true,
          prompt: 'What time should I remind you each day? For example, nine p m.',
        },
        { name: 'eveningTime', required: false },
      ],
    });
    expect(resolver.dialog('CrampReliefIntent')).toBeUndefined();
  });

  it('knows the name-free ingress points', () => {
    expect(resolver.nameFree('Alexa, I need a calf stretch')).toBe('launch');
    expect(resolver.nameFree('Alexa, I have a calf cramp')).toEqual({ name: 'CrampReliefIntent', slots: [] });
    expect(resolver.nameFree('Alexa, next')).toBeUndefined();
  });

  it('explains what it decided and how', () => {
    expect(resolver.explain('i have a cramp')).toMatchObject({ by: 'exact', scores: [] });
    const guessed = resolver.explain('my calf just seized up');
    expect(guessed.by).toBe('classifier');
    expect(guessed.scores[0]).toMatchObject({ intent: 'CrampReliefIntent' });
    expect(resolver.explain('purple monkey dishwasher').by).toBe('fallback');
  });

  it('trains once per locale and model in the process, the same way every time', () => {
    const again = new Resolver(loadModel('en-US'), 'en-US');
    expect(again.classifier).toBe(resolver.classifier);
    const text = 'my calf is all tight and sore';
    expect(again.explain(text)).toEqual(resolver.explain(text));
  });
});
