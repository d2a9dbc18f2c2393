import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { RequestEnvelope } from 'ask-sdk-model';
import { envelope, intentJson } from '../../lambda/local/simulator/envelope';
import { Resolver, type IntentMatch } from '../../lambda/local/simulator/nlu';
import { MemoryPersistenceAdapter } from '../../lambda/persistence/memory';
import { ROUTINES } from '../../lambda/routines/data';
import type { RoutineId } from '../../lambda/routines/types';
import { skillBuilder } from '../../lambda/skill';
import { ssmlToPlainText } from '../../lambda/speech/ssml';
import { Conversation } from '../helpers/conversation';
import {
  CRAMP_STEP_ONE,
  I,
  next,
  no,
  reach,
  routineStates,
  yes,
  type Step,
} from '../helpers/conversation-states';
import { loadModel } from '../helpers/model';
import { asksForYesOrNo, givesImperative, givesStep, text } from '../helpers/safety';

/**
 * The words layer on the safety matrix (facts §5, product decisions 2 and 3): phrases people say,
 * written apart from the interaction models' samples (tests/conversation/words/), resolved by the
 * model-trained NLU and sent to the skill in every waiting question and every step, in en-US, de-DE and
 * es-US. The safety rules hold for every phrase, whatever intent it resolved to; what a class of words
 * does at a question is checked for each phrase that resolved to that class's intent.
 */

const CLASSES = [
  'clearYes',
  'clearNo',
  'denyEmergency',
  'denyInjuryClot',
  'denyLimb',
  'hedge',
  'crampEased',
  'crampNotEased',
  'crampPain',
  'flagColdBlue',
  'flagNumbWeak',
  'flagFaint',
  'flagSwelling',
  'flagNoWeight',
  'flagChestPain',
  'commandRepeat',
  'commandHelp',
  'commandStop',
  'commandPause',
  'commandBack',
  'commandNext',
] as const;
type PhraseClass = (typeof CLASSES)[number];

/** The intent a class of words is meant to reach. */
const INTENT_OF: Readonly<Record<PhraseClass, readonly string[]>> = {
  clearYes: ['AMAZON.YesIntent'],
  clearNo: ['AMAZON.NoIntent'],
  denyEmergency: ['AMAZON.NoIntent'],
  denyInjuryClot: ['AMAZON.NoIntent'],
  denyLimb: ['AMAZON.NoIntent'],
  hedge: ['HedgeIntent'],
  crampEased: ['CrampStatusIntent'],
  crampNotEased: ['CrampStatusIntent'],
  crampPain: ['CrampPainIntent'],
  flagColdBlue: ['ColdLegIntent'],
  flagNumbWeak: ['NumbLegIntent'],
  flagFaint: ['FaintIntent'],
  flagSwelling: ['SwollenCalfIntent'],
  flagNoWeight: ['NoWeightIntent'],
  flagChestPain: ['ChestPainIntent'],
  commandRepeat: ['AMAZON.RepeatIntent'],
  commandHelp: ['AMAZON.HelpIntent'],
  commandStop: ['AMAZON.StopIntent', 'AMAZON.CancelIntent'],
  commandPause: ['AMAZON.PauseIntent'],
  commandBack: ['AMAZON.PreviousIntent'],
  commandNext: ['AMAZON.NextIntent'],
};

const isFlag = (c: PhraseClass): boolean => c.startsWith('flag');
const isNo = (c: PhraseClass): boolean => c === 'clearNo' || c.startsWith('deny');

const LANGUAGES = { 'en-US': 'en', 'de-DE': 'de', 'es-US': 'es' } as const;
type Locale = keyof typeof LANGUAGES;

