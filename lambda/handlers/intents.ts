import type { RequestHandler } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';

/** Intent names, as declared in interaction-models/<locale>.json, and the router that reads them. */
export const Intents = {
  cramp: 'CrampReliefIntent',
  afterRun: 'AfterRunIntent',
  bedtime: 'BedtimeIntent',
  resumeRoutine: 'ResumeRoutineIntent',
  chestPain: 'ChestPainIntent',
  faint: 'FaintIntent',
  coldLeg: 'ColdLegIntent',
  numbLeg: 'NumbLegIntent',
  swollenCalf: 'SwollenCalfIntent',
  injuryPop: 'InjuryPopIntent',
  noWeight: 'NoWeightIntent',
  crampPain: 'CrampPainIntent',
  painWorse: 'PainWorseIntent',
  sharpPain: 'SharpPainIntent',
  crampStatus: 'CrampStatusIntent',
  hedge: 'HedgeIntent',
  tellMore: 'TellMeMoreIntent',
  whichLeg: 'WhichLegIntent',
  switchLegs: 'SwitchLegsIntent',
  posture: 'PostureIntent',
  preference: 'SetPreferenceIntent',
  setReminder: 'SetReminderIntent',
  cancelReminder: 'CancelReminderIntent',
  listReminders: 'ListRemindersIntent',
  whatIsCramp: 'WhatIsCrampIntent',
  whyItHurts: 'WhyItHurtsIntent',
  heatOrIce: 'HeatOrIceIntent',
  massageTools: 'MassageToolsIntent',
  holdLength: 'HoldLengthIntent',
  prevention: 'PreventionIntent',
  pregnancy: 'PregnancyIntent',
  crampOrStrain: 'CrampOrStrainIntent',
  whenToSeeDoctor: 'WhenToSeeDoctorIntent',
  medicines: 'MedicinesIntent',
  overnight: 'OvernightIntent',
  otherQuestion: 'OtherQuestionIntent',
  next: 'AMAZON.NextIntent',
  previous: 'AMAZON.PreviousIntent',
  repeat: 'AMAZON.RepeatIntent',
  startOver: 'AMAZON.StartOverIntent',
  pause: 'AMAZON.PauseIntent',
  resume: 'AMAZON.ResumeIntent',
  help: 'AMAZON.HelpIntent',
  stop: 'AMAZON.StopIntent',
  cancel: 'AMAZON.CancelIntent',
  fallback: 'AMAZON.FallbackIntent',
  navigateHome: 'AMAZON.NavigateHomeIntent',
  yes: 'AMAZON.YesIntent',
  no: 'AMAZON.NoIntent',
} as const;

/** Every intent the skill knows; any other name is treated as not understood. */
export const KNOWN_INTENTS: ReadonlySet<string> = new Set(Object.values(Intents));

/**
 * Which requests a handler can take, for the router: request types (all of their intents), intent
 * names, and `unknownIntents` for intent names the skill does not know. A handler with no route can take
 * any request: it is asked on every turn, in its place.
 */
export interface Takes {
  readonly requests?: readonly string[];
  readonly intents?: readonly string[];
  readonly unknownIntents?: boolean;
}

/** The request's type and, for an IntentRequest, its intent's name; read defensively (envelopes are untrusted). */
function keyOf(envelope: RequestEnvelope): { type: string; intent?: string } {
  const request = (envelope as { request?: unknown }).request as
    { type?: unknown; intent?: { name?: unknown } | null } | null | undefined;
  const type = typeof request?.type === 'string' ? request.type : '';
  const name = request?.intent?.name;
  return type === 'IntentRequest' && typeof name === 'string' ? { type, intent: name } : { type };
}

const ROUTED = 'calfCoachRouted';

/**
 * One request handler in front of the skill's handlers: the request's type and intent name pick, from
 * one table (Maps, built once), the few handlers that can take it, still in the order given, which is
 * the priority (safety first). They are asked in that order and the first that takes it handles it,
 * exactly as ask-sdk would ask the whole list, with fewer `canHandle` calls and one await a turn.
 * `routes` says what each handler can take; one it does not name is asked on every turn.
 */
export function intentRouter(
  handlers: readonly RequestHandler[],
  routes: ReadonlyMap<RequestHandler, Takes>,
): RequestHandler {
  const takes = (handler: RequestHandler, type: string, intent: string | undefined): boolean => {
    const route = routes.get(handler);
    if (!route) return true;
    if (route.requests?.includes(type)) return true;
    if (type !== 'IntentRequest') return false;
    if (intent === undefined) return route.unknownIntents === true;
    return route.intents?.includes(intent) ?? false;
  };
  const types = new Set<string>(['IntentRequest']);
  const intents = new Set<string>(KNOWN_INTENTS);
  for (const route of routes.values()) {
    route.requests?.forEach((type) => types.add(type));
    route.intents?.forEach((intent) => intents.add(intent));
  }
  const byType = new Map<string, readonly RequestHandler[]>();
  for (const type of types) {
    byType.set(
      type,
      handlers.filter((handler) => takes(handler, type, undefined)),
    );
  }
  const byIntent = new Map<string, readonly RequestHandler[]>();
  for (const intent of intents) {
    byIntent.set(
      intent,
      handlers.filter((handler) => takes(handler, 'IntentRequest', intent)),
    );
  }
  const anyType = handlers.filter((handler) => !routes.has(handler));
  const candidates = (envelope: RequestEnvelope): readonly RequestHandler[] => {
    const { type, intent } = keyOf(envelope);
    if (intent !== undefined) return byIntent.get(intent) ?? byType.get('IntentRequest') ?? anyType;
    return byType.get(type) ?? anyType;
  };
  return {
    async canHandle(input) {
      for (const handler of candidates(input.requestEnvelope)) {
        const can = handler.canHandle(input);
        if (can === true || (can !== false && (await can))) {
          input.attributesManager.getRequestAttributes()[ROUTED] = handler;
          return true;
        }
      }
      return false;
    },
    handle(input) {
      const handler = input.attributesManager.getRequestAttributes()[ROUTED] as RequestHandler | undefined;
      if (!handler) throw new Error('no handler was routed for this request');
      return handler.handle(input);
    },
  };
}
