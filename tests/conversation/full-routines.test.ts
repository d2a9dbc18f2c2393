import { ROUTINES } from '../../lambda/routines/data';
import { Conversation } from '../helpers/conversation';

/** Prints a transcript when CALF_COACH_TRANSCRIPT is set, for closing notes and reviews. */
function show(title: string, c: Conversation): void {
  if (process.env.CALF_COACH_TRANSCRIPT) console.log(`${title}\n${c.transcript.join('\n')}`);
}

describe('whole routines, start to end', () => {
  it('cramp relief: safety check, stretch, jiggle, full screen, rub, warmth, closing', async () => {
    const c = new Conversation();
    await c.say('Alexa, ask Calf Coach for help with a cramp');
    await c.sayAll('no', 'no');
    await c.say('no');
    await c.say('yes');
    await c.say('next');
    for (const _ of ROUTINES.cramp.fullScreen) await c.say('no');
    await c.say('next');
    await c.say('no');
    const closing = await c.say('next');
    show('Cramp relief, one full conversation', c);
    const said = c.transcript.join('\n');
    // The first stretch comes without its step count: every word counts for someone in pain.
    expect(said).not.toContain('Step one of four.');
    for (const n of ['two', 'three', 'four']) expect(said).toContain(`Step ${n} of four.`);
    expect(said.indexOf('Before you touch the calf')).toBeLessThan(said.indexOf('Rub the calf'));
    expect(closing.text).toMatch(/^That's the end of the routine\./);
    expect(closing.ended).toBe(true);
    expect(await c.stored()).not.toHaveProperty('progress');
  });

  it('after-run recovery: walk, two stretches on each leg, screen, massage, cold, closing', async () => {
    const c = new Conversation();
    await c.say('ask calf coach for a stretch after my run');
    for (const _ of ROUTINES.afterRun.shortScreen) await c.say('no');
    await c.sayAll('next', 'next', 'next');
    for (const _ of ROUTINES.afterRun.fullScreen) await c.say('no');
    const cold = await c.say('next');
    expect(cold.text).toMatch(/^Step five of five\. If your calves are sore, wrap an ice pack in a cloth/);
    const closing = await c.say('next');
    show('After-run recovery', c);
    expect(closing.text).toMatch(/^That's the end of your after-run routine\./);
    expect(closing.ended).toBe(true);
  });

  it('bedtime prevention: toe pulls on each leg, loosen the covers, closing', async () => {
    const c = new Conversation();
    await c.sayAll('ask calf coach for a bedtime stretch', 'no', 'no', 'next');
    const closing = await c.say('next');
    expect(closing.text).toMatch(/may help reduce night cramps, though it won't stop every one/);
    expect(closing.ended).toBe(false);
    expect((await c.say('no')).ended).toBe(true);
  });

  it('a red-flag conversation', async () => {
    const c = new Conversation();
    await c.sayAll('ask calf coach for help with a cramp', 'no', "yes, it's swollen");
    show('Red flag', c);
    expect(c.exchanges[c.exchanges.length - 1]?.ended).toBe(true);
  });
});

describe('steps are read with their holds', () => {
  it('the toe pull: step N of M, instruction, a chain of breaks of ten seconds with countdown cues', async () => {
    const c = new Conversation();
    const step = await c.sayAll('ask calf coach for help with a cramp', 'no', 'no');
    expect(step.ssml).toMatch(
      /Hold\. <break time="10000ms"\/> Twenty seconds left\. <break time="10000ms"\/> Ten more\. <break time="10000ms"\/> And relax\./,
    );
    expect(step.reprompt).toBe('Is the cramp easing? Say yes or no.');
  });

  it('sides and repeats: left first, once more, then the other leg', async () => {
    const c = new Conversation();
    const step = await c.sayAll('ask calf coach for a bedtime stretch', 'no', 'no');
    expect(step.text).toMatch(
      /Left leg first\. Hold\..*And relax\. Once more\. … Hold\..*Now the other leg\. … Hold\..*Once more\./,
    );
    expect(step.reprompt).toBe('Say next for the next step, or stop to finish.');
  });

  it('"make the holds longer" and "speak slower" change what is spoken, and are remembered', async () => {
    const c = new Conversation();
    await c.say('open calf coach');
    expect((await c.say('make the holds longer')).text).toMatch(
      /^Okay, I'll make the holds longer from now on\./,
    );
    const slow = await c.say('speak more slowly');
    expect(slow.ssml).toMatch(/^<speak><prosody rate="85%">/);
    await c.say('stop');
    const step = await c.sayAll('ask calf coach for a bedtime stretch', 'no', 'no');
    expect(step.text).toMatch(/Hold\. … … Thirty seconds left\. … … Ten more\. … And relax\./);
    expect(step.ssml).toMatch(
      /Hold\. <break time="5000ms"\/> <break time="10000ms"\/> Thirty seconds left\./,
    );
    expect(step.ssml).toMatch(/<prosody rate="85%">/);
    expect(await c.stored()).toMatchObject({ preferences: { holdScale: 1.5, rate: 'slow', quiet: false } });
  });

  it('"speak quietly" softens the voice, but safety answers stay in the normal voice', async () => {
    const c = new Conversation();
    await c.say('open calf coach');
    expect((await c.say('speak quietly')).ssml).toMatch(/<prosody volume="soft">/);
    await c.say('ask calf coach for help with a cramp');
    const flag = await c.say('yes');
    expect(flag.ssml).not.toMatch(/volume="soft"/);
  });
});
