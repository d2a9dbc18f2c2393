import { isRoutineId, ROUTINES } from '../routines/data';
import type { Routine, RoutineId } from '../routines/types';
import {
  isFlagReason,
  isReportId,
  isScreenQuestionId,
  type FlagLevel,
  type FlagReason,
  type ReportId,
  type ScreenQuestionId,
} from '../safety/red-flags';
import type { Part, Speech } from '../speech/ssml';
import { EMPTY_STORED, parseStored, storedFingerprint, type StoredState } from './stored';

/** A safety question waiting for its answer: nothing past it happens until it is answered. */
export type SafetyPending =
  | {
      readonly kind: 'screen';
      /** Before the first step, before massage, heat or cold, or both merged for a session that starts there. */
      readonly stage: ScreenStage;
      /** Which question of the stage. */
      readonly question: number;
      /** The step to go on with once the screen is clear. */
      readonly from: number;
      readonly unclear: number;
    }
  /** A red-flag question asked after answering a question (facts §5), outside any routine's screen. */
  | {
      readonly kind: 'flagCheck';
      /** The question being asked, and the ones still to ask after it. */
      readonly question: ScreenQuestionId;
      readonly then: readonly ScreenQuestionId[];
      readonly unclear: number;
    }
  /**
   * "Is that what's happening?" after a report said out of the blue, or after a hedge at a red-flag
   * question (`hedged`: its no is that question's clear no); `back`: the question it interrupted.
   */
  | {
      readonly kind: 'reportCheck';
      readonly reason: ReportId | ScreenQuestionId;
      readonly back?: Pending;
      readonly unclear: number;
      readonly hedged?: true;
    }
  /** "Is the pain severe, or still getting worse?" after "it hurts more". */
  | { readonly kind: 'painCheck'; readonly back?: Pending; readonly unclear: number };

export type ScreenStage = 'short' | 'full' | 'resume';

/** A question waiting for an answer. */
export type Pending =
  | SafetyPending
  | { readonly kind: 'easing' }
  | { readonly kind: 'resume' }
  /** "Before you stand on it: do you feel dizzy or unsteady, or are your feet numb?" (facts §2.2) */
  | { readonly kind: 'standingCheck' }
  /** "Would you like a reminder to stretch every evening?" */
  | { readonly kind: 'reminderOffer' }
  /** "What time should I remind you?" */
  | { readonly kind: 'reminderTime' };

const SAFETY_KINDS: ReadonlySet<string> = new Set(['screen', 'flagCheck', 'reportCheck', 'painCheck']);

export function isSafetyPending(pending: Pending | undefined): pending is SafetyPending {
  return pending !== undefined && SAFETY_KINDS.has(pending.kind);
}

/** Safety answers for this session only: never persisted. */
export interface Screening {
  readonly short: boolean;
  readonly full: boolean;
  /** No massage, heat or cold (broken skin, reduced feeling, pain that got worse, or an unclear answer). */
  readonly skipTouch: boolean;
}

/**
 * A red flag or a hard stop: no stretch, massage, heat or cold follows in the session. `confirmed`:
 * a clear yes or a confirmed report, so the advice is an imperative; otherwise it is said as a condition.
 */
export interface Flag {
  readonly level: FlagLevel;
  readonly reason: FlagReason;
  readonly confirmed: boolean;
}

export const SESSION_SCHEMA_VERSION = 1;

export interface SessionState {
  readonly v: typeof SESSION_SCHEMA_VERSION;
  readonly routineId?: RoutineId;
  /** Zero-based index of the current step; -1 before the first one. */
  readonly stepIndex: number;
  /** How many times the current step has been done, for "is it easing?". */
  readonly tries: number;
  readonly screening: Screening;
  /** A red flag reported in this session: no stretch or massage step follows, whatever is said. */
  readonly flag?: Flag;
  readonly pending?: Pending;
  /** Cramp clock: the session's first turn (request timestamp, ms), and whether the cramp eased. */
  readonly sessionStartMs: number;
  readonly eased: boolean;
  /** The warmth timer's permission was asked for in this session (asked once). */
  readonly timerAsked: boolean;
  /** The person said they are already up: a stretch that can be done standing is read that way. */
  readonly standing: boolean;
  /** "Not medical advice" was said in this session: it is said once. */
  readonly disclaimed: boolean;
  /** The last thing said, replayed by "repeat" outside a step. */
  readonly lastSpeech?: Speech;
  readonly lastReprompt?: Speech;
  /** The persisted state, read once per session, and the fingerprint of what the store holds (to skip needless writes). */
  readonly stored: StoredState;
  readonly savedFingerprint: string;
  /** The store's version of the item when it was last read or written: a write expects it still (two devices). */
  readonly savedVersion: number;
  /** The store could not be read this session: nothing is written until a read succeeds. */
  readonly storeUnread?: boolean;
}

