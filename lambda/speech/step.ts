import type { Routine, Step } from '../routines/types';
import { MAX_TIMED_HOLD_SECONDS } from '../routines/types';
import { holdChain } from './holds';
import { stepKey, type StepText } from './keys';
import { spokenDuration, spokenNumber } from './numbers';
import { say, type Part, type Speech } from './ssml';
import type { Translate } from './translate';

export const routineName = (routine: Routine, t: Translate): string => t(`routines.${routine.id}.name`);

/** A timed hold, scaled by the person's preference, kept between 10 and 90 seconds. */
export function scaledHold(step: Step, holdScale: number): number {
  if (step.holdSeconds > MAX_TIMED_HOLD_SECONDS) return step.holdSeconds;
  return Math.min(90, Math.max(10, Math.round((step.holdSeconds * holdScale) / 5) * 5));
}

function timedHolds(step: Step, seconds: number, t: Translate): Part[] {
  const sides = step.side === 'leftThenRight' ? 2 : 1;
  const parts: Part[] = [];
  if (step.kind === 'stretch' || step.kind === 'massage') parts.push(say(t(`cue.${step.kind}`)));
  for (let side = 0; side < sides; side++) {
    if (step.side === 'leftThenRight') parts.push(say(t(side === 0 ? 'side.left' : 'side.other')));
    for (let repeat = 0; repeat < step.repeats; repeat++) {
      if (repeat > 0) parts.push(say(t('hold.onceMore')));
      parts.push(...holdChain(seconds, `hold.start.${step.kind}`, `hold.end.${step.kind}`, t));
    }
  }
  return parts;
}

/** Step speech depends only on the translator, the step and the hold scale: built once, then reused. */
const builtSteps = new WeakMap<Translate, Map<string, Speech>>();
const MAX_BUILT_STEPS = 500;

/** "Step two of four." The instruction, then the hold, sides and repeats, with short cues. */
export function stepSpeech(
  routine: Routine,
  index: number,
  holdScale: number,
  t: Translate,
  instruction: Extract<StepText, 'instruction' | 'instructionNoTimer'> = 'instruction',
): Speech {
  let built = builtSteps.get(t);
  if (!built) {
    built = new Map();
    builtSteps.set(t, built);
  }
  const id = `${routine.id}:${String(index)}:${String(holdScale)}:${instruction}`;
  let speech = built.get(id);
  if (!speech) {
    speech = buildStepSpeech(routine, index, holdScale, t, instruction);
    // Hold scales come from stored preferences: keep the cache bounded whatever is stored.
    if (built.size < MAX_BUILT_STEPS) built.set(id, speech);
  }
  return speech;
}

function buildStepSpeech(
  routine: Routine,
  index: number,
  holdScale: number,
  t: Translate,
  instruction: StepText,
): Speech {
  const step = routine.steps[index];
  if (step === undefined) return [];
  const parts: Part[] = [
    say(t('step.heading', { n: spokenNumber(index + 1, t), total: spokenNumber(routine.steps.length, t) })),
    say(t(stepKey(routine, step, instruction))),
  ];
  if (step.holdSeconds > MAX_TIMED_HOLD_SECONDS) {
    parts.push(
      say(t(`hold.long.${step.longHold ?? 'about'}`, { time: spokenDuration(step.holdSeconds, t) })),
    );
  } else if (step.holdSeconds > 0) {
    parts.push(...timedHolds(step, scaledHold(step, holdScale), t));
  }
  return parts;
}

/** What to say after a step: the easing question or what the person can say next. */
export function afterStep(
  routine: Routine,
  index: number,
  t: Translate,
): { prompt: string; reprompt: string; asksEasing: boolean } {
  const step = routine.steps[index];
  if (step?.checkEasing) {
    return { prompt: t('easing.question'), reprompt: t('easing.reprompt'), asksEasing: true };
  }
  const last = index >= routine.steps.length - 1;
  return {
    prompt: t(last ? 'step.promptLast' : 'step.prompt'),
    reprompt: t(last ? 'step.repromptLast' : 'step.reprompt'),
    asksEasing: false,
  };
}
