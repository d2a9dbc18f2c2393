import type { HandlerInput, PersistenceAdapter, RequestInterceptor } from 'ask-sdk-core';
import { isFieldStore, type FieldStore } from '../persistence/field-store';
import { Deadline, SAVE_RESERVE_MS } from '../deadline';
import { errorMessage, log } from '../log';
import { translatorFor } from '../speech/i18n';
import { localeOf } from '../speech/locale';
import { takenSessionState } from '../state/envelope';
import { newSession, parseSession, stateWith, type SessionState } from '../state/session';
import { mergeAfterFailedRead, parseStored, storedFingerprint, type StoredState } from '../state/stored';
import { setTurn } from './turn';

/** Session attribute that holds the whole conversation state. */
export const SESSION_KEY = 'calfCoach';

/** The request's time, in ms; the clock of the turn (and of the save after it). */
export function requestTime(input: HandlerInput): number {
  const stamp = Date.parse(input.requestEnvelope.request.timestamp);
  return Number.isFinite(stamp) ? stamp : Date.now();
}

/** Skill events (enabled, disabled, permissions): no conversation, so nothing is read or written for them. */
export function isSkillEvent(input: HandlerInput): boolean {
  const type: unknown = input.requestEnvelope.request.type;
  return typeof type === 'string' && type.startsWith('AlexaSkillEvent.');
}

const NO_SCOPES: ReadonlySet<string> = new Set();

/** The permission scopes the person has granted, from the request's context. */
function grantedScopes(input: HandlerInput): ReadonlySet<string> {
  const scopes = input.requestEnvelope.context.System.user.permissions?.scopes;
  if (!scopes) return NO_SCOPES;
  const granted = new Set<string>();
  for (const [scope, { status }] of Object.entries(scopes)) if (status === 'GRANTED') granted.add(scope);
  return granted.size > 0 ? granted : NO_SCOPES;
}

interface Read {
  readonly state: StoredState;
  readonly version: number;
}

/** Reads the stored state and its version; undefined (with one warning line) when the store cannot be reached. */
async function readStored(
  input: HandlerInput,
  store: FieldStore | undefined,
  deadline: Deadline,
): Promise<Read | undefined> {
  try {
    // The read leaves the turn time for the save after it.
    const { attributes, version } = store
      ? await store.read(input.requestEnvelope, deadline.before(SAVE_RESERVE_MS))
      : { attributes: await input.attributesManager.getPersistentAttributes(), version: 0 };
    const { state, problem } = parseStored(attributes);
    if (problem) log.warn('stored-state-ignored', { problem });
    return { state, version };
  } catch (error) {
    log.warn('persistence-read-failed', { error: errorMessage(error) });
    return undefined;
  }
}

/** The session state the request carries: parsed, or undefined (malformed or none). */
function sessionState(input: HandlerInput, nowMs: number): { session?: SessionState; malformed: boolean } {
  // The checked skill took the state out before ask-sdk's copy (state/envelope.ts); else it is in the attributes.
  const taken = takenSessionState(input.requestEnvelope);
  const raw: unknown = taken.taken
    ? taken.state
    : input.requestEnvelope.session
      ? input.attributesManager.getSessionAttributes()[SESSION_KEY]
      : undefined;
  const session = parseSession(raw, nowMs);
  return session ? { session, malformed: false } : { malformed: raw !== undefined };
}

/** The store is read once per session (and again only while an earlier read has failed). */
async function loadState(
  input: HandlerInput,
  nowMs: number,
  store: FieldStore | undefined,
  session: SessionState | undefined,
  deadline: Deadline,
): Promise<SessionState> {
  const read = await readStored(input, store, deadline);
  if (!session) {
    return read
      ? newSession(nowMs, read.state, storedFingerprint(read.state), read.version)
      : stateWith(newSession(nowMs), { storeUnread: true });
  }
  if (!read) return session;
  return stateWith(session, {
    stored: mergeAfterFailedRead(read.state, session.stored),
    savedFingerprint: storedFingerprint(read.state),
    savedVersion: read.version,
    storeUnread: undefined,
  });
}

function keep(
  input: HandlerInput,
  state: SessionState,
  nowMs: number,
  locale: string,
  deadline: Deadline,
): void {
  setTurn(input, {
    state,
    ctx: { t: translatorFor(locale), locale, nowMs, granted: grantedScopes(input) },
    deadline,
  });
}

/**
 * Loads the turn once: the conversation state, the request's language and its clock. With an adapter
 * that has versioned reads (field-store.ts), the store's version comes with the state, for the save.
 * A turn whose session already holds the state reads no store and stays synchronous.
 */
export function loadTurn(adapter?: PersistenceAdapter): RequestInterceptor {
  const store = isFieldStore(adapter) ? adapter : undefined;
  return {
    process(input) {
      // The turn's one deadline starts here, from Lambda's remaining time where there is one.
      const deadline = Deadline.forTurn(input.context);
      const nowMs = requestTime(input);
      const locale = localeOf(input.requestEnvelope);
      if (isSkillEvent(input)) {
        keep(input, stateWith(newSession(nowMs), { storeUnread: true }), nowMs, locale, deadline);
        return;
      }
      const { session, malformed } = sessionState(input, nowMs);
      if (session && !session.storeUnread) {
        keep(input, session, nowMs, locale, deadline);
        return;
      }
      if (malformed) log.warn('session-state-ignored', { reason: 'malformed session attributes' });
      return loadState(input, nowMs, store, session, deadline).then((state) => {
        keep(input, state, nowMs, locale, deadline);
      });
    },
  };
}

/** The load through ask-sdk's attributes manager alone (whole reads, no versions). */
export const LoadTurnInterceptor: RequestInterceptor = loadTurn();
