import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { envelope } from '../../lambda/local/simulator/envelope';
import { availableLocales } from '../../lambda/local/simulator/models';
import { ROUTINES } from '../../lambda/routines/data';
import type { RoutineId } from '../../lambda/routines/types';
import { MemoryPersistenceAdapter } from '../../lambda/persistence/memory';
import { skillBuilder } from '../../lambda/skill';
import { ssmlToPlainText } from '../../lambda/speech/ssml';
import { RESOURCES } from '../../lambda/speech/i18n';
import { Conversation } from '../helpers/conversation';
import {
  CRAMP_STEP_ONE,
  I,
  next,
  no,
  reach,
  routineStates,
  yes,
  type State,
} from '../helpers/conversation-states';
import { loadModel } from '../helpers/model';
import { expectValidResponse } from '../helpers/response-checks';
import { asksForYesOrNo, givesImperative, givesStep } from '../helpers/safety';
import { spokenStrings } from '../helpers/strings';

/**
 * Every conversational state the skill can be in, crossed with every intent of the model (plus
 * Fallback and an intent the skill does not know), in every locale: the safety rules hold in each cell.
 */

/** Every routine's states, and its reminder offer where it makes one (the timer declined). */
function routineStatesOf(id: RoutineId): State[] {
  const { states, end } = routineStates(id, false);
  if (!ROUTINES[id].offersReminder) return states;
  return [...states, { name: `${id}: the reminder offer`, steps: [...end, next], kind: 'other' }];
}

const STATES: readonly State[] = [
  { name: 'the menu', steps: [{ launch: true }], kind: 'other' },
  {
    name: 'the resume offer',
    steps: [...CRAMP_STEP_ONE, I('AMAZON.PauseIntent'), { launch: true }],
    kind: 'other',
  },
  { name: 'the reminder time question', steps: [{ launch: true }, I('SetReminderIntent')], kind: 'other' },
  ...(Object.keys(ROUTINES) as RoutineId[]).flatMap(routineStatesOf),
  {
    name: 'a check after an answer',
    steps: [{ launch: true }, I('CrampOrStrainIntent')],
    kind: 'safetyQuestion',
  },
  { name: 'a report check', steps: [...CRAMP_STEP_ONE, I('ChestPainIntent')], kind: 'reportCheck' },
  { name: 'the pain check', steps: [...CRAMP_STEP_ONE, I('PainWorseIntent')], kind: 'safetyQuestion' },
  { name: 'after a red flag', steps: [I('CrampReliefIntent'), yes], kind: 'flagged' },
  {
    name: 'after the ten-minute stop',
    steps: [...CRAMP_STEP_ONE, { waitMs: 11 * 60 * 1000 }, no],
    kind: 'flagged',
  },
];

const LOCALES = availableLocales();

function intentsOf(locale: string): string[] {
  const names = loadModel(locale).interactionModel.languageModel.intents.map((i) => i.name);
  return [...new Set([...names, 'AMAZON.FallbackIntent', 'NoSuchIntent'])].filter(Boolean);
}

const COMMANDS = new Set([
  'AMAZON.StopIntent',
  'AMAZON.CancelIntent',
  'AMAZON.PauseIntent',
  'AMAZON.HelpIntent',
  'AMAZON.RepeatIntent',
  'AMAZON.NextIntent',
  'AMAZON.PreviousIntent',
  'AMAZON.StartOverIntent',
  'AMAZON.ResumeIntent',
  'AMAZON.NavigateHomeIntent',
  'TellMeMoreIntent',
]);
const ENDS_SESSION = new Set(['AMAZON.StopIntent', 'AMAZON.CancelIntent', 'AMAZON.PauseIntent']);
const REMINDER_INTENTS = new Set(['SetReminderIntent', 'CancelReminderIntent', 'ListRemindersIntent']);
const REPORT_INTENTS = new Set([
  'ChestPainIntent',
  'FaintIntent',
  'ColdLegIntent',
  'NumbLegIntent',
  'SwollenCalfIntent',
  'InjuryPopIntent',
  'NoWeightIntent',
]);

