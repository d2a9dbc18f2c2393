import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROUTINES } from '../../lambda/routines/data';
import { SCREEN_QUESTIONS, isScreenQuestionId } from '../../lambda/safety/red-flags';
import { TIMERS_SCOPE } from '../../lambda/reminders/schedule';
import { fakeAlexaApiPerTest } from '../helpers/alexa-api';
import { Conversation } from '../helpers/conversation';
import { ROOT } from '../helpers/model';
import { toCrampStepOne } from '../helpers/routes';
import { asksForYesOrNo, givesImperative, givesStep } from '../helpers/safety';

const EMERGENCY_911 =
  /^Call 9 1 1 now\. 9 1 1\. Please stop the routine\. Call from your phone, or ask someone nearby to call for you\. I can't make calls\. Don't drive yourself\./;
const URGENT_US =
  /Please don't stretch(, massage or warm that leg| or massage for now)\..*If you get chest pain or trouble breathing, call 9 1 1 straight away\. I can't make calls for you\./;

/** Prints a transcript when CALF_COACH_TRANSCRIPT is set, for closing notes and reviews. */
function show(title: string, c: Conversation): void {
  if (process.env.CALF_COACH_TRANSCRIPT) console.log(`${title}\n${c.transcript.join('\n')}`);
}

/** How a person says each thing, per language: the words resolve through that locale's model. */
const PHRASES = {
  'en-US': {
    cramp: 'ask calf coach for help with a cramp',
    yes: 'yes',
    no: 'no',
    what: 'what',
    next: 'next',
    stop: 'stop',
    mumble: 'purple',
    chestPain: 'I have chest pain',
    hurtsMore: 'it hurts more',
    open: 'open calf coach',
    number: /9 1 1/,
  },
  'de-DE': {
    cramp: 'frag calf coach nach hilfe bei einem krampf',
    yes: 'ja',
    no: 'nein',
    what: 'was',
    next: 'weiter',
    stop: 'stopp',
    mumble: 'lila',
    chestPain: 'ich habe schmerzen in der brust',
    hurtsMore: 'es tut mehr weh',
    open: 'öffne calf coach',
    number: /1 1 2/,
  },
  'es-US': {
    cramp: 'pide a calf coach ayuda con un calambre',
    yes: 'sí',
    no: 'no',
    what: 'qué',
    next: 'siguiente',
    stop: 'para',
    mumble: 'morado',
    chestPain: 'tengo dolor en el pecho',
    hurtsMore: 'me duele más',
    open: 'abre calf coach',
    number: /9 1 1/,
  },
} as const;

type Locale = keyof typeof PHRASES;
const LOCALES = Object.keys(PHRASES) as Locale[];

