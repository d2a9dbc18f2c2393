import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { envelope } from '../../lambda/local/simulator/envelope';
import { availableLocales } from '../../lambda/local/simulator/models';
import { ROUTINES } from '../../lambda/routines/data';
import type { RoutineId } from '../../lambda/routines/types';
import { MemoryPersistenceAdapter } from '../../lambda/persistence/memory';
import { skillBuilder } from '../../lambda/skill';
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

/** A routine's states, and the path just after its last step; the timer granted or not. */
function routineStatesOf(id: RoutineId, timer: boolean): State[] {
  const { states, end } = routineStates(id, timer);
  return [...states, { name: `${id}: after the last step`, steps: [...end, next], kind: 'other' }];
}

function states(): State[] {
  return [
    { name: 'the menu', steps: [{ launch: true }], kind: 'other' },
    ...(Object.keys(ROUTINES) as RoutineId[]).flatMap((id) => routineStatesOf(id, false)),
    ...routineStatesOf('cramp', true).filter((s) => s.name.includes('warmth')),
    { name: 'a check after an answer', steps: [{ launch: true }, I('CrampOrStrainIntent')], kind: 'other' },
    { name: 'a report check', steps: [...CRAMP_STEP_ONE, I('ChestPainIntent')], kind: 'other' },
    { name: 'the pain check', steps: [...CRAMP_STEP_ONE, I('PainWorseIntent')], kind: 'other' },
    { name: 'after a red flag', steps: [I('CrampReliefIntent'), yes], kind: 'other' },
    {
      name: 'after the ten-minute stop',
      steps: [...CRAMP_STEP_ONE, { waitMs: 11 * 60 * 1000 }, no],
      kind: 'other',
    },
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
      await reach(c, state.steps);
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
