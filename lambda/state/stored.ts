import { isRoutineId, ROUTINES } from '../routines/data';
import type { RoutineId } from '../routines/types';
import type { Rate } from '../speech/ssml';

/**
 * What is persisted per user: progress and preferences only. Never a health answer: safety screen
 * answers and reported symptoms live in the session and nowhere else.
 */
export const STORED_SCHEMA_VERSION = 1;

export interface Progress {
  readonly routineId: RoutineId;
  /** Zero-based index of the step to carry on with. */
  readonly stepIndex: number;
  /**
   * When it was set (the turn's request time, ms): when two devices both moved, the newer wins.
   * Stamped by the save, never by a move.
   */
  readonly at?: number;
}

export interface Preferences {
  /** Multiplies timed holds; kept between 0.5 and 2. */
  readonly holdScale: number;
  readonly rate: Rate;
  readonly quiet: boolean;
}

export interface StoredState {
  readonly schemaVersion: typeof STORED_SCHEMA_VERSION;
  readonly progress?: Progress;
  readonly preferences: Preferences;
  /** Whether the one-time welcome with the disclaimer has been heard. */
  readonly welcomed: boolean;
  /** The daily stretch reminder this skill set (the Reminders API's alert token), to cancel it later. */
  readonly reminderToken?: string;
}

