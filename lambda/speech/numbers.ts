import { numberKey } from './keys';
import type { Translate } from './translate';

/** Small whole numbers as words ("step two of four"), so a groggy listener catches them. */
export function spokenNumber(n: number, t: Translate): string {
  const key = numberKey(n);
  const word = t(key);
  return word === key ? String(n) : word;
}

const inMinutes = (seconds: number): boolean => seconds >= 60 && seconds % 60 === 0;

/** How many minutes or seconds a duration is said as: the count that picks a plural form. */
export function durationCount(seconds: number): number {
  return inMinutes(seconds) ? seconds / 60 : seconds;
}

/** A duration in seconds as words: "thirty seconds", "one minute" (i18next's plural forms). */
export function spokenDuration(seconds: number, t: Translate): string {
  const count = durationCount(seconds);
  return t(inMinutes(seconds) ? 'time.minutes' : 'time.seconds', { count, n: spokenNumber(count, t) });
}
