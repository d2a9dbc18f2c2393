import type { Routine, Step } from '../routines/types';
import type { MessageKey } from './translate';

/**
 * Keys made from data ids (steps, screen questions, numbers), which the compiler sees only as strings:
 * the one place they become keys. tests/speech/keys.test.ts checks that every key the data can make
 * exists in every locale.
 */

export const stepKey = (
  routine: Routine,
  step: Step,
  field: 'title' | 'instruction' | 'details',
): MessageKey => `routines.${routine.id}.steps.${step.id}.${field}` as MessageKey;

export const screenKey = (questionId: string): MessageKey => `screen.${questionId}` as MessageKey;

export const numberKey = (n: number): MessageKey => `numbers.${String(n)}` as MessageKey;