export const DEFAULT_PREFERENCES: Preferences = { holdScale: 1, rate: 'medium', quiet: false };
export const EMPTY_STORED: StoredState = {
  schemaVersion: STORED_SCHEMA_VERSION,
  preferences: DEFAULT_PREFERENCES,
  welcomed: false,
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** No own enumerable keys (as Object.keys would list none), without making the list: this runs every turn. */
function isEmptyRecord(value: Record<string, unknown>): boolean {
  for (const key in value) if (Object.hasOwn(value, key)) return false;
  return true;
}

function parseProgress(value: unknown): Progress | undefined {
  if (!isRecord(value)) return undefined;
  const { routineId, stepIndex } = value;
  // A step of that routine: a place past its end did not come from this skill.
  if (
    !isRoutineId(routineId) ||
    typeof stepIndex !== 'number' ||
    !Number.isInteger(stepIndex) ||
    stepIndex < 0 ||
    stepIndex >= ROUTINES[routineId].steps.length
  ) {
    return undefined;
  }
  const at = value.at;
  return typeof at === 'number' && Number.isSafeInteger(at) && at > 0
    ? { routineId, stepIndex, at }
    : { routineId, stepIndex };
}

function parsePreferences(value: unknown): Preferences {
  if (!isRecord(value)) return DEFAULT_PREFERENCES;
  const { holdScale, rate, quiet } = value;
  return {
    holdScale:
      typeof holdScale === 'number' && Number.isFinite(holdScale) ? Math.min(2, Math.max(0.5, holdScale)) : 1,
    rate: rate === 'slow' || rate === 'fast' ? rate : 'medium',
    quiet: quiet === true,
  };
}

export type ParseResult = { readonly state: StoredState; readonly problem?: string };

/** Turns stored state of one schema version into the next; keyed by the version it upgrades from. */
export type Migration = (raw: Record<string, unknown>) => Record<string, unknown>;

/** The migration path: when version 2 comes, `1: (v1) => v2` goes here and old items upgrade on read. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

function migrate(
  raw: Record<string, unknown>,
  migrations: Readonly<Record<number, Migration>>,
): Record<string, unknown> {
  let current = raw;
  for (;;) {
    const version = current.schemaVersion;
    if (typeof version !== 'number' || version >= STORED_SCHEMA_VERSION) return current;
    const step = Object.hasOwn(migrations, version) ? migrations[version] : undefined;
    if (!step) return current;
    current = step(current);
  }
}

/**
 * Reads stored attributes defensively: whitelisted fields only. Unknown versions and corrupt data
 * count as no progress, with a problem to log; a future version 2 migrates here.
 */
export function parseStored(
  raw: unknown,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
): ParseResult {
  if (raw === undefined || raw === null || (isRecord(raw) && isEmptyRecord(raw))) {
    return { state: EMPTY_STORED };
  }
  if (!isRecord(raw)) return { state: EMPTY_STORED, problem: 'stored state is not an object' };
  raw = migrate(raw, migrations);
  if (!isRecord(raw)) return { state: EMPTY_STORED, problem: 'migration did not give an object' };
  if (raw.schemaVersion !== STORED_SCHEMA_VERSION) {
    return {
      state: EMPTY_STORED,
      problem: `unknown stored schema version ${JSON.stringify(raw.schemaVersion)}`,
    };
  }
  const progress = parseProgress(raw.progress);
  const state: StoredState = {
    schemaVersion: STORED_SCHEMA_VERSION,
    preferences: parsePreferences(raw.preferences),
    welcomed: raw.welcomed === true,
    progress,
    reminderToken:
      typeof raw.reminderToken === 'string' && raw.reminderToken.length < 200 ? raw.reminderToken : undefined,
  };
  const problem = raw.progress !== undefined && !progress ? 'corrupt stored progress dropped' : undefined;
  return problem ? { state, problem } : { state };
}

/** storedFingerprint's `|`-separated segments, one per field (progress has two). */
function fingerprintSegments(state: StoredState): string[] {
  const { schemaVersion, welcomed, preferences, progress, reminderToken } = state;
  // The token is last and free text; every field before it is a number, a boolean or a fixed word.
  return [
    String(schemaVersion),
    String(welcomed),
    String(preferences.holdScale),
    preferences.rate,
    String(preferences.quiet),
    progress ? progress.routineId : '-',
    progress ? String(progress.stepIndex) : '-',
    reminderToken === undefined ? '-' : `+${reminderToken}`,
  ];
}

/** A compact, field-by-field form of the stored state, to tell whether it changed in a turn. */
export function storedFingerprint(state: StoredState): string {
  return fingerprintSegments(state).join('|');
}

/**
 * After a failed read, a session runs on defaults. When the store answers again, its state is the
 * base, and what this session set on top of the defaults (a place in a routine, preferences) wins.
 */
export function mergeAfterFailedRead(fromStore: StoredState, fromSession: StoredState): StoredState {
  const changedPrefs =
    storedFingerprint({ ...EMPTY_STORED, preferences: fromSession.preferences }) !==
    storedFingerprint(EMPTY_STORED);
  const progress = fromSession.progress ?? fromStore.progress;
  const reminderToken = fromSession.reminderToken ?? fromStore.reminderToken;
  return {
    schemaVersion: STORED_SCHEMA_VERSION,
    preferences: changedPrefs ? fromSession.preferences : fromStore.preferences,
    welcomed: fromStore.welcomed || fromSession.welcomed,
    ...(progress ? { progress } : {}),
    ...(reminderToken ? { reminderToken } : {}),
  };
}

/**
 * What a turn can change in the store, field by field: the unit of a write, of a conflict and of a merge.
 * Each preference is its own field, so two devices changing different preferences both keep theirs.
 */
export type StoredField = 'welcomed' | 'holdScale' | 'rate' | 'quiet' | 'progress' | 'reminderToken';

const FINGERPRINT_FIELDS: readonly (readonly [StoredField, number, number])[] = [
  // [field, first segment, segment after the last] of storedFingerprint's `|`-separated segments.
  ['welcomed', 1, 2],
  ['holdScale', 2, 3],
  ['rate', 3, 4],
  ['quiet', 4, 5],
  ['progress', 5, 7],
];
const FINGERPRINT_SEGMENTS = 8;
const TOKEN_SEGMENT = FINGERPRINT_SEGMENTS - 1;

/**
 * Saved fingerprints, split into segments: a session carries the same one back on every turn until
 * its next write, so each is split once and kept. Bounded whatever sessions carry: a full cache starts over.
 */
const savedSegments = new Map<string, readonly string[]>();
export const MAX_SPLIT_FINGERPRINTS = 1000;

function segmentsOf(fingerprint: string): readonly string[] {
  let segments = savedSegments.get(fingerprint);
  if (segments === undefined) {
    segments = fingerprint.split('|');
    if (savedSegments.size >= MAX_SPLIT_FINGERPRINTS) savedSegments.clear();
    savedSegments.set(fingerprint, segments);
  }
  return segments;
}

/**
 * The fields of `next` that differ from what the store held when `savedFingerprint` was taken. A
 * fingerprint that is not one of ours (a stale or tampered session) counts as every field changed.
 */
export function changedFields(savedFingerprint: string, next: StoredState): StoredField[] {
  const before = segmentsOf(savedFingerprint);
  const after = fingerprintSegments(next);
  if (before.length < FINGERPRINT_SEGMENTS || before[0] !== after[0]) {
    return ['welcomed', 'holdScale', 'rate', 'quiet', 'progress', 'reminderToken'];
  }
  const changed: StoredField[] = [];
  for (const [field, from, to] of FINGERPRINT_FIELDS) {
    for (let i = from; i < to; i++) {
      if (before[i] !== after[i]) {
        changed.push(field);
        break;
      }
    }
  }
  // The token is free text and last: everything from its segment on.
  const token =
    before.length === FINGERPRINT_SEGMENTS ? before[TOKEN_SEGMENT] : before.slice(TOKEN_SEGMENT).join('|');
  if (token !== after[TOKEN_SEGMENT]) changed.push('reminderToken');
  return changed;
}

/** Progress as written: its fields, `at` only when it is set. */
function progressAttributes(progress: Progress): Record<string, unknown> {
  const { routineId, stepIndex, at } = progress;
  return at !== undefined ? { routineId, stepIndex, at } : { routineId, stepIndex };
}

/** The stored item as written whole: the fields of the schema, nothing else. */
export function storedAttributes(state: StoredState): Record<string, unknown> {
  const { schemaVersion, preferences, welcomed, progress, reminderToken } = state;
  return {
    schemaVersion,
    preferences: { holdScale: preferences.holdScale, rate: preferences.rate, quiet: preferences.quiet },
    welcomed,
    ...(progress ? { progress: progressAttributes(progress) } : {}),
    ...(reminderToken !== undefined ? { reminderToken } : {}),
  };
}

/**
 * The item's top-level attributes that carry `fields`, with their values in `state` (undefined: remove
 * it). Preferences are written as one map.
 */
export function storedChanges(state: StoredState, fields: readonly StoredField[]): Record<string, unknown> {
  const { preferences, progress } = state;
  const changes: Record<string, unknown> = {};
  for (const field of fields) {
    if (field === 'holdScale' || field === 'rate' || field === 'quiet') {
      changes.preferences = {
        holdScale: preferences.holdScale,
        rate: preferences.rate,
        quiet: preferences.quiet,
      };
    } else if (field === 'progress') {
      changes.progress = progress ? progressAttributes(progress) : undefined;
    } else changes[field] = state[field];
  }
  return changes;
}

/**
 * Two devices, one user: the store moved on since this session read it. Field by field, what this turn
 * (at `oursAt`) changed goes on top of what the store holds now; everything else is the store's.
 * Progress both moved: the newer wins (by the time each was set). The welcome, once heard anywhere,
 * stays heard.
 */
export function mergeStored(
  current: StoredState,
  ours: StoredState,
  changed: readonly StoredField[],
  oursAt: number,
): StoredState {
  const has = (field: StoredField): boolean => changed.includes(field);
  // Set or cleared at `oursAt` (this turn's time); progress the store holds from a later turn stays.
  const oursNewer = oursAt >= (current.progress?.at ?? 0);
  const progress = has('progress') && oursNewer ? ours.progress : current.progress;
  const reminderToken = has('reminderToken') ? ours.reminderToken : current.reminderToken;
  return {
    schemaVersion: STORED_SCHEMA_VERSION,
    preferences: {
      holdScale: has('holdScale') ? ours.preferences.holdScale : current.preferences.holdScale,
      rate: has('rate') ? ours.preferences.rate : current.preferences.rate,
      quiet: has('quiet') ? ours.preferences.quiet : current.preferences.quiet,
    },
    welcomed: current.welcomed || ours.welcomed,
    ...(progress ? { progress } : {}),
    ...(reminderToken !== undefined ? { reminderToken } : {}),
  };
}
