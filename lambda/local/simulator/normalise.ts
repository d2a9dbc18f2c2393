/** Lowercase, accents and apostrophes dropped, other punctuation and control characters as spaces. */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2018\u2019']/g, '')
    .replace(/[^\p{L}\p{N}{}]+/gu, ' ')
    .trim();
}
