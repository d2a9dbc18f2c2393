import { ROUTINES } from '../../lambda/routines/data';
import { RESOURCES } from '../../lambda/speech/i18n';
import { Conversation } from '../helpers/conversation';
import { spokenStrings } from '../helpers/strings';

interface Phrasebook {
  readonly cramp: string;
  readonly bedtime: string;
  readonly yes: string;
  readonly no: string;
  readonly next: string;
  readonly emergency: RegExp;
  readonly urgent: RegExp;
  /** Where an injury or a pop is sent: the emergency department (A&E, Notaufnahme), not the GP. */
  readonly dept: RegExp;
  readonly closing: RegExp;
}

const ENGLISH = {
  cramp: 'ask calf coach for help with a cramp',
  bedtime: 'ask calf coach for a bedtime stretch',
  yes: 'yes',
  no: 'no',
  next: 'next',
  dept: /Go to the emergency department now\./,
};
const CLOSING_EN = /^That's the end of the routine\./;

/** Per locale: how a person says it, and the numbers the facts file (§6) gives for that locale. */
const LOCALES: Readonly<Record<string, Phrasebook>> = {
  'en-US': {
    ...ENGLISH,
    emergency: /^Call 9 1 1 now\. 9 1 1\. Please stop the routine\./,
    urgent: /Go to urgent care, see your doctor today, or go to the emergency department\./,
    closing: CLOSING_EN,
  },
  'en-CA': {
    ...ENGLISH,
    emergency: /^Call 9 1 1 now\. 9 1 1\. Please stop the routine\./,
    urgent: /Go to urgent care, see your doctor today, or go to the emergency department\./,
    closing: CLOSING_EN,
  },
  'en-GB': {
    ...ENGLISH,
    dept: /Go to A&E now\./,
    emergency: /^Call 9 9 9 now\. 9 9 9\. Please stop the routine\./,
    urgent: /Call your GP today, or call 1 1 1\. In Northern Ireland, call your GP or GP Out-of-Hours\./,
    closing: CLOSING_EN,
  },
  'en-AU': {
    ...ENGLISH,
    emergency: /^Call triple zero now\. That's triple zero\. Please stop the routine\./,
    urgent: /call healthdirect on 1 8 0 0, 0 2 2, 2 2 2\./,
    closing: CLOSING_EN,
  },
  'en-IN': {
    ...ENGLISH,
    emergency: /^Call 1 1 2, or 1 0 8 for an ambulance, now\. 1 1 2, or 1 0 8\./,
    urgent: /See a doctor or go to a hospital today\./,
    closing: CLOSING_EN,
  },
  'de-DE': {
    cramp: 'frag calf coach nach hilfe bei einem krampf',
    bedtime: 'frag calf coach nach dehnung vor dem schlafen',
    dept: /Gehen Sie jetzt gleich in die Notaufnahme\./,
    yes: 'ja',
    no: 'nein',
    next: 'weiter',
    emergency: /^Rufen Sie jetzt die 1 1 2 an\. Die 1 1 2\./,
    urgent: /rufen Sie den ärztlichen Bereitschaftsdienst unter 1 1 6 1 1 7 an\./,
    closing: /^Das war die Übung\./,
  },
  'es-US': {
    cramp: 'pide a calf coach ayuda con un calambre',
    bedtime: 'pide a calf coach estiramientos antes de dormir',
    dept: /Vaya ahora mismo a la sala de emergencias\./,
    yes: 'sí',
    no: 'no',
    next: 'siguiente',
    emergency: /^Llame ahora al 9 1 1\. Al 9 1 1\./,
    urgent: /Vaya a atención de urgencia, a su médico hoy o a la sala de emergencias\./,
    closing: /^Aquí termina la rutina\./,
  },
};

describe.each(Object.entries(LOCALES))('%s', (locale, words) => {
  it("the emergency answer gives this locale's number, twice, as digits", async () => {
    const c = new Conversation({ device: { locale } });
    await c.say(words.cramp);
    const answer = await c.say(words.yes);
    expect(answer.text).toMatch(words.emergency);
    expect(answer.ended).toBe(true);
  });

  it('the urgent answer names where to get seen today', async () => {
    const c = new Conversation({ device: { locale } });
    await c.sayAll(words.bedtime, words.no);
    expect((await c.say(words.yes)).text).toMatch(words.urgent);
  });

  it('an injury or a pop is sent to the emergency department, not the GP', async () => {
    const c = new Conversation({ device: { locale } });
    await c.sayAll(words.cramp, words.no);
    expect((await c.say(words.yes)).text).toMatch(words.dept);
  });

  it('a whole cramp routine runs to its end in this language', async () => {
    const c = new Conversation({ device: { locale } });
    await c.sayAll(words.cramp, words.no, words.no, words.yes, words.next);
    for (const _ of ROUTINES.cramp.fullScreen) await c.say(words.no);
    await c.sayAll(words.next, words.no);
    const closing = await c.say(words.next);
    expect(closing.text).toMatch(words.closing);
    expect(closing.ended).toBe(true);
    const fallbacks = c.exchanges.filter(
      (e) =>
        e.request.request.type === 'IntentRequest' &&
        JSON.stringify(e.request.request).includes('FallbackIntent'),
    );
    expect(fallbacks).toEqual([]);
  });
});

it('a locale the skill does not have gets en-US wording and no country-specific number', async () => {
  const c = new Conversation({ device: { locale: 'fr-FR' }, modelLocale: 'en-US' });
  await c.say('ask calf coach for help with a cramp');
  const answer = await c.say('yes');
  expect(answer.text).toMatch(/^Call your local emergency number now\. Please stop the routine\./);
  expect(answer.ssml).not.toMatch(/say-as/);
});

describe('resources', () => {
  const keysOf = (resources: unknown): string[] =>
    spokenStrings(resources)
      .map(({ key }) => key)
      .sort();
  const placeholders = (text: string): string[] =>
    [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();
  const english = new Map(spokenStrings(RESOURCES.en).map(({ key, text }) => [key, text]));

  it.each(['de', 'es'] as const)(
    '%s has every key en has, and no other, with the same placeholders',
    (lng) => {
      expect(keysOf(RESOURCES[lng])).toEqual(keysOf(RESOURCES.en));
      for (const { key, text } of spokenStrings(RESOURCES[lng])) {
        // Number words, and "one second" / "one minute", which many languages say without the number.
        if (key.startsWith('numbers.') || key === 'time.seconds_one' || key === 'time.minutes_one') continue;
        expect([key, placeholders(text)]).toEqual([key, placeholders(english.get(key) ?? '')]);
      }
    },
  );

  it.each(['en-GB', 'en-CA', 'en-AU', 'en-IN'] as const)('%s overrides only keys en has', (lng) => {
    for (const key of keysOf(RESOURCES[lng])) expect(english.has(key)).toBe(true);
  });
});
