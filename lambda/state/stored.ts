import { isRoutineId } from '../routines/data';
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

function parseProgress(value: unknown): Progress | undefined {
  if (!isRecord(value)) return undefined;
  const { routineId, stepIndex } = value;
  if (
    !isRoutineId(routineId) ||
    typeof stepIndex !== 'number' ||
    !Number.isInteger(stepIndex) ||
    stepIndex < 0
  ) {
    return undefined;
  }
  return { routineId, stepIndex };
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
    const step = migrations[version];
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
  if (raw === undefined || raw === null || (isRecord(raw) && Object.keys(raw).length === 0)) {
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

/** A compact, field-by-field form of the stored state, to tell whether it changed in a turn. */
export function storedFingerprint(state: StoredState): string {
  const { schemaVersion, welcomed, preferences, progress, reminderToken } = state;
  // The token is last and free text; every field before it is a number, a boolean or a fixed word.
  return `${String(schemaVersion)}|${String(welcomed)}|${String(preferences.holdScale)}|${preferences.rate}|${String(preferences.quiet)}|${progress ? `${progress.routineId}|${String(progress.stepIndex)}` : '-|-'}|${reminderToken === undefined ? '-' : `+${reminderToken}`}`;
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
