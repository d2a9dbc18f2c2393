import { normalise } from './normalise';

/**
 * What Alexa's AMAZON.TIME slot hands the skill for a spoken time: "nine p m" → "21:00",
 * "21 uhr" → "21:00", "las nueve de la noche" → "21:00", "tonight" → "NI". A practical subset for the
 * console and the tests, per language.
 */

const HOURS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  en: {
    one: 1,
    two: 2,
    three: 3,
    four: 4,
    five: 5,
    six: 6,
    seven: 7,
    eight: 8,
    nine: 9,
    ten: 10,
    eleven: 11,
    twelve: 12,
  },
  de: {
    eins: 1,
    ein: 1,
    zwei: 2,
    drei: 3,
    vier: 4,
    funf: 5,
    sechs: 6,
    sieben: 7,
    acht: 8,
    neun: 9,
    zehn: 10,
    elf: 11,
    zwolf: 12,
  },
  es: {
    una: 1,
    uno: 1,
    dos: 2,
    tres: 3,
    cuatro: 4,
    cinco: 5,
    seis: 6,
    siete: 7,
    ocho: 8,
    nueve: 9,
    diez: 10,
    once: 11,
    doce: 12,
  },
};

const MINUTES: Readonly<Record<string, number>> = {
  oclock: 0,
  fifteen: 15,
  thirty: 30,
  'forty five': 45,
  'y media': 30,
  'y cuarto': 15,
  dreissig: 30,
  funfzehn: 15,
};

const EVENING: Readonly<Record<string, RegExp>> = {
  en: /\b(p m|pm|in the evening|at night|tonight)\b/,
  de: /\b(abends|nachts|am abend)\b/,
  es: /\b(de la noche|de la tarde|por la noche)\b/,
};

const MORNING: Readonly<Record<string, RegExp>> = {
  en: /\b(a m|am|in the morning)\b/,
  de: /\b(morgens|fruh|am morgen)\b/,
  es: /\b(de la manana|por la manana)\b/,
};

const PARTS_OF_DAY: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  en: { tonight: 'NI', 'this evening': 'EV', 'in the evening': 'EV', 'at night': 'NI', bedtime: 'NI' },
  de: { 'heute abend': 'EV', abends: 'EV', nachts: 'NI' },
  es: { 'esta noche': 'NI', 'por la noche': 'NI', 'por la tarde': 'AF' },
};

export function timeSlotValue(text: string, locale: string): string | undefined {
  const language = (locale.split('-')[0] ?? 'en') in HOURS ? (locale.split('-')[0] ?? 'en') : 'en';
  const words = normalise(text).replace(/^(at|um|a las|las)\s+/, '');
  const part = PARTS_OF_DAY[language]?.[words];
  if (part) return part;
  const hourWords = Object.keys(HOURS[language] ?? {}).join('|');
  const found = new RegExp(
    `^(\\d{1,2}|${hourWords})(?:\\s+(?:uhr\\s+)?(\\d{2}|oclock|fifteen|thirty|forty five|y media|y cuarto|dreissig|funfzehn))?(?:\\s+uhr)?(?:\\s+(.*))?$`,
  ).exec(words);
  if (!found) return undefined;
  const [, hourText = '', minuteText, rest = ''] = found;
  let hour = /^\d+$/.test(hourText) ? Number(hourText) : (HOURS[language]?.[hourText] ?? NaN);
  const minute =
    minuteText === undefined
      ? 0
      : /^\d+$/.test(minuteText)
        ? Number(minuteText)
        : (MINUTES[minuteText] ?? NaN);
  if (!Number.isInteger(hour) || !Number.isInteger(minute) || hour > 23 || minute > 59) return undefined;
  if (rest && !EVENING[language]?.test(rest) && !MORNING[language]?.test(rest) && rest !== 'oclock')
    return undefined;
  if (EVENING[language]?.test(rest) && hour < 12) hour += 12;
  if (MORNING[language]?.test(rest) && hour === 12) hour = 0;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}
