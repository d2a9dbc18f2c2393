import { isRoutineId } from '../routines/data';
import type { RoutineId } from '../routines/types';
import type { FlagLevel, FlagReason } from '../safety/red-flags';
import type { Part, Speech } from '../speech/ssml';
import { EMPTY_STORED, parseStored, storedFingerprint, type StoredState } from './stored';

/** A question waiting for a yes or no. */
export type Pending =
  | {
      readonly kind: 'screen';
      readonly stage: 'short' | 'full';
      /** Which question of the stage. */
      readonly question: number;
      /** The step to go on with once the screen is clear. */
      readonly from: number;
      readonly unclear: number;
    }
  | { readonly kind: 'heatCold'; readonly step: number; readonly unclear: number }
  | { readonly kind: 'easing' }
  | { readonly kind: 'resume' }
  /** "Would you like a reminder to stretch every evening?" */
  | { readonly kind: 'reminderOffer' }
  /** "What time should I remind you?" */
  | { readonly kind: 'reminderTime' }
  /** A red-flag question asked after answering a question (facts §5), outside any routine's screen. */
  | {
      readonly kind: 'flagCheck';
      /** The question being asked, and the ones still to ask after it. */
      readonly question: string;
      readonly then: readonly string[];
      readonly unclear: number;
    };

/** Safety answers for this session only: never persisted. */
export interface Screening {
  readonly short: boolean;
  readonly full: boolean;
  /** undefined: not asked yet; true: heat and cold are fine; false: skip them. */
  readonly heatColdOk?: boolean;
  /** No massage, heat or cold on that area (broken skin). */
  readonly skipTouch: boolean;
}

export interface Flag {
  readonly level: FlagLevel;
  readonly reason: FlagReason;
}

export const SESSION_SCHEMA_VERSION = 1;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

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
  /** Cramp clock: the session's first turn (request timestamp, ms), whether it eased, whether warned. */
  readonly sessionStartMs: number;
  readonly eased: boolean;
  readonly clockWarned: boolean;
  /** The last thing said, replayed by "repeat" outside a step. */
  readonly lastSpeech?: Speech;
  readonly lastReprompt?: Speech;
  /** The persisted state, read once per session, and the fingerprint of what the store holds (to skip needless writes). */
  readonly stored: StoredState;
  readonly savedFingerprint: string;
  /** The store could not be read this session: nothing is written until a read succeeds. */
  readonly storeUnread?: boolean;
}

export const NO_SCREENING: Screening = { short: false, full: false, skipTouch: false };

export function newSession(
  nowMs: number,
  stored: StoredState = EMPTY_STORED,
  savedFingerprint = storedFingerprint(stored),
): SessionState {
  return {
    v: SESSION_SCHEMA_VERSION,
    sessionStartMs: nowMs,
    stepIndex: -1,
    tries: 0,
    screening: NO_SCREENING,
    eased: false,
    clockWarned: false,
    stored,
    savedFingerprint,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parsePending(value: unknown): Pending | undefined {
  if (!isRecord(value)) return undefined;
  const int = (v: unknown): number | undefined =>
    typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined;
  const unclear = int(value.unclear) ?? 0;
  switch (value.kind) {
    case 'screen': {
      const question = int(value.question);
      const from = int(value.from);
      if (
        (value.stage === 'short' || value.stage === 'full') &&
        question !== undefined &&
        from !== undefined
      ) {
        return { kind: 'screen', stage: value.stage, question, from, unclear };
      }
      return undefined;
    }
    case 'flagCheck': {
      const then = Array.isArray(value.then)
        ? value.then.filter((q): q is string => typeof q === 'string')
        : [];
      return typeof value.question === 'string'
        ? { kind: 'flagCheck', question: value.question, then, unclear }
        : undefined;
    }
    case 'heatCold': {
      const step = int(value.step);
      return step === undefined ? undefined : { kind: 'heatCold', step, unclear };
    }
    case 'easing':
    case 'resume':
    case 'reminderOffer':
    case 'reminderTime':
      return { kind: value.kind };
    default:
      return undefined;
  }
}

function parsePart(value: unknown): Part | undefined {
  if (!isRecord(value)) return undefined;
  if (typeof value.text === 'string') return { text: value.text };
  if (typeof value.pause === 'number' && Number.isFinite(value.pause)) return { pause: value.pause };
  if (typeof value.digits === 'string' && /^\d{1,12}$/.test(value.digits)) {
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
  if (!level) return undefined;
  const reasons = ['emergencySigns', 'clot', 'injury', 'circulation', 'other'] as const;
  const reason = reasons.find((r) => r === value.reason) ?? 'other';
  return { level, reason };
}

/**
 * Session attributes come back from the device as sent, but a stale or tampered session must never
 * crash a turn: anything malformed falls back to a fresh state. A flag, once raised, is never dropped.
 */
export function parseSession(raw: unknown, nowMs: number): SessionState | undefined {
  if (!isRecord(raw) || raw.v !== SESSION_SCHEMA_VERSION) return undefined;
  const { state: stored } = parseStored(raw.stored);
  const screening = isRecord(raw.screening) ? raw.screening : {};
  const num = (v: unknown, fallback: number): number =>
    typeof v === 'number' && Number.isFinite(v) ? v : fallback;
  // Built field by field rather than by spreads: this runs on every turn.
  const state: Mutable<SessionState> = newSession(
    num(raw.sessionStartMs, nowMs),
    stored,
    typeof raw.savedFingerprint === 'string' ? raw.savedFingerprint : storedFingerprint(stored),
  );
  if (isRoutineId(raw.routineId)) state.routineId = raw.routineId;
  state.stepIndex = Math.trunc(num(raw.stepIndex, -1));
  state.tries = Math.trunc(num(raw.tries, 0));
  state.screening = {
    short: screening.short === true,
    full: screening.full === true,
    skipTouch: screening.skipTouch === true,
    heatColdOk: typeof screening.heatColdOk === 'boolean' ? screening.heatColdOk : undefined,
  };
  const flag =
    parseFlag(raw.flag) ?? (raw.flag !== undefined ? { level: 'urgent', reason: 'other' } : undefined);
  if (flag) state.flag = flag;
  const pending = parsePending(raw.pending);
  if (pending) state.pending = pending;
  state.eased = raw.eased === true;
  state.clockWarned = raw.clockWarned === true;
  if (raw.storeUnread === true) state.storeUnread = true;
  const lastSpeech = parseSpeech(raw.lastSpeech);
  const lastReprompt = parseSpeech(raw.lastReprompt);
  if (lastSpeech && lastReprompt) {
    state.lastSpeech = lastSpeech;
    state.lastReprompt = lastReprompt;
  }
  return state;
}