const CLOSINGS = Object.values(RESOURCES).flatMap((resources) =>
  spokenStrings(resources)
    .filter(({ key }) => /^routines\.\w+\.closing$|^reminder\.bye$/.test(key))
    .map(({ text }) => text),
);

const cells = STATES.length * LOCALES.reduce((sum, locale) => sum + intentsOf(locale).length, 0);

function reachState(locale: string, state: State): Promise<Conversation> {
  return reach(new Conversation({ device: { locale }, ignoreSessionEnd: true }), state.steps);
}

it(`the safety rules hold in every cell of the state × intent matrix (${String(STATES.length)} states × every intent × ${String(LOCALES.length)} locales = ${String(cells)} cells)`, async () => {
  const skill = skillBuilder({ persistenceAdapter: new MemoryPersistenceAdapter() }).create();
  const broken: string[] = [];
  let checked = 0;
  for (const locale of LOCALES) {
    for (const state of STATES) {
      const c = await reachState(locale, state);
      const last = c.exchanges[c.exchanges.length - 1];
      if (!last) throw new Error(`${state.name}: nothing said`);
      const attributes = last.response.sessionAttributes ?? {};
      const sessionId = last.request.session?.sessionId ?? 'session';
      for (const intent of intentsOf(locale)) {
        const request: RequestEnvelope = envelope(
          c.device,
          { sessionId, isNew: false, attributes },
          { type: 'IntentRequest', intent: { name: intent, confirmationStatus: 'NONE', slots: {} } },
          new Date(c.now.getTime() + 5_000),
        );
        const response: ResponseEnvelope = await skill.invoke(request);
        const outputSpeech = response.response.outputSpeech;
        const ssml = outputSpeech?.type === 'SSML' ? outputSpeech.ssml : '';
        const text = ssmlToPlainText(ssml);
        const ended = response.response.shouldEndSession !== false;
        const askingPermission = (response.response.directives ?? []).some(
          (d) => d.type === 'Connections.SendRequest',
        );
        expectValidResponse({ request, response, ssml, text, ended: ended && !askingPermission });
        checked++;
        const where = `${locale} · ${state.name} · ${intent}: ${text}`;
        const flaggedNow =
          (response.sessionAttributes?.calfCoach as { flag?: unknown } | undefined)?.flag !== undefined;
        // 1. An imperative only after a clear yes, a report, or a flag already raised.
        const mayCommand =
          state.kind === 'flagged' ||
          (state.kind === 'safetyQuestion' &&
            (intent === 'AMAZON.YesIntent' || REPORT_INTENTS.has(intent))) ||
          // At a report check, a clear yes confirms it, and so does trouble said again (decision 2, rule 2).
          (state.kind === 'reportCheck' && (intent === 'AMAZON.YesIntent' || REPORT_INTENTS.has(intent)));
        if (givesImperative(text, locale) && !mayCommand)
          broken.push(`imperative without a clear yes: ${where}`);
        // 2. No stretch, massage, heat or cold after a flag or a hard stop.
        if ((state.kind === 'flagged' || flaggedNow) && givesStep(text, locale))
          broken.push(`step after a flag: ${where}`);
        // 3. The session stays open unless stop, pause, a flag, a hard stop or the routine's end closed it.
        const mayEnd =
          ENDS_SESSION.has(intent) ||
          REMINDER_INTENTS.has(intent) ||
          flaggedNow ||
          askingPermission ||
          CLOSINGS.some((closing) => text.includes(closing));
        if (ended && !askingPermission && !mayEnd) broken.push(`session closed: ${where}`);
        // 4. A command at a safety question is never answered "I need a yes or a no".
        if (
          state.kind !== 'other' &&
          state.kind !== 'flagged' &&
          COMMANDS.has(intent) &&
          asksForYesOrNo(text, locale)
        ) {
          broken.push(`command taken as unclear: ${where}`);
        }
      }
    }
  }
  expect(checked).toBe(cells);
  expect(broken).toEqual([]);
}, 300_000);
