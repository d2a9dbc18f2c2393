import {
  EMPTY_STORED,
  mergeAfterFailedRead,
  parseStored,
  storedFingerprint,
  STORED_SCHEMA_VERSION,
  type Migration,
} from '../../lambda/state/stored';

describe('stored state', () => {
  it('keeps only whitelisted fields', () => {
    const { state } = parseStored({
      schemaVersion: 1,
      progress: { routineId: 'cramp', stepIndex: 2, painLevel: 9 },
      preferences: { holdScale: 7, rate: 'slow', quiet: true, extra: 1 },
      welcomed: true,
      lastAnswer: 'yes, chest pain',
    });
    expect(state).toEqual({
      schemaVersion: 1,
      progress: { routineId: 'cramp', stepIndex: 2 },
      preferences: { holdScale: 2, rate: 'slow', quiet: true },
      welcomed: true,
    });
  });

  it('treats unknown versions and corrupt data as no progress, and says why', () => {
    expect(parseStored({ schemaVersion: 9, progress: { routineId: 'cramp', stepIndex: 1 } })).toEqual({
      state: EMPTY_STORED,
      problem: 'unknown stored schema version 9',
    });
    expect(parseStored('text').problem).toBe('stored state is not an object');
    expect(parseStored({ schemaVersion: 1, progress: { routineId: 'x', stepIndex: 1 } }).problem).toBe(
      'corrupt stored progress dropped',
    );
    expect(parseStored({})).toEqual({ state: EMPTY_STORED });
  });

  it('has a migration path: older items are upgraded step by step on read', () => {
    const migrations: Record<number, Migration> = {
      [STORED_SCHEMA_VERSION - 1]: (old) => ({
        schemaVersion: STORED_SCHEMA_VERSION,
        progress: { routineId: old.routine, stepIndex: old.step },
      }),
    };
    const { state, problem } = parseStored(
      { schemaVersion: STORED_SCHEMA_VERSION - 1, routine: 'bedtime', step: 1 },
      migrations,
    );
    expect(problem).toBeUndefined();
    expect(state.progress).toEqual({ routineId: 'bedtime', stepIndex: 1 });
  });

  it('after a failed read, merges the store with what this session set', () => {
    const fromStore = {
      ...EMPTY_STORED,
      welcomed: true,
      progress: { routineId: 'bedtime' as const, stepIndex: 1 },
    };
    expect(mergeAfterFailedRead(fromStore, EMPTY_STORED)).toEqual(fromStore);
    const session = {
      ...EMPTY_STORED,
      progress: { routineId: 'cramp' as const, stepIndex: 0 },
      preferences: { holdScale: 1, rate: 'slow' as const, quiet: false },
    };
    expect(mergeAfterFailedRead(fromStore, session)).toEqual({ ...session, welcomed: true });
  });

  it('the fingerprint tells apart every change a turn can make', () => {
    const base = { ...EMPTY_STORED, progress: { routineId: 'cramp' as const, stepIndex: 1 } };
    const variants = [
      base,
      { ...base, welcomed: true },
      { ...base, progress: { routineId: 'cramp' as const, stepIndex: 2 } },
      { ...base, progress: { routineId: 'bedtime' as const, stepIndex: 1 } },
      { ...base, progress: undefined },
      { ...base, preferences: { ...base.preferences, holdScale: 1.5 } },
      { ...base, preferences: { ...base.preferences, rate: 'slow' as const } },
      { ...base, preferences: { ...base.preferences, quiet: true } },
      { ...base, reminderToken: '' },
      { ...base, reminderToken: 'abc' },
      { ...base, reminderToken: 'abc|d' },
    ];
    expect(new Set(variants.map(storedFingerprint)).size).toBe(variants.length);
    expect(storedFingerprint({ ...base })).toBe(storedFingerprint(base));
  });
});
