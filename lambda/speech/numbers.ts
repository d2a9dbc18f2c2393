import { numberKey } from './keys';
import type { Translate } from './translate';

/** Small whole numbers as words ("step two of four"), so a groggy listener catches them. */
export function spokenNumber(n: number, t: Translate): string {
  const key = numberKey(n);
  const word = t(key);
  return word === key ? String(n) : word;
}

/** A duration in seconds as words: "thirty seconds", "four minutes". */
export function spokenDuration(seconds: number, t: Translate): string {
  if (seconds >= 60 && seconds % 60 === 0) {
    const minutes = seconds / 60;
    return t(minutes === 1 ? 'time.minute' : 'time.minutes', { n: spokenNumber(minutes, t) });
  }
  return t(seconds === 1 ? 'time.second' : 'time.seconds', { n: spokenNumber(seconds, t) });
}
