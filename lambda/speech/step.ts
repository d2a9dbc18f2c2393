import type { Routine, Step } from '../routines/types';
import { MAX_TIMED_HOLD_SECONDS } from '../routines/types';
import { holdChain } from './holds';
import { stepKey } from './keys';
import { spokenDuration, spokenNumber } from './numbers';
import { pause, say, type Part, type Speech } from './ssml';
import type { Translate } from './translate';

export const routineName = (routine: Routine, t: Translate): string => t(`routines.${routine.id}.name`);

/** A timed hold, scaled by the person's preference, kept between 10 and 90 seconds. */
export function scaledHold(step: Step, holdScale: number): number {
  if (step.holdSeconds > MAX_TIMED_HOLD_SECONDS) return step.holdSeconds;
  return Math.min(90, Math.max(10, Math.round((step.holdSeconds * holdScale) / 5) * 5));
}

/** A short break before "Hold" after "Now the other leg" or "Once more": time to move. */
const MOVE_SECONDS = 3;

function holds(step: Step, seconds: number, t: Translate, sides: 'all' | 'other'): Part[] {
  const chain = (): Part[] => holdChain(seconds, `hold.start.${step.kind}`, `hold.end.${step.kind}`, t);
  if (sides === 'other') return [say(t('side.other')), pause(MOVE_SECONDS), ...chain()];
  const parts: Part[] = [];
  const count = step.side === 'leftThenRight' ? 2 : 1;
  for (let side = 0; side < count; side++) {
    if (step.side === 'leftThenRight') {
      parts.push(say(t(side === 0 ? 'side.left' : 'side.other')));
      if (side > 0) parts.push(pause(MOVE_SECONDS));
    }
    for (let repeat = 0; repeat < step.repeats; repeat++) {
      if (repeat > 0) parts.push(say(t('hold.onceMore')), pause(MOVE_SECONDS));
      parts.push(...chain());
    }
  }
  return parts;
}

/**
 * How a step is read: its instruction (or a variant: without a timer, standing, or the short retry),
 * with or without "Step two of four", or only the hold again for the other leg.
 */
export type Reading =
  'instruction' | 'instructionNoTimer' | 'instructionStanding' | 'retry' | 'retryStanding' | 'otherLeg';

const isRetry = (reading: Reading): boolean => reading === 'retry' || reading === 'retryStanding';

export interface ReadOptions {
  readonly reading?: Reading;
  /** "Step N of M." first; left out where every word counts (the first stretch of a cramp). */
  readonly heading?: boolean;
}

/**
 * Step speech depends only on the translator, the step, its hold as scaled (whole five seconds) and how
 * it is read: built once, then reused. Keyed by the scaled hold, not the scale (any number a stored or
 * session preference carries), and bounded whatever comes.
 */
const builtSteps = new WeakMap<Translate, Map<string, Speech>>();
export const MAX_BUILT_STEPS = 500;

/** "Step two of four." The instruction, then the hold, sides and repeats, with short cues. */
export function stepSpeech(
  routine: Routine,
  index: number,
  holdScale: number,
  t: Translate,
  { reading = 'instruction', heading = true }: ReadOptions = {},
): Speech {
  let built = builtSteps.get(t);
  if (!built) {
    built = new Map();
    builtSteps.set(t, built);
  }
  const step = routine.steps[index];
  const hold = step === undefined ? 0 : scaledHold(step, holdScale);
  const id = `${routine.id}:${String(index)}:${String(hold)}:${reading}:${String(heading)}`;
  let speech = built.get(id);
  if (!speech) {
    speech = buildStepSpeech(routine, index, holdScale, t, reading, heading);
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
  reading: Reading,
  heading: boolean,
): Speech {
  const step = routine.steps[index];
  if (step === undefined) return [];
  const timed = step.holdSeconds > 0 && step.holdSeconds <= MAX_TIMED_HOLD_SECONDS;
  const seconds = scaledHold(step, holdScale);
  if (reading === 'otherLeg') return timed ? holds(step, seconds, t, 'other') : [say(t('side.other'))];
  const parts: Part[] = [];
  if (heading && !isRetry(reading)) {
    parts.push(
      say(t('step.heading', { n: spokenNumber(index + 1, t), total: spokenNumber(routine.steps.length, t) })),
    );
  }
  parts.push(say(t(stepKey(routine, step, reading))));
  if (step.holdSeconds > MAX_TIMED_HOLD_SECONDS) {
    parts.push(
      say(t(`hold.long.${step.longHold ?? 'about'}`, { time: spokenDuration(step.holdSeconds, t) })),
    );
  } else if (timed) {
    if (!isRetry(reading) && (step.kind === 'stretch' || step.kind === 'massage'))
      parts.push(say(t(`cue.${step.kind}`)));
    parts.push(...holds(step, seconds, t, 'all'));
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
