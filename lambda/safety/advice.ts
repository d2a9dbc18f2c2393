import { say, type Part, type Speech } from '../speech/ssml';
import type { Translate } from '../speech/translate';
import type { FlagLevel, FlagReason } from './questions';
import { numbersFor } from './numbers';

const MARK = '\u0000';

/** Splits a translated sentence around its {{number}} so the number is spoken digit by digit. */
function sentenceWithNumber(t: Translate, key: string, number: string, slow = false): Part[] {
  const [before = '', after = ''] = t(key, { number: MARK }).split(MARK);
  const parts: Part[] = [];
  if (before.trim()) parts.push(say(before.trim()));
  parts.push({ digits: number, slow });
  if (after.trim()) parts.push(say(after.trim()));
  return parts;
}

/** "Call 911 now…" with the number said twice, slowly, as digits; never implies the skill calls. */
function callNow(locale: string, t: Translate): Part[] {
  const numbers = numbersFor(locale);
  if (!numbers) return [say(t('flag.callLocal'))];
  return [
    ...sentenceWithNumber(t, 'flag.call', numbers.emergency),
    ...sentenceWithNumber(t, 'flag.numberAgain', numbers.emergency, true),
  ];
}

/** Where to get seen today, with the advice line where the locale has a verified one. */
function seenToday(locale: string, t: Translate): Part[] {
  const advice = numbersFor(locale)?.advice;
  return advice ? sentenceWithNumber(t, 'flag.seenTodayWithNumber', advice) : [say(t('flag.seenToday'))];
}

function ifWorse(locale: string, t: Translate): Part[] {
  const numbers = numbersFor(locale);
  return numbers ? sentenceWithNumber(t, 'flag.ifWorse', numbers.emergency) : [say(t('flag.ifWorseLocal'))];
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
