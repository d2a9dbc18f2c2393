import type { ResponseInterceptor } from 'ask-sdk-core';
import { settled } from '../conversation/outcome';
import { errorMessage, log } from '../log';
import { storedFingerprint } from '../state/stored';
import { SESSION_KEY } from './load';
import { outcomeOf, turnOf } from './turn';

/**
 * Keeps what the turn decided: the handler's outcome (or, for a turn without one, the state as
 * loaded) goes back into the session, and the stored part is written only when it changed. A failed
 * write is logged; the session still carries the state, so the next turn writes it again.
 */
export const SaveTurnInterceptor: ResponseInterceptor = {
  async process(input) {
    const outcome = outcomeOf(input);
    let state;
    try {
      state = outcome ? settled(outcome) : turnOf(input).state;
    } catch {
      return;
    }
    const fingerprint = storedFingerprint(state.stored);
    if (fingerprint !== state.savedFingerprint && !state.storeUnread) {
      try {
        input.attributesManager.setPersistentAttributes({ ...state.stored });
        await input.attributesManager.savePersistentAttributes();
        state = { ...state, savedFingerprint: fingerprint };
      } catch (error) {
        log.warn('persistence-write-failed', { error: errorMessage(error) });
      }
    }
    if (input.requestEnvelope.session) {
      input.attributesManager.setSessionAttributes({ [SESSION_KEY]: state });
    }
  },
};
