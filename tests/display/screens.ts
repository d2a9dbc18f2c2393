import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { envelope } from '../../lambda/local/simulator/envelope';
import { availableLocales } from '../../lambda/local/simulator/models';
import { ROUTINES } from '../../lambda/routines/data';
import type { RoutineId } from '../../lambda/routines/types';
import { MemoryPersistenceAdapter } from '../../lambda/persistence/memory';
import { skillBuilder } from '../../lambda/skill';
import { Conversation } from '../helpers/conversation';
import { loadModel } from '../helpers/model';
import { linkedDocument } from './documents';

/**
 * Every screen the skill sends, collected by driving the real skill: each conversational state (the
 * menu, every safety question and its asking again, every step of every routine, a check after an
 * answer, a report check, the pain check, after a red flag, after the ten-minute stop) is reached by
 * intents, then every intent of the locale's model (and Fallback) is sent from it. Every locale, and one
 * the skill does not have (fr-FR, read as en-US with no country number).
 */

export const SHOW = { 'Alexa.Presentation.APL': { runtime: { maxVersion: '2023.3' } } };

export interface Screen {
  readonly locale: string;
  /** The state and the request that drew it. */
  readonly where: string;
  readonly document: Record<string, unknown>;
  readonly datasources: Record<string, unknown>;
  /** The SSML spoken with it. */
  readonly ssml: string;
}

type Step =
  | { readonly intent: string }
  | { readonly launch: true }
  | { readonly permission: boolean }
  | { readonly waitMs: number };

interface State {
  readonly name: string;
  readonly steps: readonly Step[];
}

const I = (intent: string): Step => ({ intent });
const no = I('AMAZON.NoIntent');
const yes = I('AMAZON.YesIntent');
const next = I('AMAZON.NextIntent');
const unclear = I('AMAZON.FallbackIntent');
const START: Readonly<Record<RoutineId, string>> = {
  cramp: 'CrampReliefIntent',
  afterRun: 'AfterRunIntent',
  bedtime: 'BedtimeIntent',
};

/** A routine walked by intents: every question, asked and asked again, and every step; the timer granted or not. */
function routineStates(id: RoutineId, timer: boolean): State[] {
  const routine = ROUTINES[id];
  const states: State[] = [];
  let path: Step[] = [I(START[id])];
  const question = (name: string): void => {
    states.push({ name, steps: [...path] });
    states.push({ name: `${name}, asked again`, steps: [...path, unclear] });
    path = [...path, no];
  };
  routine.shortScreen.forEach((_, i) => {
    question(`${id}: short screen question ${String(i + 1)}`);
  });
  let fullAsked = false;
  routine.steps.forEach((step, index) => {
    if (index > 0) {
      path = [...path, routine.steps[index - 1]?.checkEasing ? yes : next];
      if (['massage', 'heat', 'cold'].includes(step.kind) && !fullAsked) {
        routine.fullScreen.forEach((_, i) => {
          question(`${id}: full screen question ${String(i + 1)}`);
        });
        fullAsked = true;
      }
      if (step.timer) path = [...path, { permission: timer }];
    }
    states.push({ name: `${id}: step ${String(index + 1)} (${step.id})`, steps: [...path] });
  });
  states.push({ name: `${id}: after the last step`, steps: [...path, next] });
  return states;
}

function states(): State[] {
  const crampStepOne =
    routineStates('cramp', false).find((s) => s.name === 'cramp: step 1 (toePull)')?.steps ?? [];
  return [
    { name: 'the menu', steps: [{ launch: true }] },
    ...(Object.keys(ROUTINES) as RoutineId[]).flatMap((id) => routineStates(id, false)),
    ...routineStates('cramp', true).filter((s) => s.name.includes('warmth')),
    { name: 'a check after an answer', steps: [{ launch: true }, I('CrampOrStrainIntent')] },
    { name: 'a report check', steps: [...crampStepOne, I('ChestPainIntent')] },
    { name: 'the pain check', steps: [...crampStepOne, I('PainWorseIntent')] },
    { name: 'after a red flag', steps: [I('CrampReliefIntent'), yes] },
    { name: 'after the ten-minute stop', steps: [...crampStepOne, { waitMs: 11 * 60 * 1000 }, no] },
  ];
}

/** The locales screens are collected in: the skill's seven, and an unknown one. */
export const SCREEN_LOCALES = [...availableLocales(), 'fr-FR'];

function intentsOf(modelLocale: string): string[] {
  const names = loadModel(modelLocale).interactionModel.languageModel.intents.map((i) => i.name);
  return [...new Set([...names, 'AMAZON.FallbackIntent'])];
}

export async function collectScreens(locales: readonly string[] = SCREEN_LOCALES): Promise<Screen[]> {
  const skill = skillBuilder({ persistenceAdapter: new MemoryPersistenceAdapter() }).create();
  const screens: Screen[] = [];
  const seen = new Set<string>();
  const record = (locale: string, where: string, response: ResponseEnvelope): void => {
    const ssml = response.response.outputSpeech?.type === 'SSML' ? response.response.outputSpeech.ssml : '';
    for (const directive of response.response.directives ?? []) {
      if (directive.type !== 'Alexa.Presentation.APL.RenderDocument') continue;
      const { document, datasources } = directive as unknown as {
        document: unknown;
        datasources: Record<string, unknown>;
      };
      const key = `${locale} ${JSON.stringify(datasources)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      screens.push({ locale, where, document: linkedDocument(document), datasources, ssml });
    }
  };
  for (const locale of locales) {
    const modelLocale = availableLocales().includes(locale) ? locale : 'en-US';
    const intents = intentsOf(modelLocale);
    for (const state of states()) {
      const c = new Conversation({
        device: { locale, supportedInterfaces: SHOW },
        modelLocale,
        ignoreSessionEnd: true,
      });
      for (const step of state.steps) {
        if ('launch' in step) await c.launch();
        else if ('permission' in step) await c.answerPermission(step.permission);
        else if ('waitMs' in step) c.wait(step.waitMs);
        else await c.intent(step.intent);
      }
      for (const exchange of c.exchanges) record(locale, state.name, exchange.response);
      const last = c.exchanges[c.exchanges.length - 1];
      if (!last) continue;
      const attributes = last.response.sessionAttributes ?? {};
      const sessionId = last.request.session?.sessionId ?? 'session';
      for (const intent of intents) {
        const request: RequestEnvelope = envelope(
          c.device,
          { sessionId, isNew: false, attributes },
          { type: 'IntentRequest', intent: { name: intent, confirmationStatus: 'NONE', slots: {} } },
          new Date(c.now.getTime() + 5_000),
        );
        record(locale, `${state.name}, then ${intent}`, await skill.invoke(request));
      }
    }
  }
  return screens;
}
