import type { HandlerInput, RequestInterceptor } from 'ask-sdk-core';
import { errorMessage, log } from '../log';
import { translatorFor } from '../speech/i18n';
import { localeOf } from '../speech/locale';
import { newSession, parseSession, type SessionState } from '../state/session';
import { mergeAfterFailedRead, parseStored, storedFingerprint, type StoredState } from '../state/stored';
import { setTurn } from './turn';

/** Session attribute that holds the whole conversation state. */
export const SESSION_KEY = 'calfCoach';

function requestTime(input: HandlerInput): number {
  const stamp = Date.parse(input.requestEnvelope.request.timestamp);
  return Number.isFinite(stamp) ? stamp : Date.now();
}

/** The permission scopes the person has granted, from the request's context. */
function grantedScopes(input: HandlerInput): ReadonlySet<string> {
  const scopes = input.requestEnvelope.context.System.user.permissions?.scopes ?? {};
  return new Set(
    Object.entries(scopes).flatMap(([scope, { status }]) => (status === 'GRANTED' ? [scope] : [])),
  );
}

/** Reads the stored state; undefined (with one warning line) when the store cannot be reached. */
async function readStored(input: HandlerInput): Promise<StoredState | undefined> {
  try {
    const raw: unknown = await input.attributesManager.getPersistentAttributes();
    const { state, problem } = parseStored(raw);
    if (problem) log.warn('stored-state-ignored', { problem });
    return state;
  } catch (error) {
    log.warn('persistence-read-failed', { error: errorMessage(error) });
    return undefined;
  }
}

/** The store is read once per session (and again only while an earlier read has failed). */
async function loadState(input: HandlerInput, nowMs: number): Promise<SessionState> {
  const attributes = input.requestEnvelope.session ? input.attributesManager.getSessionAttributes() : {};
  const raw: unknown = attributes[SESSION_KEY];
  const session = parseSession(raw, nowMs);
  if (session && !session.storeUnread) return session;
  if (!session && raw !== undefined)
    log.warn('session-state-ignored', { reason: 'malformed session attributes' });
  const stored = await readStored(input);
  if (!session) {
    return stored ? newSession(nowMs, stored) : { ...newSession(nowMs), storeUnread: true };
  }
  if (!stored) return session;
  const { storeUnread: _recovered, ...rest } = session;
  return {
    ...rest,
    stored: mergeAfterFailedRead(stored, session.stored),
    savedFingerprint: storedFingerprint(stored),
  };
}

/** Loads the turn once: the conversation state, the request's language and its clock. */
export const LoadTurnInterceptor: RequestInterceptor = {
  async process(input) {
    const nowMs = requestTime(input);
    const locale = localeOf(input.requestEnvelope);
    const state = await loadState(input, nowMs);
    setTurn(input, {
      state,
      ctx: { t: translatorFor(locale), locale, nowMs, granted: grantedScopes(input) },
    });
  },
};
