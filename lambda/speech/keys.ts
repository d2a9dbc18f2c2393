import type { Routine, Step } from '../routines/types';
import type { MessageKey } from './translate';

/**
 * A step's texts. Only some steps have the variants: `instructionNoTimer` (a step with a timer, when
 * none can be set), `instructionStanding` (a stretch that can be done standing), `retry` and `retryStanding` (a step
 * repeated until the cramp eases).
 */
export type StepText =
  | 'title'
  | 'instruction'
  | 'instructionNoTimer'
  | 'instructionStanding'
  | 'retry'
  | 'retryStanding'
  | 'details';

/**
 * Keys made from data ids (steps, screen questions, numbers), which the compiler sees only as strings:
 * the one place they become keys. tests/speech/keys.test.ts checks that every key the data can make
 * exists in every locale.
 */

export const stepKey = (routine: Routine, step: Step, field: StepText): MessageKey =>
  `routines.${routine.id}.steps.${step.id}.${field}` as MessageKey;

export const screenKey = (questionId: string): MessageKey => `screen.${questionId}` as MessageKey;

export const numberKey = (n: number): MessageKey => `numbers.${String(n)}` as MessageKey;

/** Why an urgent flag was raised, in the words the advice gives (`reason.<question, report or stop>`). */
export const reasonKey = (reason: string): MessageKey => `reason.${reason}` as MessageKey;

/** A question's or report's advice as a condition: "If you have chest pain…" (`condition.<id>`). */
export const conditionKey = (reason: string): MessageKey => `condition.${reason}` as MessageKey;
