import type { FactsRef } from '../routines/types';

/**
 * The questions people ask, each answered in two or three sentences built only from the facts file.
 * Text: `questions.<id>.answer` in the locale files. `checks`: red-flag questions (facts §5) asked after
 * an answer that touches a red flag, handled like the screen's: any yes gives that flag's action.
 */
export interface Question {
  readonly intent: string;
  readonly facts: readonly FactsRef[];
  readonly checks?: readonly string[];
  /** The answer names the emergency number (spoken as digits for the locale). */
  readonly emergencyNumber?: boolean;
}

export const QUESTIONS = {
  whatIsCramp: { intent: 'WhatIsCrampIntent', facts: ['1.1', '1.2', '1.5', '1.7'] },
  whyHurts: { intent: 'WhyItHurtsIntent', facts: ['2.1', '3.5', '1.3'] },
  heatOrIce: { intent: 'HeatOrIceIntent', facts: ['2.5', '2.6', '2'] },
  tools: { intent: 'MassageToolsIntent', facts: ['2.4', '7'] },
  holdLength: { intent: 'HoldLengthIntent', facts: ['2', '3.1', '3.5'] },
  prevention: { intent: 'PreventionIntent', facts: ['3.3', '3.4'] },
  pregnancy: { intent: 'PregnancyIntent', facts: ['1.8', '2.1', '5(b)'], checks: ['newOneSidedChange'] },
  crampOrStrain: { intent: 'CrampOrStrainIntent', facts: ['4'], checks: ['injuryOrClot'] },
  whenDoctor: {
    intent: 'WhenToSeeDoctorIntent',
    facts: ['5(a)', '5(b)', '5(c)'],
    emergencyNumber: true,
    checks: ['emergencySigns', 'injuryOrClot'],
  },
  medicines: { intent: 'MedicinesIntent', facts: ['8'] },
  overnight: { intent: 'OvernightIntent', facts: ['2', '7', '8'] },
} as const satisfies Readonly<Record<string, Question>>;

export type QuestionId = keyof typeof QUESTIONS;

export const QUESTION_IDS = Object.keys(QUESTIONS) as QuestionId[];

export function questionForIntent(intent: string | undefined): QuestionId | undefined {
  return QUESTION_IDS.find((id) => QUESTIONS[id].intent === intent);
}

/** Words that make an unanswered question sound medical, so the answer points to a doctor or pharmacist. */
export const MEDICAL_WORDS: Readonly<Record<string, RegExp>> = {
  en: /\b(pain|drug|pill|tablet|medicine|medication|dose|doctor|blood|heart|diabetes|injur\w*|swell\w*|pregnan\w*|clot|vitamin|supplement|disease|sick|ill)\b/i,
  de: /\b(schmerz\w*|tablette\w*|medikament\w*|arzt|ärztin|blut|herz|diabetes|verletz\w*|schwanger\w*|gerinnsel|vitamin\w*|krank\w*)\b/i,
  es: /\b(dolor|pastilla\w*|medicamento\w*|medicina\w*|médico|sangre|corazón|diabetes|lesi\w*|embaraz\w*|coágulo|vitamina\w*|enferm\w*)\b/i,
};