export const NO_SCREENING: Screening = { short: false, full: false, skipTouch: false };

const EMPTY_FINGERPRINT = storedFingerprint(EMPTY_STORED);

/**
 * Every state has every field, in this order (an absent one undefined, which JSON leaves out): one
 * object shape, which stateWith keeps, so that copies of it stay on V8's fast path.
 */
export function newSession(
  nowMs: number,
  stored: StoredState = EMPTY_STORED,
  savedFingerprint = stored === EMPTY_STORED ? EMPTY_FINGERPRINT : storedFingerprint(stored),
  savedVersion = 0,
): SessionState {
  return {
    v: SESSION_SCHEMA_VERSION,
    routineId: undefined,
    stepIndex: -1,
    tries: 0,
    screening: NO_SCREENING,
    flag: undefined,
    pending: undefined,
    sessionStartMs: nowMs,
    eased: false,
    timerAsked: false,
    standing: false,
    disclaimed: false,
    lastSpeech: undefined,
    lastReprompt: undefined,
    stored,
    savedFingerprint,
    savedVersion,
    storeUnread: undefined,
  };
}

/**
 * The state with `changes` made (an optional field given as undefined is cleared), built as one
 * literal in newSession's field order. Moves copy the state on every turn: a spread (`{ ...state, pending }`)
 * gives V8 another object shape at each place it copies, and a copy that has seen many shapes is slow.
 */
export function stateWith(state: SessionState, changes: Partial<SessionState>): SessionState {
  return {
    v: SESSION_SCHEMA_VERSION,
    routineId: 'routineId' in changes ? changes.routineId : state.routineId,
    stepIndex: changes.stepIndex ?? state.stepIndex,
    tries: changes.tries ?? state.tries,
    screening: changes.screening ?? state.screening,
    flag: 'flag' in changes ? changes.flag : state.flag,
    pending: 'pending' in changes ? changes.pending : state.pending,
    sessionStartMs: changes.sessionStartMs ?? state.sessionStartMs,
    eased: changes.eased ?? state.eased,
    timerAsked: changes.timerAsked ?? state.timerAsked,
    standing: changes.standing ?? state.standing,
    disclaimed: changes.disclaimed ?? state.disclaimed,
    lastSpeech: 'lastSpeech' in changes ? changes.lastSpeech : state.lastSpeech,
    lastReprompt: 'lastReprompt' in changes ? changes.lastReprompt : state.lastReprompt,
    stored: changes.stored ?? state.stored,
    savedFingerprint: changes.savedFingerprint ?? state.savedFingerprint,
    savedVersion: changes.savedVersion ?? state.savedVersion,
    storeUnread: 'storeUnread' in changes ? changes.storeUnread : state.storeUnread,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An integer in [min, max], or undefined. */
function intIn(value: unknown, min: number, max: number): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
    ? value
    : undefined;
}

/**
 * A question waiting, read against the routine under way: a screen question is one of that routine's,
 * for a step of it; the easing question needs a step to ease.
 */
function parsePending(value: unknown, routine: Routine | undefined, depth = 0): Pending | undefined {
  if (!isRecord(value)) return undefined;
  const unclear = Math.min(intIn(value.unclear, 0, 99) ?? 0, MAX_UNCLEAR);
  // A check interrupts one question at most: a `back` inside a `back` is not ours.
  const back = depth === 0 ? parsePending(value.back, routine, 1) : undefined;
  switch (value.kind) {
    case 'screen': {
      if (!routine || (value.stage !== 'short' && value.stage !== 'full' && value.stage !== 'resume'))
        return undefined;
      const questions =
        value.stage === 'short'
          ? routine.shortScreen
          : value.stage === 'full'
            ? routine.fullScreen
            : routine.resumeScreen;
      const question = intIn(value.question, 0, questions.length - 1);
      const from = intIn(value.from, 0, routine.steps.length);
      return question !== undefined && from !== undefined
        ? { kind: 'screen', stage: value.stage, question, from, unclear }
        : undefined;
    }
    case 'flagCheck': {
      const then = Array.isArray(value.then) ? value.then.filter(isScreenQuestionId).slice(0, 3) : [];
      return isScreenQuestionId(value.question)
        ? { kind: 'flagCheck', question: value.question, then, unclear }
        : undefined;
    }
    case 'reportCheck':
      return isReportId(value.reason) || isScreenQuestionId(value.reason)
        ? {
            kind: 'reportCheck',
            reason: value.reason,
            unclear,
            ...(back ? { back } : {}),
            ...(value.hedged === true && back ? { hedged: true } : {}),
          }
        : undefined;
    case 'painCheck':
      return { kind: 'painCheck', unclear, ...(back ? { back } : {}) };
    case 'easing':
    case 'standingCheck':
      return routine ? { kind: value.kind } : undefined;
    case 'resume':
    case 'reminderOffer':
    case 'reminderTime':
      return { kind: value.kind };
    default:
      return undefined;
  }
}

/** Unclear answers are counted only up to the one more try the screen allows. */
const MAX_UNCLEAR = 1;
/** Bounds for numbers a session carries back: tries of one step, the store's item version. */
const MAX_TRIES = 100;
const MAX_STEPS = Math.max(...Object.values(ROUTINES).map((each) => each.steps.length));
const MAX_VERSION = 2 ** 31;
/** storedFingerprint with the longest reminder token the store accepts is well under this. */
const MAX_FINGERPRINT = 400;

function parsePart(value: unknown): Part | undefined {
  if (!isRecord(value)) return undefined;
  if (typeof value.text === 'string') return { text: value.text };
  if (typeof value.pause === 'number' && Number.isFinite(value.pause)) return { pause: value.pause };
  if (typeof value.digits === 'string' && /^\d{1,12}( \d{1,12}){0,3}$/.test(value.digits)) {
    return value.slow === true ? { digits: value.digits, slow: true } : { digits: value.digits };
  }
  return undefined;
}

/** Alexa speaks at most 8,000 characters; a longer "last speech" did not come from this skill. */
const MAX_SPEECH_CHARACTERS = 8000;
const MAX_SPEECH_PARTS = 200;

/** Speech kept for "repeat": every part well formed and within Alexa's limits, or none of it. */
function parseSpeech(value: unknown): Speech | undefined {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_SPEECH_PARTS) return undefined;
  const parts: Part[] = [];
  let characters = 0;
  for (const item of value) {
    const part = parsePart(item);
    if (!part) return undefined;
    characters += 'text' in part ? part.text.length : 0;
    parts.push(part);
  }
  return characters <= MAX_SPEECH_CHARACTERS ? parts : undefined;
}

