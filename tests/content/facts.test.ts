import { ROUTINES } from '../../lambda/routines/data';
import { HARD_STOPS, REPORTS, SCREEN_QUESTIONS, isScreenQuestionId } from '../../lambda/safety/red-flags';
import { claimRows, factsSections, factsText, sharedFactsText } from '../helpers/facts';
import { spokenStrings } from '../helpers/strings';

/**
 * Patterns that would voice a claim the facts file (§7) marks wrong, unsafe or not to be used, keyed by
 * its row number. Every row whose "Skill may use?" is not a plain yes must have one here.
 */
const FORBIDDEN_CLAIMS: Readonly<Record<number, RegExp>> = {
  1: /not life.?threatening/i,
  2: /very few (methods|ways)/i,
  3: /\btable\b/i,
  4: /\bfirm\b|completely relaxed|rub (it )?hard/i,
  5: /compression|ten seconds of cold|10 seconds/i,
  6: /cold and massage .* a day/i,
  7: /\bball\b(?! of your foot)|roller|rolling|weight on (the|your) heel|the more you/i,
  8: /only (on )?the calf/i,
  9: /(hot|warm) bath.*(tonight|now|in the night)/i,
  10: /never (rub|massage) (a|the) cramp/i,
  11: /inflammation/i,
  12: /\boil\b/i,
  13: /blood flow/i,
  14: /boiled water/i,
  15: /overnight|all night|while you sleep, ?(leave|keep)/i,
  16: /if (it|the cramp) continues/i,
  17: /anti.?inflammator/i,
  18: /prescri|medication|muscle relaxant/i,
  19: /(early|in the) morning/i,
  20: /more serious|turn into/i,
  21: /herbal|vitamin/i,
  22: /largest muscle/i,
  23: /hamstring|quad|back muscle/i,
  24: /flex(es)? the leg/i,
  25: /cushion|absorbs? shock|shock absorb/i,
  26: /ligament|softening/i,
  27: /buttock/i,
  28: /heal[s]? in (a day|two days)|a day or two/i,
  29: /swelling sets in/i,
  31: /machine|massage gun|device/i,
  33: /improv\w* (the )?circulation|blood to the/i,
  34: /defect|tendinitis/i,
  35: /chronic|\bheals?\b|\bcure/i,
  36: /no pain or other symptoms|safely start/i,
};

/** What the facts file's §8 says the skill must never say. */
const NEVER_SAY: readonly RegExp[] = [
  /i('| a)m calling|i('| wi)ll call|help is on the way|i('| ha)ve alerted|calling for you/i,
  /quinine|magnesium|ibuprofen|paracetamol|painkiller|tonic water|aspirin/i,
  /\bwill (stop|prevent|heal|cure)\b|\bprevents?\b|\bcures?\b/i,
  /you have (a )?(cramp|dvt|clot|tear)/i,
  /sleep on it|wait and see|see how it is/i,
  /(?<!never |don't |not )put (the )?ice (straight|directly) on/i,
  /heel walk|walk on your heels/i,
];

describe('the facts file', () => {
  it('is the same as the shared copy, when the shared folder is there', () => {
    const shared = sharedFactsText();
    if (shared !== undefined) expect(factsText()).toBe(shared);
  });

  it('has the sections the tests read', () => {
    const sections = factsSections();
    for (const id of ['1', '2', '2.1', '2.4', '3.4', '5', '5(a)', '5(b)', '5(d)', '9'])
      expect(sections).toContain(id);
    expect(claimRows().length).toBeGreaterThanOrEqual(36);
  });
});

describe('routine content', () => {
  const sections = factsSections();

  it('every step, closing and safety question cites an existing facts section', () => {
    const cited: { where: string; ref: string }[] = [];
    for (const routine of Object.values(ROUTINES)) {
      for (const step of routine.steps) {
        expect(step.facts.length).toBeGreaterThan(0);
        for (const ref of step.facts) cited.push({ where: `${routine.id}.${step.id}`, ref });
      }
      for (const ref of routine.closingFacts) cited.push({ where: `${routine.id}.closing`, ref });
    }
    for (const [id, question] of Object.entries(SCREEN_QUESTIONS)) {
      for (const ref of question.facts) cited.push({ where: `screen.${id}`, ref });
    }
    for (const [id, stop] of Object.entries({ ...REPORTS, ...HARD_STOPS })) {
      for (const ref of stop.facts) cited.push({ where: `stop.${id}`, ref });
    }
    const missing = cited.filter(({ ref }) => !sections.has(ref));
    expect(missing).toEqual([]);
  });

  it('every screen question a routine asks is defined and has words', () => {
    const words = new Map(spokenStrings().map(({ key, text }) => [key, text]));
    for (const routine of Object.values(ROUTINES)) {
      // Two grouped questions before the first stretch (§5 product decision); after a run, at most three.
      expect(routine.shortScreen).toHaveLength(routine.id === 'afterRun' ? 3 : 2);
      for (const id of [...routine.shortScreen, ...routine.fullScreen]) {
        expect(isScreenQuestionId(id)).toBe(true);
        expect(words.get(`screen.${id}`)).toMatch(/\?$/);
      }
    }
  });

  it('a routine with a massage, heat or cold step has a full screen before it', () => {
    for (const routine of Object.values(ROUTINES)) {
      const touches = routine.steps.some((step) => ['massage', 'heat', 'cold'].includes(step.kind));
      if (touches) expect(routine.fullScreen.length).toBeGreaterThan(0);
    }
  });
});

describe('spoken strings', () => {
  const strings = spokenStrings();

  it('has a pattern for every claim the facts file says not to use', () => {
    const restricted = claimRows().filter((row) => !/^yes\b/i.test(row.use));
    const uncovered = restricted.filter((row) => !(row.number in FORBIDDEN_CLAIMS)).map((row) => row.number);
    expect(uncovered).toEqual([]);
  });

  it('voices none of the claims the facts file marks wrong or not to use', () => {
    const hits = strings.flatMap(({ key, text }) =>
      Object.entries(FORBIDDEN_CLAIMS)
        .filter(([, pattern]) => pattern.test(text))
        .map(([row]) => `§7 #${row} in ${key}: ${text}`),
    );
    expect(hits).toEqual([]);
  });

  it('says nothing the facts file §8 forbids', () => {
    const hits = strings.filter(({ text }) => NEVER_SAY.some((pattern) => pattern.test(text)));
    expect(hits).toEqual([]);
  });

  it('promises nothing about prevention: stretching "may help"', () => {
    const prevention = strings.filter(({ text }) => /night cramps/i.test(text) && /stretch/i.test(text));
    expect(prevention.length).toBeGreaterThan(0);
    for (const { text } of prevention) expect(text).toMatch(/may help/);
  });

  it('the patterns catch what they are meant to catch', () => {
    expect(FORBIDDEN_CLAIMS[15]?.test('Leave the ice on overnight.')).toBe(true);
    expect(FORBIDDEN_CLAIMS[7]?.test('Roll a ball over the cramp.')).toBe(true);
    expect(NEVER_SAY.some((p) => p.test("I'm calling 911 for you."))).toBe(true);
    expect(NEVER_SAY.some((p) => p.test('Stretching prevents cramps.'))).toBe(true);
    expect(NEVER_SAY.some((p) => p.test('Put ice directly on the calf.'))).toBe(true);
    expect(NEVER_SAY.some((p) => p.test('Never put ice straight on your skin.'))).toBe(false);
  });
});
