import type { Speech } from './ssml';

/** Speech timing estimates at Alexa's pace of about 150 words a minute (the device's real pace may differ). */

export const WORDS_PER_SECOND = 150 / 60;

/**
 * A letter or a digit, in any script. Built on first use rather than written as a literal: V8 checks a
 * literal's Unicode property classes when it parses the bundle, about half a millisecond of every cold
 * start (which counts no words).
 */
let letterOrDigit: RegExp | undefined;

/** Words as spoken: whitespace-separated tokens holding a letter or a digit ("…" and "—" are not words). */
export function countWords(text: string): number {
  const wordish = (letterOrDigit ??= new RegExp('[\\p{L}\\p{N}]', 'u'));
  return text.split(/\s+/).filter((token) => wordish.test(token)).length;
}

/**
 * Word counts, by text: step speech is made of the translator's strings (none longer than about 500
 * characters), so each is counted once and kept. Bounded whatever comes: only texts that short are
 * kept, and a full cache starts over.
 */
const wordCounts = new Map<string, number>();
export const MAX_COUNTED_TEXTS = 1000;
const MAX_COUNTED_LENGTH = 600;

function wordsOf(text: string): number {
  const known = wordCounts.get(text);
  if (known !== undefined) return known;
  const words = countWords(text);
  if (text.length <= MAX_COUNTED_LENGTH) {
    if (wordCounts.size >= MAX_COUNTED_TEXTS) wordCounts.clear();
    wordCounts.set(text, words);
  }
  return words;
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
      words += wordsOf(part.text);
      if (part.text === marker) break;
    }
  }
  return words / WORDS_PER_SECOND + breaks;
}