function parseFlag(value: unknown): Flag | undefined {
  if (!isRecord(value)) return undefined;
  const level = value.level === 'emergency' || value.level === 'urgent' ? value.level : undefined;
  if (!level || !isFlagReason(value.reason)) return undefined;
  return { level, reason: value.reason, confirmed: value.confirmed === true };
}

/**
 * Session attributes come back from the device as sent, but a stale or tampered session must never
 * crash a turn: anything malformed falls back to a fresh state. A flag, once raised, is never dropped.
 */
export function parseSession(raw: unknown, nowMs: number): SessionState | undefined {
  if (!isRecord(raw) || raw.v !== SESSION_SCHEMA_VERSION) return undefined;
  const { state: stored } = parseStored(raw.stored);
  const screening = isRecord(raw.screening) ? raw.screening : {};
  const routine = isRoutineId(raw.routineId) ? ROUTINES[raw.routineId] : undefined;
  // A step of the routine (of the longest, with none), or -1 (its opening questions); anything else did
  // not come from this skill, and counts as -1.
  const stepIndex = intIn(raw.stepIndex, -1, (routine?.steps.length ?? MAX_STEPS) - 1);
  const lastSpeech = parseSpeech(raw.lastSpeech);
  const lastReprompt = lastSpeech ? parseSpeech(raw.lastReprompt) : undefined;
  const replay = lastSpeech !== undefined && lastReprompt !== undefined;
  // Built as one literal in newSession's field order: this runs on every turn.
  return {
    v: SESSION_SCHEMA_VERSION,
    routineId: routine?.id,
    stepIndex: stepIndex ?? -1,
    tries: stepIndex !== undefined ? (intIn(raw.tries, 0, MAX_TRIES) ?? 0) : 0,
    screening:
      screening.short === true || screening.full === true || screening.skipTouch === true
        ? {
            short: screening.short === true,
            full: screening.full === true,
            skipTouch: screening.skipTouch === true,
          }
        : NO_SCREENING,
    // A flag, once raised, is never dropped: one we cannot read holds as the urgent advice, as a condition.
    flag:
      parseFlag(raw.flag) ??
      (raw.flag !== undefined ? { level: 'urgent', reason: 'clotSigns', confirmed: false } : undefined),
    pending: parsePending(raw.pending, routine),
    // The cramp clock started in this session: not in the future, and not before the epoch.
    sessionStartMs: intIn(raw.sessionStartMs, 0, nowMs) ?? nowMs,
    eased: raw.eased === true,
    timerAsked: raw.timerAsked === true,
    standing: raw.standing === true,
    disclaimed: raw.disclaimed === true,
    lastSpeech: replay ? lastSpeech : undefined,
    lastReprompt: replay ? lastReprompt : undefined,
    stored,
    savedFingerprint:
      typeof raw.savedFingerprint === 'string' && raw.savedFingerprint.length <= MAX_FINGERPRINT
        ? raw.savedFingerprint
        : storedFingerprint(stored),
    savedVersion: intIn(raw.savedVersion, 0, MAX_VERSION) ?? 0,
    storeUnread: raw.storeUnread === true ? true : undefined,
  };
}
