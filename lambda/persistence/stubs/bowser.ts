/** Bundle-time stand-in for bowser, which the AWS SDK requires only to parse a browser's user agent. */
export function parse(): Record<string, never> {
  return {};
}