function phrases(locale: Locale): Readonly<Record<PhraseClass, readonly string[]>> {
  const file = path.join(__dirname, 'words', `${LANGUAGES[locale]}.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as Record<PhraseClass, string[]>;
}

type Kind = 'redFlag' | 'reportCheck' | 'painCheck' | 'easing' | 'step' | 'offer' | 'leftOut';

interface WordState {
  readonly name: string;
  readonly steps: readonly Step[];
  readonly kind: Kind;
}

/** Every routine's first askings of its safety questions, and every step. */
function routineWordStates(id: RoutineId): WordState[] {
  return routineStates(id, false)
    .states.filter((s) => !s.name.endsWith('asked again'))
    .map((s) => {
      // "cramp: full screen question 3" names its question: "… (skinOrFeeling)".
      const asked = /(short|full) screen question (\d)/.exec(s.name);
      const ids = asked?.[1] === 'short' ? ROUTINES[id].shortScreen : ROUTINES[id].fullScreen;
      const question = asked ? ids[Number(asked[2]) - 1] : undefined;
      return {
        name: question ? `${s.name} (${question})` : s.name,
        steps: s.steps,
        kind: s.kind === 'safetyQuestion' ? 'redFlag' : s.name.includes('toePull') ? 'easing' : 'step',
      };
    });
}

const crampStates = routineStates('cramp', false).states;
const toRub = crampStates.find((s) => s.name.includes('(rub)'))?.steps ?? [];

const STATES: readonly WordState[] = [
  ...(Object.keys(ROUTINES) as RoutineId[]).flatMap(routineWordStates),
  { name: 'a check after an answer', steps: [{ launch: true }, I('CrampOrStrainIntent')], kind: 'redFlag' },
  { name: 'a report check', steps: [...CRAMP_STEP_ONE, I('ChestPainIntent')], kind: 'reportCheck' },
  { name: 'the pain check', steps: [...CRAMP_STEP_ONE, yes, I('PainWorseIntent')], kind: 'painCheck' },
  {
    name: 'the resume offer',
    steps: [...CRAMP_STEP_ONE, I('AMAZON.PauseIntent'), { launch: true }],
    kind: 'offer',
  },
  {
    name: 'resumed at the rub: its first merged question',
    steps: [...toRub, I('AMAZON.PauseIntent'), { launch: true }, yes],
    kind: 'redFlag',
  },
  {
    name: 'the rub, after "it hurts more" and no',
    steps: [...toRub, I('PainWorseIntent'), no],
    kind: 'leftOut',
  },
  {
    name: 'the bedtime reminder offer',
    steps: [...routineStates('bedtime', false).end, next],
    kind: 'offer',
  },
];

/** The rub and warmth instructions: what "it hurts more" left out. */
function leftOutSteps(locale: Locale): string[] {
  return ['rub', 'warmth']
    .flatMap((step) =>
      ['instruction', 'instructionNoTimer'].map((f) => text(locale, `routines.cramp.steps.${step}.${f}`)),
    )
    .filter((t) => !t.startsWith('routines.'));
}

let cells = 0;
const moved: string[] = [];
/** Phrases that reach an imperative only because the model misunderstood them (at the first question). */
const misheard: string[] = [];
const firstRedFlag = STATES.find((s) => s.kind === 'redFlag');
const REPORT_INTENTS: ReadonlySet<string> = new Set(
  Object.entries(INTENT_OF)
    .filter(([c]) => isFlag(c as PhraseClass))
    .flatMap(([, intents]) => intents)
    .concat('InjuryPopIntent'),
);

describe.each(Object.keys(LANGUAGES) as Locale[])(
  '%s: words mean what they mean at that question',
  (locale) => {
    const words = phrases(locale);
    const resolver = new Resolver(loadModel(locale), locale);
    const resolved = new Map<string, IntentMatch>();
    const resolve = (phrase: string): IntentMatch => {
      let match = resolved.get(phrase);
      if (!match) resolved.set(phrase, (match = resolver.resolveIntent(phrase)));
      return match;
    };

    it('every class has at least 15 phrases, none of them a sample said word for word', () => {
      for (const c of CLASSES) expect(words[c].length).toBeGreaterThanOrEqual(15);
    });

    it.each(STATES.map((s) => [s.name, s] as const))('%s', async (_name, state) => {
      const c = await reach(new Conversation({ device: { locale }, ignoreSessionEnd: true }), state.steps);
      const last = c.exchanges[c.exchanges.length - 1];
      if (!last) throw new Error('nothing said');
      const asked = (last.text.split(/(?<=[.?!:]) /).pop() ?? '').trim();
      const attributes = last.response.sessionAttributes ?? {};
      const sessionId = last.request.session?.sessionId ?? 'session';
      const skill = skillBuilder({ persistenceAdapter: new MemoryPersistenceAdapter() }).create();
      const answers = new Map<string, { said: string; ended: boolean; flagged: boolean }>();
      const broken: string[] = [];
      for (const phraseClass of CLASSES) {
        for (const phrase of words[phraseClass]) {
          const match = resolve(phrase);
          const key = JSON.stringify(match);
          let heard = answers.get(key);
          if (!heard) {
            const request: RequestEnvelope = envelope(
              c.device,
              { sessionId, isNew: false, attributes },
              { type: 'IntentRequest', intent: intentJson(match, c.device.applicationId) },
              new Date(c.now.getTime() + 5_000),
            );
            const response = await skill.invoke(request);
            const speech = response.response.outputSpeech;
            heard = {
              said: ssmlToPlainText(speech?.type === 'SSML' ? speech.ssml : ''),
              ended: response.response.shouldEndSession !== false,
              flagged:
                (response.sessionAttributes?.calfCoach as { flag?: unknown } | undefined)?.flag !== undefined,
            };
            answers.set(key, heard);
          }
          cells++;
          const { said } = heard;
          const where = `${state.name} · ${phraseClass} "${phrase}" → ${match.name}: ${said}`;
          const onClass = INTENT_OF[phraseClass].includes(match.name);
          if (!onClass && state === STATES[0])
            moved.push(`${locale} ${phraseClass} "${phrase}" → ${match.name}`);
          // Decision 2: an imperative only after a clear yes or a confirmed report, as the skill heard it.
          const heardYes = match.name === 'AMAZON.YesIntent';
          const heardReport = REPORT_INTENTS.has(match.name);
          const mayCommand =
            ((state.kind === 'redFlag' || state.kind === 'reportCheck') && (heardYes || heardReport)) ||
            (state.kind === 'painCheck' && heardYes);
          if (givesImperative(said, locale) && !mayCommand) broken.push(`imperative: ${where}`);
          // Words the model took for a yes or a report they are not: understanding, not the rules (issue 23).
          const meantCommand = phraseClass === 'clearYes' || isFlag(phraseClass);
          if (givesImperative(said, locale) && !meantCommand && state === firstRedFlag)
            misheard.push(`${locale} ${phraseClass} "${phrase}" → ${match.name}`);
          // A flag or a hard stop: never a step after it.
          if (heard.flagged && givesStep(said, locale)) broken.push(`step after a flag: ${where}`);
          // What was left out is never read again in the session.
          if (leftOutSteps(locale).some((t) => said.includes(t))) {
            if (state.kind === 'leftOut') broken.push(`left-out step read: ${where}`);
          }
          // A plain-word red flag is never taken as a step's answer.
          if (isFlag(phraseClass) && onClass && (state.kind === 'step' || state.kind === 'easing')) {
            if (givesStep(said, locale)) broken.push(`flag led to a step: ${where}`);
            if (!said.includes(text(locale, 'flag.check'))) broken.push(`flag not checked: ${where}`);
          }
          if (!onClass) continue;
          const safety =
            state.kind === 'redFlag' || state.kind === 'reportCheck' || state.kind === 'painCheck';
          // Decision 3, rule 2: a hedge at a red-flag question gets the advice as a condition and one check.
          if (
            state.kind === 'redFlag' &&
            phraseClass === 'hedge' &&
            !state.name.includes('(skinOrFeeling)')
          ) {
            if (!said.endsWith(text(locale, 'flag.check'))) broken.push(`hedge not checked: ${where}`);
          }
          // Rule 3: cramp words at a safety question ask it again, and don't count as unclear.
          if (safety && phraseClass.startsWith('cramp') && phraseClass !== 'crampPain') {
            if (!said.endsWith(asked) || asksForYesOrNo(said, locale))
              broken.push(`cramp words answered: ${where}`);
          }
          // Rule 4: the cramp's own pain during the first stretch is not "it hurts more".
          if (state.kind === 'easing' && phraseClass === 'crampPain') {
            if (said.includes(text(locale, 'pain.check'))) broken.push(`cramp pain checked: ${where}`);
          }
          // A clear no, or a denial naming a symptom, is never the question's yes.
          if (
            state.kind === 'redFlag' &&
            isNo(phraseClass) &&
            (heard.flagged || said.endsWith(text(locale, 'flag.check')))
          )
            broken.push(`no taken as yes: ${where}`);
        }
      }
      expect(broken).toEqual([]);
    });
  },
);

afterAll(() => {
  console.log(
    `Words layer: ${String(cells)} cells (${String(STATES.length)} states × every phrase of ${String(CLASSES.length)} classes × 3 locales)` +
      `\nMisheard into an imperative at the first question (${String(misheard.length)}):\n${misheard.join('\n')}` +
      (moved.length
        ? `\nPhrases that resolved outside their class (${String(moved.length)}):\n${moved.join('\n')}`
        : ''),
  );
});
