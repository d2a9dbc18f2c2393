import type { Speech } from './ssml';

/** Speech timing estimates at Alexa's pace of about 150 words a minute (the device's real pace may differ). */

export const WORDS_PER_SECOND = 150 / 60;

/** Words as spoken: whitespace-separated tokens holding a letter or a digit ("…" and "—" are not words). */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

/**
 * About how long the speech takes before `marker` (a text part, "Hold.") is said and its first break
 * begins: words at Alexa's pace plus the breaks before it. The whole speech when the marker is absent.
 */
export function secondsUntilAfter(speech: Speech, marker: string): number {
  let words = 0;
  let breaks = 0;
  for (const part of speech) {
    if ('pause' in part) breaks += part.pause;
    else if ('digits' in part) words += part.digits.length;
    else {
      words += countWords(part.text);
      if (part.text === marker) break;
    }
  }
  return words / WORDS_PER_SECOND + breaks;
}
