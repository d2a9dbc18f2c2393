import type { HandlerInput, PersistenceAdapter, ResponseInterceptor } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { settled, type Outcome } from '../conversation/outcome';
import type { Deadline } from '../deadline';
import { errorMessage, log } from '../log';
import { isFieldStore, type FieldStore } from '../persistence/field-store';
import { stateWith, type SessionState } from '../state/session';
import {
  changedFields,
  mergeStored,
  parseStored,
  storedAttributes,
  storedChanges,
  storedFingerprint,
  type StoredField,
  type StoredState,
} from '../state/stored';
import { requestTime, SESSION_KEY } from './load';
import { addNotice } from './render';
import { outcomeOf, turnOf } from './turn';

/** The turn's clock, as the load read it (or the request's, for a turn it did not load). */
function turnAt(input: HandlerInput): number {
  try {
    return turnOf(input).ctx.nowMs;
  } catch {
    return requestTime(input);
  }
}

/** The turn's deadline, as the load set it (none for a turn it did not load). */
function deadlineOf(input: HandlerInput): Deadline | undefined {
  try {
    return turnOf(input).deadline;
  } catch {
    return undefined;
  }
}

/**
 * "From now on" is not true of a preference the store did not keep (a write that failed, or a store
 * that could not be read): when this turn changed one, the answer says it could not be saved.
 */
function tellIfPreferenceLost(input: HandlerInput, response: Response, outcome: Outcome): void {
  const { state, ctx } = turnOf(input);
  const before = state.stored.preferences;
  const after = outcome.state.stored.preferences;
  const changed =
    before.holdScale !== after.holdScale || before.rate !== after.rate || before.quiet !== after.quiet;
  if (changed) addNotice(response, outcome, ctx.t('prefs.notSaved'));
}

/** A conflict, a merge and one more try; a store that moved on again by then is written next turn. */
const WRITE_ATTEMPTS = 2;

/**
 * Writes the fields this turn changed, expecting the version the session read. On a conflict (another
 * device wrote since), the item is read again and merged field by field (mergeStored), then written
 * once more. Answers the state to keep: the stored part as the store now holds it.
 */
async function writeFields(
  input: HandlerInput,
  state: SessionState,
  ours: StoredState,
  changed: readonly StoredField[],
  store: FieldStore,
  at: number,
  deadline: Deadline | undefined,
): Promise<SessionState> {
  let expected = state.savedVersion;
  let target = ours;
  let fields = changed;
  for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
    const changes = expected === 0 ? storedAttributes(target) : storedChanges(target, fields);
    const result = await store.update(input.requestEnvelope, changes, expected, deadline);
    if (result.ok) {
      return stateWith(state, {
        stored: target,
        savedFingerprint: storedFingerprint(target),
        savedVersion: result.version,
      });
    }
    const current = parseStored(result.current.attributes).state;
    target = mergeStored(current, ours, changed, at);
    expected = result.current.version;
    fields = changedFields(storedFingerprint(current), target);
    if (fields.length === 0 && expected > 0) {
      // The store already holds what this turn wanted: nothing more to write.
      return stateWith(state, {
        stored: target,
        savedFingerprint: storedFingerprint(target),
        savedVersion: expected,
      });
    }
  }
  throw new Error('the stored item kept changing; the next turn writes again');
}

/** The whole stored state through ask-sdk's attributes manager (an adapter without versioned writes). */
async function writeWhole(
  input: HandlerInput,
  state: SessionState,
  ours: StoredState,
): Promise<SessionState> {
  input.attributesManager.setPersistentAttributes(storedAttributes(ours));
  await input.attributesManager.savePersistentAttributes();
  return stateWith(state, { stored: ours, savedFingerprint: storedFingerprint(ours) });
}

/**
 * Whether this turn writes: only when the stored part changed, and not for the welcome mark alone while
 * the session stays open: that goes out with the turn's first progress write, or when the session ends.
 */
function mustWrite(changed: readonly StoredField[], response: Response | undefined): boolean {
  if (changed.length === 0) return false;
  const open = response?.shouldEndSession === false;
  return !(open && changed.length === 1 && changed[0] === 'welcomed');
}

/**
 * Keeps what the turn decided: the handler's outcome (or, for a turn without one, the state as
 * loaded) goes back into the session, and the stored part is written only when it changed: with an
 * adapter that has versioned writes (field-store.ts), only the fields that changed. A failed write is
 * logged; the session still carries the state, so the next turn writes it again.
 */
export function saveTurn(adapter?: PersistenceAdapter): ResponseInterceptor {
  const store = isFieldStore(adapter) ? adapter : undefined;
  return {
    async process(input, response) {
      const outcome = outcomeOf(input);
      let state: SessionState;
      try {
        state = outcome ? settled(outcome) : turnOf(input).state;
      } catch {
        return;
      }
      const changed = state.storeUnread ? [] : changedFields(state.savedFingerprint, state.stored);
      let kept = !state.storeUnread;
      if (mustWrite(changed, response)) {
        // Progress carries the time it was set: with two devices, the newer wins.
        const at = turnAt(input);
        const progress = state.stored.progress;
        const ours =
          changed.includes('progress') && progress
            ? {
                ...state.stored,
                progress: { routineId: progress.routineId, stepIndex: progress.stepIndex, at },
              }
            : state.stored;
        try {
          state = store
            ? await writeFields(input, state, ours, changed, store, at, deadlineOf(input))
            : await writeWhole(input, state, ours);
        } catch (error) {
          log.warn('persistence-write-failed', { error: errorMessage(error) });
          kept = false;
        }
      }
      if (!kept && outcome && response) tellIfPreferenceLost(input, response, outcome);
      if (input.requestEnvelope.session) {
        input.attributesManager.setSessionAttributes({ [SESSION_KEY]: state });
      }
    },
  };
}

/** The save through ask-sdk's attributes manager alone (whole writes, no versions). */
export const SaveTurnInterceptor: ResponseInterceptor = saveTurn();