describe.each(LOCALES)('%s: the rules of the screen', (locale) => {
  const w = PHRASES[locale];
  const talk = (): Conversation => new Conversation({ device: { locale } });

  it('"what? what?" at the first question asks it again, slowly, and never counts as unclear', async () => {
    const c = talk();
    const first = await c.say(w.cramp);
    const question = first.text.split(/(?<=[.?!]) /).pop() ?? '';
    for (const _ of [1, 2]) {
      const again = await c.say(w.what);
      expect(again.request.request).toMatchObject({ intent: { name: 'AMAZON.RepeatIntent' } });
      expect(again.text.endsWith(question)).toBe(true);
      expect(again.ssml).toMatch(/<prosody rate="85%">/);
      expect(asksForYesOrNo(again.text, locale)).toBe(false);
      expect(givesImperative(again.text, locale)).toBe(false);
      expect(again.ended).toBe(false);
    }
    const step = await c.sayAll(w.no, w.no);
    expect(givesStep(step.text, locale)).toBe(true);
    show(`${locale}: "what? what?" at the first question`, c);
  });

  it('still unclear after one more try: the advice as a condition, no step, and how to start again', async () => {
    const c = talk();
    await c.say(w.cramp);
    expect(asksForYesOrNo((await c.say(w.mumble)).text, locale)).toBe(true);
    const stopped = await c.say(w.mumble);
    expect(givesImperative(stopped.text, locale)).toBe(false);
    expect(givesStep(stopped.text, locale)).toBe(false);
    expect(stopped.text).toMatch(w.number);
    expect(stopped.text).toMatch(/Calf Coach\.$/);
    expect(stopped.ended).toBe(true);
  });

  it('stop at a screen question ends the session kindly, with no advice', async () => {
    const c = talk();
    await c.say(w.cramp);
    const bye = await c.say(w.stop);
    expect(bye.ended).toBe(true);
    expect(givesImperative(bye.text, locale)).toBe(false);
    expect(bye.text).not.toMatch(/9 1 1/);
  });

  it('a report out of the blue: the advice at once, number first, as a condition, and one check; no goes back', async () => {
    const c = talk();
    await c.say(w.cramp);
    await c.sayAll(w.no, w.no);
    const check = await c.say(w.chestPain);
    expect(check.text).toMatch(w.number);
    expect(givesImperative(check.text, locale)).toBe(false);
    expect(check.ended).toBe(false);
    // No answer at all hears the imperative.
    expect(givesImperative(check.reprompt ?? '', locale)).toBe(true);
    const back = await c.say(w.no);
    expect(back.ended).toBe(false);
    expect(givesImperative(back.text, locale)).toBe(false);
    const d = talk();
    await d.say(w.cramp);
    await d.sayAll(w.no, w.no, w.chestPain);
    const confirmed = await d.say(w.yes);
    expect(givesImperative(confirmed.text, locale)).toBe(true);
    expect(confirmed.ended).toBe(true);
  });

  it('the ten-minute stop: the urgent advice, no more steps, and no offer to carry on next time', async () => {
    const c = talk();
    await c.say(w.cramp);
    await c.sayAll(w.no, w.no, w.no);
    c.wait(10 * 60 * 1000);
    const stop = await c.say(w.no);
    expect(givesImperative(stop.text, locale)).toBe(true);
    expect(givesStep(stop.text, locale)).toBe(false);
    expect(stop.ended).toBe(true);
    expect(await c.stored()).not.toHaveProperty('progress');
    const next = await c.say(w.open);
    expect(next.text).not.toMatch(/(step|Schritt|paso) (one|eins|uno)/i);
    expect(next.request.session?.new).toBe(true);
    show(`${locale}: the ten-minute stop`, c);
  });

  it('before the cramp eased, "it hurts more" is the cramp: ease off and carry on, no check', async () => {
    const c = talk();
    await c.say(w.cramp);
    await c.sayAll(w.no, w.no);
    const eased = await c.say(w.hurtsMore);
    expect(eased.ended).toBe(false);
    expect(givesImperative(eased.text, locale)).toBe(false);
    expect(eased.text).not.toMatch(/severe|stark|fuerte/);
    const onward = await c.say(w.yes);
    expect(givesImperative(onward.text, locale)).toBe(false);
    expect(onward.ended).toBe(false);
  });

  it('once the cramp eased, "it hurts more", then yes to severe or worse: a hard stop', async () => {
    const c = talk();
    await c.say(w.cramp);
    await c.sayAll(w.no, w.no, w.yes);
    const asked = await c.say(w.hurtsMore);
    expect(asked.ended).toBe(false);
    expect(givesImperative(asked.text, locale)).toBe(false);
    const stop = await c.say(w.yes);
    expect(givesImperative(stop.text, locale)).toBe(true);
    expect(stop.ended).toBe(true);
  });
});

