import type { FactsRef } from '../routines/types';
import type { ScreenQuestionId } from '../safety/red-flags';
import type { MessageKey } from '../speech/translate';

/**
 * The questions people ask, each answered in two or three sentences built only from the facts file.
 * An entry's id is its intent's name without "Intent" (`whyItHurts` ← WhyItHurtsIntent); its text is
 * `faq.<id>.answer` in the locale files. `checks`: red-flag questions (facts §5) asked after an answer
 * that touches a red flag, handled like the screen's: any yes gives that flag's action.
 */
export interface FaqEntry {
  readonly facts: readonly FactsRef[];
  readonly checks?: readonly ScreenQuestionId[];
  /** The answer names the emergency number (spoken as digits); where the locale has none, this is said. */
  readonly emergencyNumber?: { readonly withoutNumber: MessageKey };
}

export const FAQ = {
  whatIsCramp: { facts: ['1.1', '1.2', '1.5', '1.7'] },
  whyItHurts: { facts: ['2.1', '3.5', '1.3'] },
  heatOrIce: { facts: ['2.5', '2.6', '2'] },
  massageTools: { facts: ['2.4', '7'] },
  holdLength: { facts: ['2', '3.1', '3.5'] },
  prevention: { facts: ['3.3', '3.4'] },
  pregnancy: { facts: ['1.8', '2.1', '5(b)'], checks: ['newOneSidedChange'] },
  crampOrStrain: { facts: ['4'], checks: ['injuryOrClot'] },
  whenToSeeDoctor: {
    facts: ['5(a)', '5(b)', '5(c)'],
    emergencyNumber: { withoutNumber: 'faq.whenToSeeDoctor.answerLocal' },
    checks: ['emergencySigns', 'injuryOrClot'],
  },
  medicines: { facts: ['8'] },
  overnight: { facts: ['2', '7', '8'] },
} as const satisfies Readonly<Record<string, FaqEntry>>;

export type FaqId = keyof typeof FAQ;

export const FAQ_IDS = Object.keys(FAQ) as FaqId[];

/** The intent that asks an entry: `whyItHurts` → WhyItHurtsIntent. */
export const faqIntent = (id: FaqId): string => `${id.charAt(0).toUpperCase()}${id.slice(1)}Intent`;

const BY_INTENT: ReadonlyMap<string, FaqId> = new Map(FAQ_IDS.map((id) => [faqIntent(id), id]));

export function faqForIntent(intent: string | undefined): FaqId | undefined {
  return intent === undefined ? undefined : BY_INTENT.get(intent);
}

/** Words that make an unanswered question sound medical, so the answer points to a doctor or pharmacist. */
export const MEDICAL_WORDS: ReadonlyMap<string, RegExp> = new Map([
  [
    'en',
    /\b(pain|drug|pill|tablet|medicine|medication|dose|doctor|blood|heart|diabetes|injur\w*|swell\w*|pregnan\w*|clot|vitamin|supplement|disease|sick|ill)\b/i,
  ],
  [
    'de',
    /\b(schmerz\w*|tablette\w*|medikament\w*|arzt|ärztin|blut|herz|diabetes|verletz\w*|schwanger\w*|gerinnsel|vitamin\w*|krank\w*)\b/i,
  ],
  [
    'es',
    /\b(dolor|pastilla\w*|medicamento\w*|medicina\w*|médico|sangre|corazón|diabetes|lesi\w*|embaraz\w*|coágulo|vitamina\w*|enferm\w*)\b/i,
  ],
]);
