import { parseConsoleArgs } from '../../../lambda/local/console/args';

describe('npm start: the command line', () => {
  it('defaults to en-US, in real time, silent', () => {
    expect(parseConsoleArgs([])).toEqual({ fast: false, speak: false, locale: 'en-US', help: false });
  });

  it('takes --locale with a space or an equals sign, and the flags', () => {
    expect(parseConsoleArgs(['--locale', 'de-DE']).locale).toBe('de-DE');
    expect(parseConsoleArgs(['--locale=es-US', '--fast', '--speak'])).toEqual({
      fast: true,
      speak: true,
      locale: 'es-US',
      help: false,
    });
  });

  it('knows --help and -h', () => {
    expect(parseConsoleArgs(['--help']).help).toBe(true);
    expect(parseConsoleArgs(['-h']).help).toBe(true);
  });

  it('refuses an unknown option, a stray word and a missing value, with the usage', () => {
    expect(() => parseConsoleArgs(['--slow'])).toThrow(/Unknown option '--slow'[\s\S]*Usage: npm start/);
    expect(() => parseConsoleArgs(['fast'])).toThrow(/Unexpected argument 'fast'[\s\S]*Usage: npm start/);
    expect(() => parseConsoleArgs(['--locale'])).toThrow(/--locale[\s\S]*Usage: npm start/);
  });
});
