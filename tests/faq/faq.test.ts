import { FAQ, FAQ_IDS, faqIntent, type FaqEntry } from '../../lambda/faq/topics';
import { RESOURCES } from '../../lambda/speech/i18n';
import { Conversation } from '../helpers/conversation';
import { factsSections } from '../helpers/facts';
import { toAfterRunStepTwo } from '../helpers/routes';

const answers = RESOURCES.en.faq;
const screens = RESOURCES.en.screen;
const MENU =
  /I can help with a cramp right now, a stretch after a run, or a stretch at bedtime\. Which would you like\?$/;

/** Several ways people ask each question, as they would say them to Calf Coach. */
const PHRASINGS: Readonly<Record<(typeof FAQ_IDS)[number], readonly string[]>> = {
  whatIsCramp: ['what is a cramp', 'why do I get cramps at night?', 'What causes calf cramps'],
  whyItHurts: ['why does massage hurt', 'Why does stretching hurt?', 'is it supposed to hurt'],
  heatOrIce: ['heat or ice?', 'should I use a hot water bottle', 'how long should I ice it'],
  massageTools: ['can I use a foam roller', 'should I use a massage gun?', 'can I use a tennis ball'],
  holdLength: [
    'how long should I hold the stretch',
    'how many times should I repeat it',
    'how often should I stretch',
  ],
  prevention: ['will stretching prevent cramps', 'how can I stop night cramps?', 'does this work for cramps'],
  pregnancy: ['can I do this while pregnant', "I'm pregnant and have cramps", 'is this ok during pregnancy'],
  crampOrStrain: ['is it a cramp or a strain', 'did I tear my calf?', 'is it just a cramp'],
  whenToSeeDoctor: ['when should I see a doctor', 'is this serious?', 'what are the warning signs'],
  medicines: ['should I take magnesium', 'does tonic water help cramps?', 'can I take ibuprofen'],
  overnight: [
    'can I leave ice on overnight',
    'can I sleep with a heating pad?',
    'can I use an electric blanket',
  ],
};

const expected = (id: (typeof FAQ_IDS)[number]): string =>
  id === 'whenToSeeDoctor'
    ? answers.whenToSeeDoctor.answer.replace('{{number}}', '9 1 1')
    : answers[id].answer;

describe('questions people ask', () => {
  it('every answer cites existing facts sections', () => {
    const sections = factsSections();
    for (const id of FAQ_IDS) {
      expect(FAQ[id].facts.length).toBeGreaterThan(0);
      for (const ref of FAQ[id].facts) expect([id, sections.has(ref)]).toEqual([id, true]);
    }
  });

  it('answers are two or three short sentences', () => {
    for (const id of FAQ_IDS) {
      const sentences = expected(id).split(/(?<=[.?!])\s+/).length;
      expect([id, sentences >= 1 && sentences <= 4]).toEqual([id, true]);
    }
  });

  describe.each(FAQ_IDS.map((id) => [id] as const))('%s', (id) => {
    it.each(PHRASINGS[id].map((words) => [words] as const))(
      '"%s" one-shot gets the answer',
      async (words) => {
        const c = new Conversation();
        const reply = await c.say(`ask calf coach ${words}`);
        expect(reply.request.request).toMatchObject({ intent: { name: faqIntent(id) } });
        expect(reply.text.startsWith(expected(id))).toBe(true);
        expect(reply.ended).toBe(false);
        const question: FaqEntry = FAQ[id];
        const [check] = question.checks ?? [];
        if (check) expect(reply.text.endsWith(screens[check as keyof typeof screens])).toBe(true);
        else expect(reply.text).toMatch(MENU);
      },
    );
  });

  it('medicine questions get no advice, only a pointer to a doctor or pharmacist', async () => {
    const c = new Conversation();
    const reply = await c.say('ask calf coach can I take quinine');
    expect(reply.text).toMatch(
      /^I can't give advice about medicines or supplements\. Please ask your doctor or pharmacist\./,
    );
    expect(reply.text).not.toMatch(/quinine|magnesium|ibuprofen|tonic/i);
  });

  it('the doctor answer gives the locale\'s emergency number, or "your local emergency number"', async () => {
    const uk = new Conversation({ device: { locale: 'en-GB' } });
    expect((await uk.say('ask calf coach when should I see a doctor')).text).toMatch(
      /^Call 9 9 9 straight away/,
    );
    const elsewhere = new Conversation({ device: { locale: 'fr-FR' }, modelLocale: 'en-US' });
    expect((await elsewhere.say('ask calf coach when should I see a doctor')).text).toMatch(
      /^Call your local emergency number straight away/,
    );
  });
});

