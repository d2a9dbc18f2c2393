/**
 * Greedy word wrap by character count: the lines a text takes at `chars` characters a line. A word
 * longer than a line is split (and reported by `overlong`), as a renderer would have to break it.
 */
export function wrap(text: string, chars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let rest = word;
    while (rest.length > chars) {
      if (line) lines.push(line);
      lines.push(rest.slice(0, chars));
      rest = rest.slice(chars);
      line = '';
    }
    if (!line) line = rest;
    else if (line.length + 1 + rest.length <= chars) line = `${line} ${rest}`;
    else {
      lines.push(line);
      line = rest;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Words longer than a line: they would break mid-word. */
export const overlong = (text: string, chars: number): string[] =>
  text.split(/\s+/).filter((word) => word.length > chars);
