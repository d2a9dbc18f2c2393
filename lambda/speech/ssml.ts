/** Speech as data: text, pauses and digit strings, rendered to Alexa SSML or to plain text. */

export type Part =
  | { readonly text: string }
  | { readonly pause: number }
  | { readonly digits: string; readonly slow?: boolean };

export type Speech = readonly Part[];

export type Rate = 'slow' | 'medium' | 'fast';

export interface Voice {
  readonly rate: Rate;
  readonly quiet: boolean;
}

export const NORMAL_VOICE: Voice = { rate: 'medium', quiet: false };

/** Alexa rejects a break longer than ten seconds. */
export const MAX_BREAK_SECONDS = 10;

const SSML_SPECIAL = /[&<>"']/;

/**
 * Escaped texts, by text: speech is made of the translator's strings (none longer than about 500
 * characters), so each is escaped once and kept. Bounded whatever sessions carry back: only texts that
 * short are kept, and a full cache starts over.
 */
const escaped = new Map<string, string>();
export const MAX_ESCAPED = 1000;
const MAX_ESCAPED_LENGTH = 600;

export function escapeSsml(text: string): string {
  const known = escaped.get(text);
  if (known !== undefined) return known;
  const result = SSML_SPECIAL.test(text) ? escapeSpecials(text) : text;
  if (text.length <= MAX_ESCAPED_LENGTH) {
    if (escaped.size >= MAX_ESCAPED) escaped.clear();
    escaped.set(text, result);
  }
  return result;
}

function escapeSpecials(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function partToSsml(part: Part): string {
  if ('text' in part) return escapeSsml(part.text);
  if ('pause' in part) {
    const seconds = Math.min(MAX_BREAK_SECONDS, Math.max(0, part.pause));
    return `<break time="${Math.round(seconds * 1000)}ms"/>`;
  }
  // A number written in groups ("1800 022 222") is said group by group, with a short breath between.
  const digits = part.digits
    .split(/\s+/)
    .filter(Boolean)
    .map((group) => `<say-as interpret-as="digits">${escapeSsml(group)}</say-as>`)
    .join(' <break time="300ms"/> ');
  return part.slow ? `<prosody rate="slow">${digits}</prosody>` : digits;
}

/** The inner SSML (ResponseBuilder adds the <speak> element). */
export function toSsml(speech: Speech, voice: Voice = NORMAL_VOICE): string {
  let body = speech.map(partToSsml).join(' ');
  if (voice.rate !== 'medium')
    body = `<prosody rate="${voice.rate === 'slow' ? '85%' : '115%'}">${body}</prosody>`;
  if (voice.quiet) body = `<prosody volume="soft">${body}</prosody>`;
  return body;
}

/** Digits as they are said, one by one, groups apart: "1 8 0 0, 0 2 2, 2 2 2". */
const spokenDigits = (digits: string): string =>
  digits
    .split(/\s+/)
    .filter(Boolean)
    .map((group) => group.split('').join(' '))
    .join(', ');

/** Whitespace that toPlainText changes: a run, any but a plain space, or at either end. */
const UNTIDY_SPACE = /\s\s|[^\S ]|^ | $/;

/** Readable text for consoles and screens: pauses become an ellipsis. */
export function toPlainText(speech: Speech): string {
  const text = speech
    .map((part) => ('text' in part ? part.text : 'pause' in part ? '…' : spokenDigits(part.digits)))
    .join(' ');
  // Tidied only when needed: rebuilding a long text costs more than looking at it.
  return UNTIDY_SPACE.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

/** Turns SSML back into plain text, keeping pauses visible, for consoles and transcripts. */
export function ssmlToPlainText(ssml: string): string {
  return ssml
    .replace(/<\/say-as> <break time="300ms"\/> <say-as/g, '</say-as>, <say-as')
    .replace(/<break[^>]*\/>/g, ' … ')
    .replace(/<say-as interpret-as="digits">([^<]*)<\/say-as>/g, (_m, d: string) => d.split('').join(' '))
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .replace(/ ([.,?!])/g, '$1')
    .trim();
}

export const say = (text: string): Part => ({ text });
export const pause = (seconds: number): Part => ({ pause: seconds });