describe('answers that must say what the facts say', () => {
  it('"can I use a heating pad in bed?": no electric heating pad in bed (facts §2 table)', async () => {
    const c = new Conversation();
    const reply = await c.say('ask calf coach can I sleep with a heating pad?');
    expect(reply.text).toMatch(/^No\. .*don't use an electric heating pad in bed\./);
  });

  it('the tools answer is no permission: hands only (facts §7)', async () => {
    const c = new Conversation();
    const reply = await c.say('ask calf coach can I use a foam roller');
    expect(reply.text).toMatch(/use your hands only/);
    expect(reply.text).not.toMatch(/so keep it gentle\.$/);
  });

  it('"when should I see a doctor?": a pop or an injury to the emergency department now (facts §5 table)', async () => {
    const c = new Conversation();
    const reply = await c.say('ask calf coach when should I see a doctor');
    expect(reply.text).toMatch(
      /Go to the emergency department now if the pain started with a pop or an injury\./,
    );
  });
});

describe('answers that touch a red flag', () => {
  it('"is it a cramp or a tear?" asks the injury and clot question; yes routes to urgent care', async () => {
    const c = new Conversation();
    const reply = await c.say('ask calf coach is it a cramp or a tear');
    expect(reply.text).toMatch(
      /needs checking\. Did this start with an injury or a pop, or is a calf swollen, hot, red or darker\?$/,
    );
    const flagged = await c.say('yes');
    expect(flagged.text).toMatch(/^Please don't stretch, massage or warm that leg\./);
    expect(flagged.text).toMatch(/Go to the emergency department now\./);
    expect(flagged.ended).toBe(true);
  });

  it('no carries on; an unclear answer is asked again, then gets the advice as a condition, never as a verdict', async () => {
    const c = new Conversation();
    await c.say('ask calf coach is it a cramp or a strain');
    expect((await c.say('no')).text).toMatch(/^Okay\. I can help with a cramp/);
    const d = new Conversation();
    await d.say('ask calf coach is it a cramp or a strain');
    expect((await d.say('purple')).text).toMatch(/^Sorry, I need a yes or a no to keep you safe\./);
    const unclear = await d.say('purple');
    expect(unclear.text).toMatch(
      /^If this started with an injury or a pop, .*please don't stretch or massage it/,
    );
    expect(unclear.text).not.toMatch(/^Please don't stretch|should be checked today/);
    expect(unclear.ended).toBe(false);
  });

  it('"when should I see a doctor?" asks the emergency signs, then the injury and clot signs', async () => {
    const c = new Conversation();
    const reply = await c.say('ask calf coach when should I see a doctor');
    expect(reply.text).toMatch(
      /began with a new medicine such as a statin or a diuretic\. Chest pain, trouble breathing, or feeling faint\?$/,
    );
    expect((await c.say('no')).text).toBe(
      'Okay. Did this start with an injury or a pop, or is a calf swollen, hot, red or darker?',
    );
    expect((await c.say('no')).text).toMatch(/^Okay\. I can help with a cramp/);
    const d = new Conversation();
    await d.say('ask calf coach when should I see a doctor');
    expect((await d.say('yes')).text).toMatch(/^Call 9 1 1 now\. 9 1 1\. Please stop the routine\./);
  });

  it('the pregnancy answer asks about one swollen, red, warm or painful calf', async () => {
    const c = new Conversation();
    const reply = await c.say('ask calf coach can I do this while pregnant');
    expect(reply.text).toMatch(
      /Is one calf swollen, red or darker, warm or painful, compared with the other\?$/,
    );
    expect((await c.say('yes')).text).toMatch(/should be checked today/);
  });

  it('"my calf is swollen" gets its advice at once, as a condition, and one check; yes confirms it', async () => {
    const c = new Conversation();
    const check = await c.say('ask calf coach my calf is swollen');
    expect(check.text).toBe(
      "If your calf is swollen, red or darker, or hot, please don't stretch or massage it, and get it checked today. Is that what's happening?",
    );
    expect(check.ended).toBe(false);
    const confirmed = await c.say('yes');
    expect(confirmed.text).toMatch(/should be checked today/);
    expect(confirmed.ended).toBe(true);
  });
});

describe('questions in the middle of a routine', () => {
  it('the answer ends with "say next to carry on", and the routine goes on where it was', async () => {
    const c = new Conversation();
    await toAfterRunStepTwo(c);
    const before = await c.stored();
    const reply = await c.say('why does stretching hurt');
    expect(reply.text).toBe(`${answers.whyItHurts.answer} Say next to carry on.`);
    expect(reply.ended).toBe(false);
    expect(await c.stored()).toEqual(before);
    expect((await c.say('next')).text).toMatch(/^Step three of five\./);
  });

  it('during the "is the cramp easing?" question, the answer asks it again', async () => {
    const c = new Conversation();
    await c.sayAll('ask calf coach for help with a cramp', 'no', 'no');
    expect((await c.say('heat or ice')).text).toMatch(/Is the cramp easing\?$/);
  });
});

describe('a question without an answer', () => {
  it('gets an honest "I don\'t have an answer", what the skill can do, and no guess', async () => {
    const c = new Conversation();
    const reply = await c.say('ask calf coach what is the capital of peru');
    expect(reply.request.request).toMatchObject({ intent: { name: 'OtherQuestionIntent' } });
    expect(reply.text).toMatch(
      /^I don't have an answer for that\. I can tell you about cramps, stretching, heat and ice, and when to see a doctor, or guide you through a routine\./,
    );
  });

  it('points to a doctor or pharmacist when it sounds medical', async () => {
    const c = new Conversation();
    const reply = await c.say('ask calf coach should I worry about my blood pressure');
    expect(reply.text).toMatch(
      /^I don't have an answer for that\. A doctor or pharmacist can help with questions about your health\./,
    );
  });
});

describe('in German and Spanish', () => {
  it.each([
    [
      'de-DE',
      'frag calf coach warum tut die massage weh',
      /^Ein verkrampfter Muskel ist fest und empfindlich/,
    ],
    ['de-DE', 'frag calf coach wann soll ich zum arzt', /^Rufen Sie sofort die 1 1 2 an/],
    [
      'es-US',
      'pregunta a calf coach por qué duele el masaje',
      /^Un músculo acalambrado está tenso y sensible/,
    ],
    [
      'es-US',
      'pregunta a calf coach debo tomar magnesio',
      /^No puedo aconsejarle sobre medicamentos ni suplementos\./,
    ],
  ])('%s: "%s"', async (locale, words, reply) => {
    const c = new Conversation({ device: { locale } });
    expect((await c.say(words)).text).toMatch(reply);
  });
});
