import { holdChain } from '../../lambda/speech/holds';
import { translatorFor } from '../../lambda/speech/i18n';
import { escapeSsml, ssmlToPlainText, toPlainText, toSsml } from '../../lambda/speech/ssml';
import { scaledHold, stepSpeech } from '../../lambda/speech/step';
import { ROUTINES } from '../../lambda/routines/data';

const t = translatorFor('en-US');
const pauses = (seconds: number): number[] =>
  holdChain(seconds, 'hold.start.stretch', 'hold.end.stretch', t).flatMap((p) =>
    'pause' in p ? [p.pause] : [],
  );

describe('SSML', () => {
  it('escapes the characters SSML reserves', () => {
    expect(escapeSsml(`a & b < c > d "e" 'f'`)).toBe('a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;');
    expect(toSsml([{ text: 'Tom & <Jerry>' }])).toBe('Tom &amp; &lt;Jerry&gt;');
  });

  it('never writes a break over ten seconds', () => {
    expect(toSsml([{ pause: 25 }])).toBe('<break time="10000ms"/>');
  });

  it('says numbers digit by digit, slowly when asked', () => {
    expect(toSsml([{ digits: '911', slow: true }])).toBe(
      '<prosody rate="slow"><say-as interpret-as="digits">911</say-as></prosody>',
    );
    expect(toPlainText([{ text: 'Call' }, { digits: '999' }])).toBe('Call 9 9 9');
  });

  it('wraps speech in the voice preferences', () => {
    expect(toSsml([{ text: 'Hi.' }], { rate: 'slow', quiet: true })).toBe(
      '<prosody volume="soft"><prosody rate="85%">Hi.</prosody></prosody>',
    );
  });

  it('turns SSML back into readable text', () => {
    expect(ssmlToPlainText('<speak>Hold. <break time="10000ms"/> Ten more &amp; done .</speak>')).toBe(
      'Hold. … Ten more & done.',
    );
  });
});

describe('holds', () => {
  it('are chains of breaks of at most ten seconds adding up to the hold', () => {
    expect(pauses(30)).toEqual([10, 10, 10]);
    expect(pauses(45)).toEqual([5, 10, 10, 10, 10]);
    expect(pauses(60).reduce((a, b) => a + b, 0)).toBe(60);
  });

  it('count down between the breaks', () => {
    const text = toPlainText(holdChain(30, 'hold.start.stretch', 'hold.end.stretch', t));
    expect(text).toBe('Hold. … Twenty seconds left. … Ten more. … And relax.');
  });

  it('scale with the preference, within bounds; long holds are not scaled', () => {
    const toePull = ROUTINES.cramp.steps[0];
    const warmth = ROUTINES.cramp.steps[3];
    if (!toePull || !warmth) throw new Error('routine changed');
    expect(scaledHold(toePull, 1.5)).toBe(45);
    expect(scaledHold(toePull, 0.1)).toBe(10);
    expect(scaledHold(toePull, 10)).toBe(90);
    expect(scaledHold(warmth, 2)).toBe(900);
  });

  it('a step is built once per language, step and hold scale, and each keeps its own words', () => {
    const bedtime = ROUTINES.bedtime;
    const plain = stepSpeech(bedtime, 0, 1, t);
    expect(stepSpeech(bedtime, 0, 1, t)).toBe(plain);
    const longer = toPlainText(stepSpeech(bedtime, 0, 1.5, t));
    expect(longer).not.toBe(toPlainText(plain));
    expect(longer).toMatch(/Hold\. … … Thirty seconds left/);
    expect(toPlainText(stepSpeech(bedtime, 0, 1, translatorFor('de-DE')))).toMatch(/^Schritt/);
    // Scales read from a store are bounded, but not to a few values: past the cache's bound, still right.
    for (let i = 0; i < 600; i++) stepSpeech(bedtime, 0, 0.5 + i / 1000, t);
    expect(toPlainText(stepSpeech(bedtime, 0, 2, t))).toMatch(/Hold\. … … … Thirty seconds left\./);
  });
});
