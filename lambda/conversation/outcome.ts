import type { Display } from '../display/screens';
import { ROUTINES } from '../routines/data';
import type { Routine } from '../routines/types';
import { toPlainText, type Speech } from '../speech/ssml';
import type { MessageKey, Translate } from '../speech/translate';
import { stateWith, type Pending, type SessionState } from '../state/session';
import type { StoredState } from '../state/stored';

/** What every move knows of the request besides the state: its language and its clock. */
export interface Ctx {
  readonly t: Translate;
  readonly locale: string;
  /** The request's timestamp, in ms: the clock for the cramp episode. */
  readonly nowMs: number;
  /** The permission scopes the person has granted (reminders, timers). */
  readonly granted: ReadonlySet<string>;
}

/** What a conversation move returns: the next state, and what to say and show. Rendered once, later. */
export interface Outcome {
  readonly state: SessionState;
  /** Ask Alexa to get the user's consent by voice (a permission scope); the answer comes back later. */
  readonly askPermission?: { readonly scope: string; readonly token: string };
  /** Permissions the Alexa app's consent card asks for, after the person declined by voice. */
  readonly consentCard?: readonly string[];
  /** What a screen device shows; without one it shows the speech as text. */
  readonly display?: Display;
  readonly speech: Speech;
  /** Required whenever the session stays open. */
  readonly reprompt?: Speech;
  readonly end: boolean;
  /** Safety answers are spoken in the normal voice, whatever the voice preferences. */
  readonly plainVoice?: boolean;
  /** Said slowly: a safety question asked again because the person asked for it. */
  readonly slow?: boolean;
  /** Start an Alexa timer that announces `announce`; if it cannot be set, `ifFailed` is the answer instead. */
  readonly timer?: { readonly seconds: number; readonly announce: string; readonly ifFailed: Outcome };
}

/** An answer that keeps the session open and waits. */
export const ask = (state: SessionState, speech: Speech, reprompt: Speech, display?: Display): Outcome => ({
  state,
  speech,
  reprompt,
  end: false,
  display,
});

/** A message screen: a title key and the words (the speech as text unless given). */
export const messageScreen = (title: MessageKey, body: Speech | string, t: Translate): Display => ({
  kind: 'message',
  title: t(title),
  body: typeof body === 'string' ? body : toPlainText(body),
});

export function withStored(state: SessionState, change: (stored: StoredState) => StoredState): SessionState {
  return stateWith(state, { stored: change(state.stored) });
}

/** No question pending is `pending: undefined` (dropped when the session is serialised). */
export function withPending(state: SessionState, pending: Pending | undefined): SessionState {
  return stateWith(state, { pending });
}

export function currentRoutine(state: SessionState): Routine | undefined {
  return state.routineId ? ROUTINES[state.routineId] : undefined;
}

/** In a routine with a step already read (not still in its opening safety questions). */
export function onStep(state: SessionState): boolean {
  return state.routineId !== undefined && state.stepIndex >= 0;
}

/** The session stays open only with something to reprompt. */
export function keepsOpen(outcome: Outcome): boolean {
  return !outcome.end && outcome.reprompt !== undefined && outcome.reprompt.length > 0;
}

/**
 * The state to keep after a turn. "Repeat" replays the last speech only outside a step and with no
 * question pending (a step or a question is read again instead), so only then is it kept.
 */
export function settled(outcome: Outcome): SessionState {
  const { state } = outcome;
  const replayable = keepsOpen(outcome) && !onStep(state) && !state.pending;
  const lastSpeech = replayable ? outcome.speech : undefined;
  const lastReprompt = replayable ? outcome.reprompt : undefined;
  // Most turns keep what the state already holds: no copy then (this runs on every turn).
  if (state.lastSpeech === lastSpeech && state.lastReprompt === lastReprompt) return state;
  return stateWith(state, { lastSpeech, lastReprompt });
}
