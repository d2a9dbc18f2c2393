import { parseServeArgs } from '../../../lambda/local/server/args';

describe('npm run serve: the command line', () => {
  it('defaults to port 3000 on 127.0.0.1, verifying, with no skill ID', () => {
    expect(parseServeArgs([], {})).toEqual({ port: 3000, host: '127.0.0.1', verify: true });
  });

  it('falls back on PORT, HOST and CALF_COACH_SKILL_ID', () => {
    const env = { PORT: '8080', HOST: '0.0.0.0', CALF_COACH_SKILL_ID: 'amzn1.ask.skill.env' };
    expect(parseServeArgs([], env)).toEqual({
      port: 8080,
      host: '0.0.0.0',
      skillId: 'amzn1.ask.skill.env',
      verify: true,
    });
  });

  it('lets options win over the environment, with a space or an equals sign', () => {
    const env = { PORT: '8080', HOST: '0.0.0.0', CALF_COACH_SKILL_ID: 'amzn1.ask.skill.env' };
    expect(
      parseServeArgs(['--port', '0', '--host=::1', '--skill-id', 'amzn1.ask.skill.arg', '--no-verify'], env),
    ).toEqual({ port: 0, host: '::1', skillId: 'amzn1.ask.skill.arg', verify: false });
  });

  it('knows --help and -h, before it looks at the port', () => {
    expect(parseServeArgs(['--help'], { PORT: 'nope' })).toBe('help');
    expect(parseServeArgs(['-h'], {})).toBe('help');
  });

  it('refuses a bad port, saying what a port is and which setting was wrong', () => {
    expect(() => parseServeArgs(['--port', 'abc'], {})).toThrow(
      'Bad port: --port must be a whole number from 0 to 65535 (0 picks a free one), not "abc".',
    );
    expect(() => parseServeArgs(['--port=70000'], {})).toThrow(/--port .* not "70000"/);
    expect(() => parseServeArgs(['--port', '8080.5'], {})).toThrow(/not "8080\.5"/);
    expect(() => parseServeArgs([], { PORT: '-1' })).toThrow(/Bad port: PORT must be .* not "-1"/);
  });

  it('refuses an unknown option and a missing value, with the usage', () => {
    expect(() => parseServeArgs(['--verify'], {})).toThrow(
      /Unknown option '--verify'[\s\S]*Usage: npm run serve/,
    );
    expect(() => parseServeArgs(['--port'], {})).toThrow(/--port[\s\S]*Usage: npm run serve/);
  });
});
