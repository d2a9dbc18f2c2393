import { ROUTINES } from '../routines/data';
import { MAX_TIMED_HOLD_SECONDS, type RoutineId, type Side } from '../routines/types';
import { stepKey } from '../speech/keys';
import { routineName } from '../speech/step';
import type { MessageKey, Translate } from '../speech/translate';

/**
 * A red flag's screen, written for reading (the full wording stays in the speech): the action and its
 * number first, large, then at most two short lines.
 */
export interface FlagScreen {
  readonly kind: 'flag';
  readonly level: 'emergency' | 'urgent';
  /** What the advice depends on when it is given as a condition ("Chest pain or trouble breathing?"); '' after a clear yes. */
  readonly condition: string;
  /** What to do: "Call now", "Get checked today", "Go to A&E today". */
  readonly action: string;
  /** Words before the number, when the action does not lead into it ("or call"); ''. */
  readonly numberLabel: string;
  /** The number for the action, as people write it ("911", "1800 022 222"); '' when there is none. */
  readonly number: string;
  /** A second number said with it (en-IN: "or 108 for an ambulance"); ''. */
  readonly alternative: string;
  readonly lines: readonly [string, string] | readonly [string] | readonly [];
}

/** What an Echo Show shows with a response: a step card, a message screen, or a red flag's screen. Pure data. */
export type Display =
  | {
      readonly kind: 'step';
      readonly routineId: RoutineId;
      readonly index: number;
      /** One timed hold in seconds, as spoken (preferences applied); 0 for steps without a timed hold. */
      readonly holdSeconds: number;
      /** About when the first hold starts after the card appears (the speech before "Hold."); 0 untimed. */
      readonly holdStartsAfterMs: number;
    }
  | {
      readonly kind: 'message';
      readonly title: string;
      /** The words, often the speech as text (numbers are shown as written, pauses dropped). */
      readonly body: string;
    }
  | FlagScreen;

export const APL_TOKEN = 'calfCoachScreen';
/** The APL version the documents need; devices reporting an older runtime get no screen. */
export const APL_VERSION = '1.6';

/**
 * The three documents, saved in the skill package (skill-package/response/display/<name>/document.json:
 * one layout per viewport profile, with its sizes as resources) and sent as links, so they stay out of
 * the Lambda bundle.
 */
export const DOCUMENT_LINKS = {
  step: 'doc://alexa/apl/documents/step',
  message: 'doc://alexa/apl/documents/message',
  flag: 'doc://alexa/apl/documents/flag',
} as const;

export interface RenderDocument {
  readonly type: 'Alexa.Presentation.APL.RenderDocument';
  readonly token: string;
  readonly document: { readonly type: 'Link'; readonly src: string };
  readonly datasources: Record<string, unknown>;
}

const SIDE_KEYS: Readonly<Record<Side, MessageKey | undefined>> = {
  affected: 'display.side.affected',
  both: 'display.side.both',
  leftThenRight: 'display.side.leftThenRight',
  none: undefined,
};

/**
 * A phone number as people write it, from its digits: Australia's 1800 numbers in their three groups
 * ("1800 022 222"); short and service numbers whole ("911", "116117").
 */
export function writtenNumber(digits: string): string {
  const grouped = /^(1[38]00)(\d{3})(\d{3})$/.exec(digits);
  return grouped ? `${grouped[1] ?? ''} ${grouped[2] ?? ''} ${grouped[3] ?? ''}` : digits;
}

/**
 * Speech as text, made for reading: digits spoken one by one ("9 1 1") written as the number ("911"),
 * the pauses (shown as "…" in transcripts) dropped, and no space left before punctuation (the speech
 * spaces a number from its full stop, spoken digit by digit or in words: "triple zero .").
 */
export function readable(text: string): string {
  return text
    .replace(/\d(?: \d)+(?!\d)/g, (run) => writtenNumber(run.replace(/ /g, '')))
    .replace(/\s*…\s*/g, ' ')
    .replace(/\s+([.,:;!?])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Text-size classes, by length: the documents size each class per viewport profile so that the longest
 * text of the class fits its budget (lambda/display/README.md lists the budgets).
 */
export type SizeClass = 'large' | 'medium' | 'small';
export const SIZE_CLASS_LIMITS = { instruction: [90, 170], body: [90, 200] } as const;

function sizeClass(text: string, [large, medium]: readonly [number, number]): SizeClass {
  return text.length <= large ? 'large' : text.length <= medium ? 'medium' : 'small';
}

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

function duration(seconds: number, t: Translate): string {
  if (seconds >= 60 && seconds % 60 === 0) {
    const n = seconds / 60;
    return t(n === 1 ? 'display.time.minute' : 'display.time.minutes', { n: String(n) });
  }
  return t(seconds === 1 ? 'display.time.second' : 'display.time.seconds', { n: String(seconds) });
}

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
    ? t('display.holdFor', { time: duration(display.holdSeconds, t) })
    : step.holdSeconds > MAX_TIMED_HOLD_SECONDS
      ? t(`display.long.${step.longHold ?? 'about'}`, { time: duration(step.holdSeconds, t) })
      : '';
  const instruction = t(stepKey(routine, step, 'instruction'));
  const title = t(stepKey(routine, step, 'title'));
  return {
    step: {
      /** The routine's name as a header: "Cramp relief routine". */
      routine: capitalised(routineName(routine, t)),
      progress: t('display.progress', { n: String(display.index + 1), total: String(routine.steps.length) }),
      title,
      /** The step's name as a heading: "The toe pull". */
      heading: capitalised(title),
      instruction,
      size: sizeClass(instruction, SIZE_CLASS_LIMITS.instruction),
      side: sideKey ? t(sideKey) : '',
      holdSeconds: timed ? display.holdSeconds : 0,
      countdownMs: timed ? display.holdSeconds * 1000 : 0,
      countdownDelayMs: timed ? display.holdStartsAfterMs : 0,
      holdLabel,
    },
  };
}

/**
 * A message screen's data. Only a safety question is safety text, and it always fits its budget in
 * full; any other body (a transcript of the speech) may be cut at its budget's last line.
 */
function messageDatasource(
  display: Extract<Display, { kind: 'message' }>,
  t: Translate,
): Record<string, unknown> {
  const body = readable(display.body);
  const safety = display.title === t('display.title.safety');
  return {
    message: {
      title: display.title,
      body,
      size: sizeClass(body, SIZE_CLASS_LIMITS.body),
      safety,
    },
  };
}

function flagDatasource(display: FlagScreen): Record<string, unknown> {
  return {
    flag: {
      level: display.level,
      condition: display.condition,
      action: display.action,
      numberLabel: display.numberLabel,
      number: display.number,
      // Numbers longer than a short code ("1800 022 222") get a smaller size to stay on one line.
      numberSize: display.number.length <= 6 ? 'large' : 'small',
      alternative: display.alternative,
      line1: display.lines[0] ?? '',
      line2: display.lines[1] ?? '',
    },
  };
}

export function renderDocument(display: Display, t: Translate): RenderDocument {
  const datasources =
    display.kind === 'step'
      ? stepDatasource(display, t)
      : display.kind === 'message'
        ? messageDatasource(display, t)
        : flagDatasource(display);
  return {
    type: 'Alexa.Presentation.APL.RenderDocument',
    token: APL_TOKEN,
    document: { type: 'Link', src: DOCUMENT_LINKS[display.kind] },
    datasources,
  };
}
