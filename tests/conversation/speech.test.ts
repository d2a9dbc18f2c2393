import { ROUTINES } from '../../lambda/routines/data';
import { RESOURCES } from '../../lambda/speech/i18n';
import { Conversation } from '../helpers/conversation';
import { breakCount, toAfterRunStepTwo, toCrampStepOne } from '../helpers/routes';

/** Words a groggy person can follow: what issue "first stretch in one breath" asks of the speech. */

describe('sides and repeats leave time to move', () => {
  it('"Now the other leg" and "Once more" come with a short break before "Hold"', async () => {
    const c = new Conversation();
    const step = await c.sayAll('ask calf coach for a bedtime stretch', 'no', 'no');
    expect(step.ssml).toMatch(/Now the other leg\. <break time="3000ms"\/> Hold\./);
    expect(step.ssml).toMatch(/Once more\. <break time="3000ms"\/> Hold\./);
  });

  it('"switch legs" holds again on the other leg; "which leg?" says which', async () => {
    const c = new Conversation();
    await toCrampStepOne(c);
    const which = await c.say('which leg');
    expect(which.text).toBe('The leg with the cramp. Is the cramp easing?');
    const other = await c.say('switch legs');
    expect(other.text).toMatch(
      /^Now the other leg\. … Hold\. … Twenty seconds left\. … Ten more\. … And relax\. Is the cramp easing\?$/,
    );
    const d = new Conversation();
    await toAfterRunStepTwo(d);
    expect((await d.say('which leg')).text).toMatch(/^Your left leg first, then the right\./);
  });
});

describe('one posture per segment, and standing only for someone already up', () => {
  it('step one says nothing of getting up; step two says to sit up', async () => {
    const c = new Conversation();
    await toCrampStepOne(c);
    expect(c.exchanges[c.exchanges.length - 1]?.text).not.toMatch(/sit|stand|lie/i);
    expect((await c.say('yes')).text).toMatch(/^Good\. Step two of four\. Now sit up, on the bed or a chair/);
  });

  it('"I\'m already up" at the first stretch: stand on it, with a light on and something to hold', async () => {
    const c = new Conversation();
    await toCrampStepOne(c);
    const check = await c.say("I'm already up");
    expect(check.request.request).toMatchObject({ intent: { name: 'PostureIntent' } });
    // Facts §2.2: not for anyone dizzy, unsteady or with numb feet; only a clear no stands.
    expect(check.text).toBe('Before you stand on it: do you feel dizzy or unsteady, or are your feet numb?');
    const standing = await c.say('no');
    expect(standing.text).toMatch(
      /^Since you're up, let's do it standing\. .*Turn a light on and hold something solid\. Put your weight on the cramped leg.*Sit down if you feel dizzy\./,
    );
    expect((await c.say("I'm in bed")).text).toMatch(/^Okay, let's do it in bed\. .*Straighten your leg/);
  });

  it('"I\'m already up", then dizzy: stay seated, with the seated stretch; standing, a retry in its own words', async () => {
    const c = new Conversation();
    await toCrampStepOne(c);
    await c.say("I'm already up");
    const seated = await c.say('yes');
    expect(seated.text).toMatch(/^Then please don't stand on it: sitting is safer\. .*Straighten your leg/);
    expect(seated.text).not.toMatch(/weight on the cramped leg/);
    const d = new Conversation();
    await toCrampStepOne(d);
    await d.sayAll("I'm already up", 'no');
    const retry = await d.say('no');
    expect(retry.text).toMatch(/^Once more: weight on the cramped leg, knee slightly bent\./);
  });

  it('the wall stretch says which foot goes back, and offers sitting to anyone unsteady', async () => {
    const c = new Conversation();
    await toAfterRunStepTwo(c);
    const step = c.exchanges[c.exchanges.length - 1]?.text ?? '';
    expect(step).toMatch(/Step your left foot back/);
    expect(step).toMatch(/If you feel unsteady, say next, and we'll stretch sitting down instead\./);
  });
});

describe('short retries and sparse countdowns', () => {
  it('"no" to "is the cramp easing?" gives a short retry, not the whole step again', async () => {
    const c = new Conversation();
    await toCrampStepOne(c);
    const retry = await c.say('no');
    expect(retry.text).toBe(
      'Once more: toes up, gently. Hold. … Twenty seconds left. … Ten more. … And relax. Is the cramp easing?',
    );
  });

  it('a minute of massage counts down twice, not every ten seconds', async () => {
    const c = new Conversation();
    await c.sayAll('ask calf coach for help with a cramp', 'no', 'no', 'yes', 'next', 'no', 'no');
    const rub = await c.say('no');
    expect(rub.text).toMatch(/Keep going\. … … … Thirty seconds left\. … … Ten more\. … And rest\./);
    expect(breakCount(rub.ssml)).toBe(6);
  });
});

describe('what to say, said once', () => {
  it('the fallback names each option once', async () => {
    const c = new Conversation();
    await toCrampStepOne(c);
    await c.say('yes');
    const sorry = await c.say('banana bread');
    const words = sorry.text.toLowerCase().match(/\b(next|repeat|go back|stop)\b/g) ?? [];
    expect(words).toEqual(['next', 'repeat', 'go back', 'stop']);
  });

  it('"next" or "no" at the bedtime reminder offer ends kindly', async () => {
    for (const answer of ['next', 'no']) {
      const c = new Conversation();
      await c.sayAll('ask calf coach for a bedtime stretch', 'no', 'no', 'next', 'next');
      const end = await c.say(answer);
      expect(end.text).toBe('Okay, no reminder. Sleep well.');
      expect(end.ended).toBe(true);
    }
  });
});

describe('answers that agree with the routines', () => {
  it('"how long should I hold it?" gives the holds and repeats the routines use', async () => {
    const stretches = Object.values(ROUTINES).flatMap((r) => r.steps.filter((s) => s.kind === 'stretch'));
    expect(new Set(stretches.map((s) => s.holdSeconds))).toEqual(new Set([30]));
    const tries = ROUTINES.cramp.steps[0]?.checkEasing?.maxTries;
    expect(tries).toBe(3);
    const sided = stretches.filter((s) => s.side === 'leftThenRight');
    expect(new Set(sided.map((s) => s.repeats))).toEqual(new Set([2]));
    const c = new Conversation();
    const answer = await c.say('ask calf coach how long should I hold the stretch');
    expect(answer.text).toMatch(/about thirty seconds/);
    expect(answer.text).toMatch(/up to three times/);
    expect(answer.text).toMatch(/twice on each leg/);
    expect(RESOURCES.en.faq.holdLength.answer).not.toMatch(/five minutes|few seconds/);
  });
});

describe('numbers people must dial, said as people say them', () => {
  it('en-AU: "triple zero", and healthdirect in three groups', async () => {
    const c = new Conversation({ device: { locale: 'en-AU' } });
    await c.say('ask calf coach for help with a cramp');
    expect((await c.say('yes')).text).toMatch(/^Call triple zero now\. That's triple zero\./);
    const d = new Conversation({ device: { locale: 'en-AU' } });
    await d.sayAll('ask calf coach for a bedtime stretch', 'no');
    const urgent = await d.say('yes');
    expect(urgent.ssml).toMatch(
      /<say-as interpret-as="digits">1800<\/say-as> <break time="300ms"\/> <say-as interpret-as="digits">022<\/say-as> <break time="300ms"\/> <say-as interpret-as="digits">222<\/say-as>/,
    );
  });
});
