import fc from 'fast-check';
import { ROUTINES } from '../../lambda/routines/data';
import { SCREEN_QUESTIONS } from '../../lambda/safety/red-flags';
import { Conversation } from '../helpers/conversation';
import { toCrampStepOne } from '../helpers/routes';
import { spokenStrings } from '../helpers/strings';

const EMERGENCY_911 =
  /Please stop the routine now\. I can't make calls\. Call 9 1 1 now from your phone, or ask someone nearby to call for you\. The number is 9 1 1\. Don't drive yourself\./;
const URGENT_US =
  /Then please don't stretch, massage or warm that leg\..*Go to urgent care, see your doctor today, or go to the emergency department\. If you get chest pain or trouble breathing, call 9 1 1 straight away\. I can't make calls for you\./;

/** Every step instruction the skill has: none may follow a red flag. */
const INSTRUCTIONS = spokenStrings()
  .filter(({ key }) => key.endsWith('.instruction'))
  .map(({ text }) => text);
const givesStep = (text: string): boolean =>
  /Step \w+ of \w+\./.test(text) || INSTRUCTIONS.some((i) => text.includes(i));

describe('the short screen', () => {
  it('yes to the emergency signs: the emergency number, twice, as digits; the session ends', async () => {
    const c = new Conversation();
    await c.say('ask calf coach for help with a cramp');
    const answer = await c.say('yes');
    expect(answer.text).toMatch(EMERGENCY_911);
    expect(answer.ssml).toContain('<say-as interpret-as="digits">911</say-as>');
    expect(answer.ended).toBe(true);
    expect(givesStep(answer.text)).toBe(false);
  });

  it('yes to injury, pop or a swollen, red or hot calf: no stretch, checked today', async () => {
    const c = new Conversation();
    await c.sayAll('ask calf coach for help with a cramp', 'no');
    const answer = await c.say('yes');
    expect(answer.text).toMatch(
      /A swollen, red or hot calf can be a sign of a blood clot, and it should be checked today\./,
    );
    expect(answer.text).toMatch(URGENT_US);
    expect(answer.ended).toBe(true);
  });

  it('"yes, it\'s swollen" at the second question is the same red flag', async () => {
    const c = new Conversation();
    await c.sayAll('ask calf coach for help with a cramp', 'no');
    const answer = await c.say("Yes, it's swollen.");
    expect(answer.text).toMatch(URGENT_US);
    expect(answer.ended).toBe(true);
  });

  it('an unclear answer is asked once more; still unclear counts as yes', async () => {
    const c = new Conversation();
    await c.say('ask calf coach for help with a cramp');
    const again = await c.say('purple');
    expect(again.text).toBe(
      'Sorry, I need a yes or a no to keep you safe. Do you have chest pain, trouble breathing, or feel faint?',
    );
    const treatedAsYes = await c.say('next');
    expect(treatedAsYes.text).toMatch(EMERGENCY_911);
  });

  it('help and repeat during a question keep the question; they are not counted as unclear', async () => {
    const c = new Conversation();
    await c.sayAll('ask calf coach for help with a cramp', 'no');
    expect((await c.say('help')).text).toMatch(/yes or no questions.*one calf swollen, red or hot\?$/);
    expect((await c.say('repeat')).text).toMatch(/^Did this start with an injury/);
    expect((await c.say('no')).text).toMatch(/Step one of four/);
  });

  it.each(Object.values(ROUTINES).map((r) => [r.id, r.shortScreen[1]] as const))(
    '%s: yes to "%s" ends with the urgent route',
    async (routineId, _question) => {
      const starts = {
        cramp: 'help with a cramp',
        afterRun: 'a stretch after my run',
        bedtime: 'a bedtime stretch',
      };
      const c = new Conversation();
      await c.sayAll(`ask calf coach for ${starts[routineId]}`, 'no');
      const answer = await c.say('yes');
      expect(answer.text).toMatch(/Then please don't stretch, massage or warm that leg\./);
      expect(answer.ended).toBe(true);
    },
  );
});

describe('the full screen before massage', () => {
  const cases = Object.values(ROUTINES).flatMap((routine) =>
    routine.fullScreen.map((id, index) => [routine.id, id, index] as const),
  );

  async function toFullScreen(c: Conversation, routineId: string): Promise<void> {
    if (routineId === 'cramp')
      await c.sayAll('ask calf coach for help with a cramp', 'no', 'no', 'yes', 'next');
    else await c.sayAll('ask calf coach for a stretch after my run', 'no', 'no', 'next', 'next', 'next');
  }

  it.each(cases)(
    '%s: yes to "%s" leads to its action and never to the massage',
    async (routineId, id, index) => {
      const c = new Conversation();
      await toFullScreen(c, routineId);
      expect(c.exchanges[c.exchanges.length - 1]?.text).toMatch(
        /Before you touch the calf, a few quick safety questions\./,
      );
      for (let i = 0; i < index; i++) await c.say('no');
      const answer = await c.say('yes');
      const outcome = SCREEN_QUESTIONS[id]?.onYes;
      if (outcome === 'emergency') expect(answer.text).toMatch(EMERGENCY_911);
      if (outcome === 'urgent') expect(answer.text).toMatch(URGENT_US);
      if (outcome === 'skipTouch') {
        expect(answer.text).toMatch(
          /^Then we'll leave out massage, warmth and cold on that area\. That's (the|your)/,
        );
        expect(answer.ended).toBe(true);
      }
      expect(answer.text).not.toMatch(/Rub the calf/);
    },
  );

  it('massage comes only after every full-screen question is answered no', async () => {
    const c = new Conversation();
    await toFullScreen(c, 'cramp');
    for (let i = 0; i < ROUTINES.cramp.fullScreen.length - 1; i++) {
      expect((await c.say('no')).text).not.toMatch(/Rub the calf/);
    }
    expect((await c.say('no')).text).toMatch(/^Okay\. Step three of four\. Rub the calf with both hands/);
  });

  it('reduced feeling skips heat; no reduced feeling reads the warmth step', async () => {
    const skip = new Conversation();
    await toFullScreen(skip, 'cramp');
    for (const _ of ROUTINES.cramp.fullScreen) await skip.say('no');
    expect((await skip.say('next')).text).toMatch(
      /diabetes that affects your feet, numb feet, or poor circulation\?$/,
    );
    const skipped = await skip.say('yes');
    expect(skipped.text).toMatch(/^Then we'll skip the warmth, to be safe\. That's the end of the routine\./);
    expect(skipped.ended).toBe(true);

    const warm = new Conversation();
    await toFullScreen(warm, 'cramp');
    for (const _ of ROUTINES.cramp.fullScreen) await warm.say('no');
    await warm.say('next');
    expect((await warm.say('no')).text).toMatch(/^Step four of four\. If you'd like, lay a warm towel/);
  });
});

describe('trouble reported at any point', () => {
  it.each([
    ['I have chest pain', EMERGENCY_911],
    ["I can't breathe", EMERGENCY_911],
    ['my calf is swollen', URGENT_US],
    ['my calf is red and hot', URGENT_US],
    ['I felt a pop', /A sudden pop or injury can mean a tear, and it should be checked today\./],
  ])('mid-routine "%s" stops the routine with the right advice', async (words, advice) => {
    const c = new Conversation();
    await toCrampStepOne(c);
    await c.say('yes');
    const answer = await c.say(words);
    expect(answer.text).toMatch(advice);
    expect(answer.ended).toBe(true);
  });

  it('pain getting worse mid-routine: stop, ease off, offer a gentle next step or finishing', async () => {
    const c = new Conversation();
    await toCrampStepOne(c);
    const answer = await c.say('it hurts more');
    expect(answer.text).toBe(
      'Stop and let go gently. Never push into pain. If the pain is severe, or keeps getting worse, please get medical help today. Say next to try the next step gently, or stop to finish.',
    );
    expect(answer.ended).toBe(false);
    expect((await c.say('next')).text).toMatch(/^Step two of four/);
  });

  it('pain during a safety question: the advice, then the same question again', async () => {
    const c = new Conversation();
    await c.say('ask calf coach for help with a cramp');
    const answer = await c.say('ouch');
    expect(answer.text).toMatch(
      /^Stop and let go gently\..*Do you have chest pain, trouble breathing, or feel faint\?$/,
    );
  });

  it('trouble reported at launch is handled at once too', async () => {
    const c = new Conversation();
    await c.say('open calf coach');
    expect((await c.say('i have chest pain')).text).toMatch(EMERGENCY_911);
  });

  it('after a red flag nothing but the advice follows in that session, whatever is said', async () => {
    const c = new Conversation({ ignoreSessionEnd: true });
    await c.sayAll('ask calf coach for help with a cramp', 'no', 'yes');
    for (const words of [
      'next',
      'help with a cramp',
      'resume',
      'start over',
      'yes',
      'no',
      'repeat',
      'help',
    ]) {
      const answer = await c.say(words);
      expect(givesStep(answer.text)).toBe(false);
      expect(answer.text).toMatch(/^I can't guide any stretches or massage now\./);
      expect(answer.ended).toBe(true);
    }
  });
});

describe('emergency numbers by locale', () => {
  it.each([
    ['en-GB', /Call 9 9 9 now/, /Call your GP today, or call 1 1 1\./],
    ['en-AU', /Call 0 0 0 now/, /call healthdirect on 1 8 0 0 0 2 2 2 2 2/],
    ['en-CA', /Call 9 1 1 now/, /Go to urgent care/],
    ['fr-FR', /Call your local emergency number now/, /call your local emergency number straight away/],
  ])('%s', async (locale, emergency, urgent) => {
    const c = new Conversation({ device: { locale }, modelLocale: 'en-US' });
    await c.say('ask calf coach for help with a cramp');
    expect((await c.say('yes')).text).toMatch(emergency);
    const d = new Conversation({ device: { locale }, modelLocale: 'en-US' });
    await d.sayAll('ask calf coach for help with a cramp', 'no');
    expect((await d.say('yes')).text).toMatch(urgent);
  });
});

describe('the cramp clock', () => {
  it('after about ten minutes without easing it says to get medical help, once, before more steps', async () => {
    const c = new Conversation();
    await toCrampStepOne(c);
    await c.say('no');
    c.wait(10 * 60 * 1000);
    const warned = await c.say('no');
    expect(warned.text).toMatch(
      /^This cramp has gone on for about ten minutes without easing\. Please get medical help now\. Go to urgent care, see your doctor today, or go to the emergency department\. Let's do it once more\. Step one of four\./,
    );
    const later = await c.say('no');
    expect(later.text).not.toMatch(/ten minutes without easing/);
  });

  it('says nothing of the kind once the cramp has eased', async () => {
    const c = new Conversation();
    await toCrampStepOne(c);
    await c.say('yes');
    c.wait(12 * 60 * 1000);
    expect((await c.say('next')).text).not.toMatch(/ten minutes/);
  });

  it('the other routines have no cramp clock', async () => {
    const c = new Conversation();
    await c.sayAll('ask calf coach for a bedtime stretch', 'no', 'no');
    c.wait(15 * 60 * 1000);
    expect((await c.say('next')).text).not.toMatch(/ten minutes/);
  });
});

describe('privacy', () => {
  it('screen answers and reported symptoms never reach the store', async () => {
    const c = new Conversation();
    await c.sayAll('ask calf coach for a stretch after my run', 'no', 'no', 'next');
    await c.say('it hurts more');
    await c.sayAll('next', 'next', 'no', 'no');
    await c.say('my calf is swollen');
    const stored = await c.stored();
    expect(Object.keys(stored).sort()).toEqual(['preferences', 'progress', 'schemaVersion', 'welcomed']);
    expect(JSON.stringify(stored)).not.toMatch(/screen|flag|swollen|pain|skipTouch|heatCold|eased|pending/i);
  });
});

describe('property: a red flag holds for the rest of the session', () => {
  const anything = [
    'next',
    'go back',
    'repeat',
    'start over',
    'pause',
    'resume',
    'help',
    'yes',
    'no',
    'tell me more',
    'help with a cramp',
    'bedtime stretch',
    'stretch after my run',
    'carry on',
    'it hurts more',
    'main menu',
    'make the holds longer',
    'speak quietly',
    'blah',
    '',
    'é<&>"\'',
    'open calf coach',
  ];
  const flags = ['yes', 'i have chest pain', 'my calf is swollen', 'i felt a pop', "i can't breathe"];

  it('once a red flag is reported, no later response gives a stretch or massage step; nothing throws', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...anything), { maxLength: 8 }),
        fc.constantFrom(...flags),
        fc.array(fc.oneof(fc.constantFrom(...anything), fc.string({ maxLength: 40 })), {
          minLength: 1,
          maxLength: 10,
        }),
        async (before, flag, after) => {
          const c = new Conversation({ ignoreSessionEnd: true });
          await c.say('ask calf coach for help with a cramp');
          for (const words of before) await c.say(words);
          const flagged = await c.say(flag);
          const raised = /call|checked today|emergency/i.test(flagged.text) && flagged.ended;
          fc.pre(raised);
          for (const words of after) {
            const answer = await c.say(words);
            expect(givesStep(answer.text)).toBe(false);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('random sequences of intents never throw and always answer within the platform rules', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.constantFrom(...anything, ...flags), fc.string()), { maxLength: 15 }),
        async (words) => {
          const c = new Conversation();
          await c.say('open calf coach');
          for (const w of words) await c.say(w);
        },
      ),
      { numRuns: 150 },
    );
  });
});
