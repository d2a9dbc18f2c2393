import { SCREEN_QUESTIONS } from '../../lambda/safety/red-flags';
import { RESOURCES } from '../../lambda/speech/i18n';

/** The line-by-line fixes to the safety wording, each backed by the facts section named. */
const LANGUAGES = {
  en: {
    red: /\bred\b/,
    darker: /red or darker/,
    oneLeg: /on one leg/,
    negative: /\b(not|unable|can't|cannot)\b/i,
  },
  de: {
    red: /gerötet|\brot\b/,
    darker: /dunkler/,
    oneLeg: /auf einem Bein/,
    negative: /\b(nicht|kein\w*)\b/i,
  },
  es: { red: /\broj[ao]\b/, darker: /más oscura/, oneLeg: /una sola pierna/, negative: /\bno\b/i },
} as const;

const questions = (lng: keyof typeof LANGUAGES): [string, string][] =>
  (Object.keys(SCREEN_QUESTIONS) as (keyof typeof SCREEN_QUESTIONS)[]).map((id) => [
    id,
    RESOURCES[lng].screen[id],
  ]);

describe.each(Object.keys(LANGUAGES) as (keyof typeof LANGUAGES)[])('%s', (lng) => {
  const words = LANGUAGES[lng];
  const r = RESOURCES[lng];

  it('no screen question is negative: yes always means worrying (facts §5, how to ask)', () => {
    expect(questions(lng).filter(([, text]) => words.negative.test(text))).toEqual([]);
  });

  it('wherever redness is asked, "or darker" too: redness is harder to see on brown or black skin (§5(b))', () => {
    const red = questions(lng).filter(([, text]) => words.red.test(text));
    expect(red.length).toBeGreaterThan(2);
    expect(red.filter(([, text]) => !words.darker.test(text))).toEqual([]);
  });

  it('the tiptoe question is about one leg, never either leg (§5(b))', () => {
    expect(r.screen.runInjury).toMatch(words.oneLeg);
  });

  it('every routine start says it is not medical advice (§8.5)', () => {
    const notAdvice = {
      en: /(n't|[Nn]ot) medical advice/,
      de: /[Kk]eine medizinische Beratung/,
      es: /[Nn]o es (un )?consejo médico/,
    }[lng];
    // The `…Said` starts follow a welcome that already said it: "not medical advice" once a session.
    for (const [key, text] of Object.entries(r.start))
      if (!key.endsWith('Said')) expect(text).toMatch(notAdvice);
  });
});

describe('en-US wording', () => {
  const en = RESOURCES.en;
  it('the throbbing question says "when you stand or walk" (§5(b))', () => {
    expect(en.screen.clotSigns).toMatch(/when you stand or walk/);
  });
  it('the rub step says to stop and tell me about a hard or sore vein, instead of pressing around it (§5(b))', () => {
    expect(en.routines.cramp.steps.rub.instruction).toMatch(
      /If a vein feels hard or sore, stop and tell me\./,
    );
    expect(en.routines.cramp.steps.rub.instruction).not.toMatch(/press/);
  });
  it('heat or ice: no warmth on a fresh injury or swelling (§4)', () => {
    expect(en.faq.heatOrIce.answer).toMatch(/not warmth on a fresh injury or swelling/);
  });
  it('when to see a doctor names cramps that began with a new medicine (§5(c))', () => {
    expect(en.faq.whenToSeeDoctor.answer).toMatch(/new medicine such as a statin or a diuretic/);
  });
  it('the advice names the reason the person gave: a throbbing answer is not told about "a swollen calf"', () => {
    expect(en.reason.clotSigns).not.toMatch(/swollen/);
    expect(en.reason.clotSigns).toMatch(/Throbbing or tenderness/);
  });
  it('a pop, a crack or a changed shape goes to the emergency department, not the GP (§5)', () => {
    expect(en.reason.injuryPop).toMatch(/pop, a snap, or a change in the leg's shape/);
    expect(RESOURCES['en-GB'].flag.emergencyDept).toBe('Go to A&E now.');
    expect(RESOURCES.de.flag.emergencyDept).toMatch(/Notaufnahme/);
  });
});
