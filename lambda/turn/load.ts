import type { HandlerInput, PersistenceAdapter, RequestInterceptor } from 'ask-sdk-core';
import { isFieldStore, type FieldStore } from '../persistence/field-store';
import { errorMessage, log } from '../log';
import { translatorFor } from '../speech/i18n';
import { localeOf } from '../speech/locale';
import { takenSessionState } from '../state/envelope';
import { newSession, parseSession, type SessionState } from '../state/session';
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

/** The permission scopes the person has granted, from the request's context. */
function grantedScopes(input: HandlerInput): ReadonlySet<string> {
  const scopes = input.requestEnvelope.context.System.user.permissions?.scopes ?? {};
  return new Set(
    Object.entries(scopes).flatMap(([scope, { status }]) => (status === 'GRANTED' ? [scope] : [])),
  );
}

interface Read {
  readonly state: StoredState;
  readonly version: number;
}

/** Reads the stored state and its version; undefined (with one warning line) when the store cannot be reached. */
async function readStored(input: HandlerInput, store: FieldStore | undefined): Promise<Read | undefined> {
  try {
    const { attributes, version } = store
      ? await store.read(input.requestEnvelope)
      : { attributes: await input.attributesManager.getPersistentAttributes(), version: 0 };
    const { state, problem } = parseStored(attributes);
    if (problem) log.warn('stored-state-ignored', { problem });
    return { state, version };
  } catch (error) {
    log.warn('persistence-read-failed', { error: errorMessage(error) });
    return undefined;
  }
}

/** The store is read once per session (and again only while an earlier read has failed). */
async function loadState(
  input: HandlerInput,
  nowMs: number,
  store: FieldStore | undefined,
): Promise<SessionState> {
  // The checked skill took the state out before ask-sdk's copy (state/envelope.ts); else it is in the attributes.
  const taken = takenSessionState(input.requestEnvelope);
  const raw: unknown = taken.taken
    ? taken.state
    : input.requestEnvelope.session
      ? input.attributesManager.getSessionAttributes()[SESSION_KEY]
      : undefined;
  const session = parseSession(raw, nowMs);
  if (session && !session.storeUnread) return session;
  if (!session && raw !== undefined)
    log.warn('session-state-ignored', { reason: 'malformed session attributes' });
  const read = await readStored(input, store);
  if (!session) {
    return read
      ? newSession(nowMs, read.state, storedFingerprint(read.state), read.version)
      : { ...newSession(nowMs), storeUnread: true };
  }
  if (!read) return session;
  const { storeUnread: _recovered, ...rest } = session;
  return {
    ...rest,
    stored: mergeAfterFailedRead(read.state, session.stored),
    savedFingerprint: storedFingerprint(read.state),
    savedVersion: read.version,
  };
}

/**
 * Loads the turn once: the conversation state, the request's language and its clock. With an adapter
 * that has versioned reads (field-store.ts), the store's version comes with the state, for the save.
 */
export function loadTurn(adapter?: PersistenceAdapter): RequestInterceptor {
  const store = isFieldStore(adapter) ? adapter : undefined;
  return {
    async process(input) {
      const nowMs = requestTime(input);
      const locale = localeOf(input.requestEnvelope);
      const state = isSkillEvent(input)
        ? { ...newSession(nowMs), storeUnread: true }
        : await loadState(input, nowMs, store);
      setTurn(input, {
        state,
        ctx: { t: translatorFor(locale), locale, nowMs, granted: grantedScopes(input) },
      });
    },
  };
}

/** The load through ask-sdk's attributes manager alone (whole reads, no versions). */
export const LoadTurnInterceptor: RequestInterceptor = loadTurn();