describe('the short screen', () => {
  it('yes to the emergency signs: the number first and twice, as digits; the session ends', async () => {
    const c = new Conversation();
    await c.say('ask calf coach for help with a cramp');
    const answer = await c.say('yes');
    expect(answer.text).toMatch(EMERGENCY_911);
    expect(answer.ssml).toContain('<say-as interpret-as="digits">911</say-as>');
    expect(answer.ended).toBe(true);
    expect(givesStep(answer.text)).toBe(false);
  });

  it('yes to injury, pop or a swollen, red or hot calf: no stretch, the emergency department now', async () => {
    const c = new Conversation();
    await c.sayAll('ask calf coach for help with a cramp', 'no');
    const answer = await c.say('yes');
    expect(answer.text).toMatch(
      /An injury or a pop can mean a tear, and a swollen, red or hot calf can be a sign/,
    );
    expect(answer.text).toMatch(/Go to the emergency department now\./);
    expect(answer.text).toMatch(URGENT_US);
    expect(answer.ended).toBe(true);
  });

  it('"yes, it\'s swollen" at the second question is that question\'s clear yes', async () => {
    const c = new Conversation();
    await c.sayAll('ask calf coach for help with a cramp', 'no');
    const answer = await c.say("Yes, it's swollen.");
    expect(answer.text).toMatch(URGENT_US);
    expect(answer.ended).toBe(true);
  });

  it('help, repeat, next and go back at a question keep the question; none counts as unclear', async () => {
    const c = new Conversation();
    await c.sayAll('ask calf coach for help with a cramp', 'no');
    expect((await c.say('help')).text).toMatch(
      /yes or no questions.*is a calf swollen, hot, red or darker\?$/,
    );
    expect((await c.say('repeat')).text).toMatch(
      /^Here it is again\. Just yes or no\. Did this start with an injury or a pop/,
    );
    expect((await c.say('next')).text).toMatch(/^Let's answer this question first\./);
    expect((await c.say('go back')).text).toMatch(/^Let's answer this question first\./);
    expect((await c.say('purple')).text).toMatch(/^Sorry, I need a yes or a no/);
    expect((await c.say('no')).text).toMatch(/^Straighten your leg/);
  });

  it('the after-run routine asks its injury questions, heat illness included, in three grouped questions first', async () => {
    const c = new Conversation();
    const opening = await c.say('ask calf coach for a stretch after my run');
    expect(opening.text).toMatch(/Three quick safety questions first\..*feel faint or confused/);
    expect((await c.say('no')).text).toMatch(/a pop, or a kick.*standing on tiptoe on one leg/);
    expect((await c.say('no')).text).toMatch(/urine dark/);
    expect((await c.say('no')).text).toMatch(/Step one of five\. Walk slowly/);
  });

  it.each(Object.values(ROUTINES).flatMap((r) => r.shortScreen.map((id, i) => [r.id, id, i] as const)))(
    '%s: a clear yes to "%s" gives its action',
    async (routineId, id, index) => {
      const starts = {
        cramp: 'help with a cramp',
        afterRun: 'a stretch after my run',
        bedtime: 'a bedtime stretch',
      };
      const c = new Conversation();
      await c.say(`ask calf coach for ${starts[routineId]}`);
      for (let i = 0; i < index; i++) await c.say('no');
      const answer = await c.say('yes');
      expect(isScreenQuestionId(id)).toBe(true);
      if (isScreenQuestionId(id) && SCREEN_QUESTIONS[id].onYes === 'emergency')
        expect(answer.text).toMatch(EMERGENCY_911);
      else expect(answer.text).toMatch(URGENT_US);
      // Dark urine names no leg: no "that leg" the person never named.
      if (id === 'runUrine') expect(answer.text).not.toMatch(/that leg/);
      expect(answer.ended).toBe(true);
    },
  );
});

describe('the full screen before massage, heat or cold', () => {
  async function toFullScreen(c: Conversation, routineId: string): Promise<void> {
    if (routineId === 'cramp')
      await c.sayAll('ask calf coach for help with a cramp', 'no', 'no', 'yes', 'next');
    else
      await c.sayAll('ask calf coach for a stretch after my run', 'no', 'no', 'no', 'next', 'next', 'next');
  }

  it.each(Object.values(ROUTINES).flatMap((r) => r.fullScreen.map((id, i) => [r.id, id, i] as const)))(
    '%s: yes to "%s" leads to its action and never to the massage',
    async (routineId, id, index) => {
      const c = new Conversation();
      await toFullScreen(c, routineId);
      expect(c.exchanges[c.exchanges.length - 1]?.text).toMatch(
        /Before you touch the calf, a few quick safety questions\./,
      );
      for (let i = 0; i < index; i++) await c.say('no');
      const answer = await c.say('yes');
      const outcome = isScreenQuestionId(id) ? SCREEN_QUESTIONS[id].onYes : undefined;
      if (outcome === 'emergency') expect(answer.text).toMatch(EMERGENCY_911);
      if (outcome === 'urgent') expect(answer.text).toMatch(URGENT_US);
      if (outcome === 'skipTouch') {
        expect(answer.text).toMatch(
          /^Then we'll leave out massage, warmth and cold, to be safe\. That's (the|your)/,
        );
        expect(answer.ended).toBe(true);
      }
      expect(answer.text).not.toMatch(/Rub the calf|warm towel|ice pack/);
    },
  );

  it('massage comes only after every question is answered no, at most three of them', async () => {
    const c = new Conversation();
    await toFullScreen(c, 'cramp');
    expect(ROUTINES.cramp.fullScreen.length).toBeLessThanOrEqual(3);
    for (let i = 0; i < ROUTINES.cramp.fullScreen.length - 1; i++) {
      expect((await c.say('no')).text).not.toMatch(/Rub the calf/);
    }
    expect((await c.say('no')).text).toMatch(/^Okay\. Step three of four\. Rub the calf with both hands/);
  });

  it('still unclear before massage: the advice as a condition, and no massage, heat or cold', async () => {
    const c = new Conversation();
    await toFullScreen(c, 'cramp');
    await c.say('no');
    await c.say('purple');
    const answer = await c.say('purple');
    expect(answer.text).toMatch(
      /^I couldn't be sure of that answer, so we'll leave out massage, warmth and cold/,
    );
    expect(answer.text).toMatch(/If one calf has been throbbing or tender.*get it checked today\./);
    expect(givesImperative(answer.text)).toBe(false);
    expect(answer.text).not.toMatch(/Rub the calf|warm towel/);
  });
});

describe('reports said out of the blue', () => {
  it.each([
    [
      'I have chest pain',
      /^If you have chest pain or trouble breathing, call 9 1 1 now: 9 1 1\. Is that what's happening\?$/,
    ],
    [
      'my calf is swollen',
      /^If your calf is swollen, red or darker, or hot, please don't stretch or massage it, and get it checked today\. Is that what's happening\?$/,
    ],
    [
      'I felt a pop',
      /^If you felt a pop or a snap.*go to the emergency department now\. Is that what's happening\?$/,
    ],
  ])('mid-routine "%s": its advice as a condition, and one check', async (words, condition) => {
    const c = new Conversation();
    await toCrampStepOne(c);
    await c.say('yes');
    const answer = await c.say(words);
    expect(answer.text).toMatch(condition);
    expect(answer.ended).toBe(false);
    const confirmed = await c.say('yes');
    expect(givesImperative(confirmed.text)).toBe(true);
    expect(confirmed.ended).toBe(true);
  });

  it('no goes back to where the person was, with the screen still guarding massage', async () => {
    const c = new Conversation();
    await toCrampStepOne(c);
    await c.sayAll('yes', 'next', 'no', 'no', 'no');
    const check = await c.say('my calf is swollen');
    expect(check.ended).toBe(false);
    const back = await c.say('no');
    expect(back.text).toMatch(/^Okay, thank you\. Say next when you're ready, or repeat\.$/);
    expect((await c.say('next')).text).toMatch(/^Before you touch the calf/);
  });

  it('an unclear answer to the check is asked once more; still unclear, the advice stays a condition', async () => {
    const c = new Conversation();
    await c.say('open calf coach');
    await c.say('i have chest pain');
    const again = await c.say('purple');
    expect(asksForYesOrNo(again.text)).toBe(true);
    expect(givesImperative(again.text)).toBe(false);
    expect(again.ended).toBe(false);
    const stopped = await c.say('purple');
    expect(givesImperative(stopped.text)).toBe(false);
    expect(stopped.text).toMatch(/If you have chest pain or trouble breathing, call 9 1 1 now: 9 1 1\./);
    expect(stopped.ended).toBe(true);
  });

  it('silence at the check counts as yes: the reprompt is the imperative, and the saved progress is cleared', async () => {
    const c = new Conversation();
    await toCrampStepOne(c);
    const check = await c.say('i have chest pain');
    expect(check.reprompt).toMatch(EMERGENCY_911);
    expect(await c.stored()).toHaveProperty('progress');
    await c.endSession();
    expect(await c.stored()).not.toHaveProperty('progress');
  });
});

describe('pain that gets worse', () => {
  it('not severe: no more massage, heat or cold; the routine goes on gently', async () => {
    const c = new Conversation();
    await toCrampStepOne(c);
    await c.say('yes');
    const asked = await c.say('it hurts more');
    expect(asked.text).toBe(
      'Stop and let go gently. Never push into pain. Is the pain severe, or still getting worse?',
    );
    const gentle = await c.say('no');
    expect(gentle.text).toBe(
      "Then we'll leave out massage, warmth and cold. Say next to try the next step gently, or stop to finish.",
    );
    const closing = await c.say('next');
    expect(closing.text).toMatch(
      /^We'll skip the gentle rub and warmth, to be safe\. That's the end of the routine\./,
    );
    expect(closing.text).not.toMatch(/Rub the calf|warm towel/);
  });

  it('what "it hurts more" left out stays out: repeat, go back, start over and tell me more never read it', async () => {
    for (const command of ['repeat', 'go back', 'start over', 'tell me more', 'next']) {
      const c = new Conversation();
      await toCrampStepOne(c);
      await c.sayAll('yes', 'next', 'no', 'no', 'no');
      expect(c.exchanges[c.exchanges.length - 1]?.text).toMatch(/Rub the calf/);
      await c.sayAll('it hurts more', 'no');
      const moved = await c.say(command);
      expect([command, /Rub the calf|warm towel|hot water bottle/.test(moved.text)]).toEqual([
        command,
        false,
      ]);
      // And whatever comes next in the session.
      for (const more of ['repeat', 'go back', 'next']) {
        const after = await c.say(more);
        expect([command, more, /Rub the calf|warm towel|hot water bottle/.test(after.text)]).toEqual([
          command,
          more,
          false,
        ]);
        if (after.ended) break;
      }
    }
  });

  it("during a safety question: the cramp's pain asks it again; sharp pain gets the check, then the same question", async () => {
    const c = new Conversation();
    await c.say('ask calf coach for help with a cramp');
    // The cramp's own pain is not an answer: the question again, not the pain check (decision 3, rule 4).
    const ouch = await c.say('ouch');
    expect(ouch.text).toMatch(/^I'm sorry it hurts\..*Chest pain, trouble breathing, or feeling faint\?$/);
    expect(asksForYesOrNo(ouch.text)).toBe(false);
    expect((await c.say('sharp pain')).text).toMatch(/^Stop and let go gently\..*still getting worse\?$/);
    expect((await c.say('no')).text).toMatch(/Chest pain, trouble breathing, or feeling faint\?$/);
  });
});

describe('after a flag or a hard stop', () => {
  it('nothing but the advice follows in that session, whatever is said', async () => {
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

  it('the saved progress is cleared, so the next launch does not offer to carry on into it', async () => {
    const c = new Conversation();
    await toCrampStepOne(c);
    await c.sayAll('yes', 'pause');
    expect(await c.stored()).toHaveProperty('progress');
    await c.sayAll('ask calf coach to resume', 'no', 'yes');
    expect(await c.stored()).not.toHaveProperty('progress');
    expect((await c.say('open calf coach')).text).not.toMatch(/Shall we carry on/);
  });
});

describe('emergency numbers by locale', () => {
  it.each([
    ['en-GB', /^Call 9 9 9 now\. 9 9 9\./, /Call your GP today, or call 1 1 1\./],
    ['en-AU', /^Call triple zero now\. That's triple zero\./, /call healthdirect on 1 8 0 0, 0 2 2, 2 2 2\./],
    ['en-CA', /^Call 9 1 1 now\. 9 1 1\./, /Go to urgent care/],
    ['fr-FR', /^Call your local emergency number now\./, /call your local emergency number straight away/],
  ])('%s', async (locale, emergency, urgent) => {
    const c = new Conversation({ device: { locale }, modelLocale: 'en-US' });
    await c.say('ask calf coach for help with a cramp');
    expect((await c.say('yes')).text).toMatch(emergency);
    const d = new Conversation({ device: { locale }, modelLocale: 'en-US' });
    await d.sayAll('ask calf coach for a bedtime stretch', 'no');
    expect((await d.say('yes')).text).toMatch(urgent);
  });
});

describe('the cramp clock', () => {
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

describe('night warmth with a real timer', () => {
  const fake = fakeAlexaApiPerTest();

  async function toWarmth(c: Conversation): Promise<void> {
    await c.sayAll('ask calf coach for help with a cramp', 'no', 'no', 'yes', 'next', 'no', 'no', 'no');
  }

  it('asks for the timer permission by voice; yes sets a fifteen-minute timer that says to take the warmth off', async () => {
    const c = new Conversation({ device: { apiEndpoint: fake.endpoint } });
    await toWarmth(c);
    const asking = await c.say('next');
    expect(asking.text).toBe('To remind you to take the warmth off, I can set a timer.');
    expect(asking.response.response.directives?.[0]).toMatchObject({
      type: 'Connections.SendRequest',
      payload: { permissionScopes: [{ permissionScope: TIMERS_SCOPE }] },
    });
    const warmth = await c.say('yes');
    expect(warmth.text).toMatch(
      /^Step four of four\. If you'd like, lay a warm towel, or a hot water bottle in a cover/,
    );
    expect(warmth.text).toMatch(
      /I've set a timer for fifteen minutes\. When it rings, take the warmth off\./,
    );
    const [timer] = fake.api.received.filter((r) => r.path === '/v1/alerts/timers');
    expect(timer?.body).toMatchObject({
      duration: 'PT900S',
      triggeringBehavior: {
        operation: {
          type: 'ANNOUNCE',
          textToAnnounce: [
            { locale: 'en-US', text: expect.stringMatching(/take the warmth off/) as unknown },
          ],
        },
      },
    });
    show('Night warmth with its timer', c);
  });

  it('without permission: only a towel within reach, and "don\'t fall asleep with it on"', async () => {
    const c = new Conversation({ device: { apiEndpoint: fake.endpoint } });
    await toWarmth(c);
    await c.say('next');
    const warmth = await c.say('no');
    expect(warmth.text).toMatch(
      /only if it's within reach: don't go looking for a hot water bottle now\..*don't fall asleep with it on/,
    );
    expect(warmth.text).not.toMatch(/I've set a timer/);
    expect(fake.api.received.filter((r) => r.path === '/v1/alerts/timers')).toEqual([]);
  });

  it('the skill manifest declares the timers permission it asks for', () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'skill-package', 'skill.json'), 'utf8')) as {
      manifest: { permissions: { name: string }[] };
    };
    expect(manifest.manifest.permissions.map((p) => p.name)).toContain(TIMERS_SCOPE);
  });

  it('when the Timers API fails, the step is read without the timer', async () => {
    fake.api.mode = '500';
    const c = new Conversation({
      device: {
        apiEndpoint: fake.endpoint,
        permissions: { consentToken: 'consent', scopes: { [TIMERS_SCOPE]: { status: 'GRANTED' } } },
      },
    });
    await toWarmth(c);
    const warmth = await c.say('next');
    expect(warmth.text).toMatch(/don't fall asleep with it on/);
    expect(warmth.text).not.toMatch(/I've set a timer/);
  });
});

describe('privacy', () => {
  it('screen answers and reported symptoms never reach the store', async () => {
    const c = new Conversation();
    await c.sayAll('ask calf coach for a stretch after my run', 'no', 'no', 'no', 'next');
    await c.sayAll('it hurts more', 'no');
    await c.sayAll('my calf is swollen', 'no');
    const stored = await c.stored();
    expect(Object.keys(stored).sort()).toEqual(['preferences', 'progress', 'schemaVersion', 'welcomed']);
    expect(JSON.stringify(stored)).not.toMatch(/screen|flag|swollen|pain|skipTouch|eased|pending|report/i);
  });
});

describe('properties over random conversations', () => {
  const anything = [
    'next',
    'go back',
    'repeat',
    'what',
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
  const reports = ['i have chest pain', 'my calf is swollen', 'i felt a pop', "i can't breathe"];
  const unclear = ['purple', 'maybe', 'blah', 'hmm', 'the cat'];

  it('once a flag is raised, no later response gives a stretch or massage step; nothing throws', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...anything), { maxLength: 8 }),
        fc.constantFrom('yes', ...reports),
        fc.array(fc.oneof(fc.constantFrom(...anything), fc.string({ maxLength: 40 })), {
          minLength: 1,
          maxLength: 10,
        }),
        async (before, flag, after) => {
          const c = new Conversation({ ignoreSessionEnd: true });
          await c.say('ask calf coach for help with a cramp');
          for (const words of before) await c.say(words);
          let flagged = await c.say(flag);
          if (!flagged.ended && reports.includes(flag)) flagged = await c.say('yes');
          fc.pre(givesImperative(flagged.text) && flagged.ended);
          for (const words of after) expect(givesStep((await c.say(words)).text)).toBe(false);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('unclear answers and commands never produce an imperative', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('help with a cramp', 'a stretch after my run', 'a bedtime stretch'),
        fc.array(
          fc.constantFrom(
            'no',
            ...unclear,
            'what',
            'repeat',
            'help',
            'next',
            'go back',
            'start over',
            'tell me more',
          ),
          {
            maxLength: 14,
          },
        ),
        async (routine, words) => {
          const c = new Conversation({ ignoreSessionEnd: true });
          const opening = await c.say(`ask calf coach for ${routine}`);
          expect(givesImperative(opening.text)).toBe(false);
          for (const w of words) expect(givesImperative((await c.say(w)).text)).toBe(false);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a routine cleared by a flag or a hard stop is never offered on the next launch', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom('no', 'yes', 'next'), { maxLength: 6 }),
        fc.constantFrom('yes', 'clock', ...reports),
        async (before, stop) => {
          const c = new Conversation({ ignoreSessionEnd: true });
          await c.say('ask calf coach for help with a cramp');
          for (const words of before) await c.say(words);
          let last;
          if (stop === 'clock') {
            c.wait(11 * 60 * 1000);
            last = await c.say('no');
          } else {
            last = await c.say(stop);
            if (!last.ended && reports.includes(stop)) last = await c.say('yes');
          }
          fc.pre(last.ended && givesImperative(last.text));
          const next = new Conversation({ adapter: c.adapter });
          expect((await next.say('open calf coach')).text).not.toMatch(/Shall we carry on/);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('random sequences of intents never throw and always answer within the platform rules', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.constantFrom(...anything, ...reports), fc.string()), { maxLength: 15 }),
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
