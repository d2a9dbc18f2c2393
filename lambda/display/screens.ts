import { ROUTINES } from '../routines/data';
import { MAX_TIMED_HOLD_SECONDS, type RoutineId, type Side } from '../routines/types';
import { spokenDuration } from '../speech/numbers';
import { stepKey } from '../speech/keys';
import { routineName } from '../speech/step';
import type { MessageKey, Translate } from '../speech/translate';
import messageDocument from './message.json';
import stepDocument from './step.json';

/** What an Echo Show shows with a response: a step card, or a message screen. Pure data. */
export type Display =
  | {
      readonly kind: 'step';
      readonly routineId: RoutineId;
      readonly index: number;
      /** One timed hold in seconds, as spoken (preferences applied); 0 for steps without a timed hold. */
      readonly holdSeconds: number;
    }
  | {
      readonly kind: 'message';
      readonly title: string;
      readonly body: string;
      readonly number?: string;
      readonly urgent?: boolean;
    };

export const APL_TOKEN = 'calfCoachScreen';
/** The APL version the documents need; devices reporting an older runtime get no screen. */
export const APL_VERSION = stepDocument.version;

export interface RenderDocument {
  readonly type: 'Alexa.Presentation.APL.RenderDocument';
  readonly token: string;
  readonly document: Record<string, unknown>;
  readonly datasources: Record<string, unknown>;
}

const SIDE_KEYS: Readonly<Record<Side, MessageKey | undefined>> = {
  affected: 'display.side.affected',
  both: 'display.side.both',
  leftThenRight: 'display.side.leftThenRight',
  none: undefined,
};

/** The step card's data, from the same routine data and strings the step is spoken from. */
export function stepDatasource(
  display: Extract<Display, { kind: 'step' }>,
  t: Translate,
): Record<string, unknown> {
  const routine = ROUTINES[display.routineId];
  const step = routine.steps[display.index];
  if (!step) return { step: {} };
  const timed = display.holdSeconds > 0 && display.holdSeconds <= MAX_TIMED_HOLD_SECONDS;
  const sideKey = SIDE_KEYS[step.side];
  const holdLabel = timed
    ? t('display.holdFor', { time: spokenDuration(display.holdSeconds, t) })
    : step.holdSeconds > MAX_TIMED_HOLD_SECONDS
      ? t(`display.long.${step.longHold ?? 'about'}`, { time: spokenDuration(step.holdSeconds, t) })
      : '';
  return {
    step: {
      routine: routineName(routine, t),
      progress: t('display.progress', { n: String(display.index + 1), total: String(routine.steps.length) }),
      title: t(stepKey(routine, step, 'title')),
      instruction: t(stepKey(routine, step, 'instruction')),
      side: sideKey ? t(sideKey) : '',
      holdSeconds: timed ? display.holdSeconds : 0,
      countdownMs: timed ? display.holdSeconds * 1000 : 0,
      holdLabel,
    },
  };
}

export function renderDocument(display: Display, t: Translate): RenderDocument {
  if (display.kind === 'step') {
    return {
      type: 'Alexa.Presentation.APL.RenderDocument',
      token: APL_TOKEN,
      document: stepDocument,
      datasources: stepDatasource(display, t),
    };
  }
  return {
    type: 'Alexa.Presentation.APL.RenderDocument',
    token: APL_TOKEN,
    document: messageDocument,
    datasources: {
      message: {
        title: display.title,
        body: display.body,
        number: display.number ?? '',
        urgent: display.urgent === true,
      },
    },
  };
}
