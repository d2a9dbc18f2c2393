import type { Display } from '../display/screens';
import { say, toPlainText, type Part, type Speech } from '../speech/ssml';
import type { MessageKey, Translate } from '../speech/translate';
import type { FlagLevel, FlagReason } from './red-flags';
import { numbersFor, type LocaleNumbers } from './phone-numbers';

const MARK = '\u0000';

/**
 * A translated sentence whose {{number}} placeholders (number, ambulance) are spoken digit by digit:
 * the sentence is split around them, so translations can put the numbers anywhere.
 */
export function sentenceWithNumbers(
  t: Translate,
  key: MessageKey,
  numbers: Readonly<Record<string, string>>,
  slow = false,
): Part[] {
  const marks = Object.fromEntries(Object.keys(numbers).map((name) => [name, `${MARK}${name}${MARK}`]));
  const pieces = t(key, marks).split(MARK);
  const parts: Part[] = [];
  pieces.forEach((piece, i) => {
    const number = numbers[piece];
    if (i % 2 === 1 && number !== undefined) parts.push({ digits: number, slow });
    else if (piece.trim()) parts.push(say(piece.trim()));
  });
  return parts;
}

function emergencyNumbers(numbers: LocaleNumbers): Record<string, string> {
  return { number: numbers.emergency, ...(numbers.ambulance ? { ambulance: numbers.ambulance } : {}) };
}

/** "Call 911 now…" with the number said twice, slowly, as digits; never implies the skill calls. */
function callNow(locale: string, t: Translate): Part[] {
  const numbers = numbersFor(locale);
  if (!numbers) return [say(t('flag.callLocal'))];
  return [
    ...sentenceWithNumbers(t, 'flag.call', emergencyNumbers(numbers)),
    ...sentenceWithNumbers(t, 'flag.numberAgain', emergencyNumbers(numbers), true),
  ];
}

/** Where to get seen today, with the advice line where the locale has a verified one. */
function seenToday(locale: string, t: Translate): Part[] {
  const advice = numbersFor(locale)?.advice;
  return advice
    ? sentenceWithNumbers(t, 'flag.seenTodayWithNumber', { number: advice })
    : [say(t('flag.seenToday'))];
}

function ifWorse(locale: string, t: Translate): Part[] {
  const numbers = numbersFor(locale);
  return numbers
    ? sentenceWithNumbers(t, 'flag.ifWorse', emergencyNumbers(numbers))
    : [say(t('flag.ifWorseLocal'))];
}

/** The spoken answer to a red flag: facts §5(a) emergency or §5(b) urgent, by the locale's numbers. */
export function flagAdvice(level: FlagLevel, reason: FlagReason, locale: string, t: Translate): Speech {
  if (level === 'emergency') {
    return [say(t('flag.emergencyStop')), ...callNow(locale, t), say(t('flag.noDriving'))];
  }
  return [
    say(t('flag.urgentStop')),
    say(t(`flag.reason.${reason}`)),
    ...seenToday(locale, t),
    ...ifWorse(locale, t),
    say(t('flag.cannotCall')),
  ];
}

/** Said once the cramp has gone on for about ten minutes without easing (facts §5(b)). */
export function episodeWarning(locale: string, t: Translate): Speech {
  return [say(t('clock.warning')), ...seenToday(locale, t)];
}

/** The screen for a red flag: the emergency number large, or the advice line for an urgent flag. */
export function flagDisplay(level: FlagLevel, speech: Speech, locale: string, t: Translate): Display {
  const numbers = numbersFor(locale);
  const number = level === 'emergency' ? numbers?.emergency : numbers?.advice;
  return {
    kind: 'message',
    title: t(level === 'emergency' ? 'display.title.emergency' : 'display.title.urgent'),
    body: toPlainText(speech),
    urgent: true,
    ...(number ? { number } : {}),
  };
}
