/**
 * A request envelope is untrusted input, and its session attributes come back from the device as the
 * skill last sent them, or as anyone made them. ask-sdk deep-copies them (a recursive JSON round trip)
 * before any interceptor runs: the skill's own state is taken out first (it needs no copy), and
 * anything else deeper or larger than this skill ever writes is dropped.
 */

/** The skill's own session state nests about six levels (a check's `back`, speech parts); far below this. */
export const MAX_ATTRIBUTES_DEPTH = 32;
/** Alexa allows 24 KB for a whole response, session attributes included: more did not come from this skill. */
export const MAX_ATTRIBUTES_SIZE = 24 * 1024;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Whether `value` nests at most `maxDepth` levels and its JSON is about `maxSize` characters or fewer
 * (an estimate: strings and keys by length, punctuation by item). Recursion stops at `maxDepth`, so it
 * never goes deeper than that, whatever comes; it stops at the first bound passed. It runs on every
 * request: no allocation but the call frames.
 */
export function withinBounds(
  value: unknown,
  maxDepth = MAX_ATTRIBUTES_DEPTH,
  maxSize = MAX_ATTRIBUTES_SIZE,
): boolean {
  let size = 0;
  const fits = (node: unknown, depth: number): boolean => {
    if (typeof node === 'string') size += node.length + 2;
    else if (typeof node !== 'object' || node === null) size += 8;
    else {
      if (depth >= maxDepth) return false;
      size += 2;
      if (Array.isArray(node)) {
        for (const item of node as unknown[]) {
          size += 1;
          if (size > maxSize || !fits(item, depth + 1)) return false;
        }
      } else {
        const record = node as Record<string, unknown>;
        for (const key in record) {
          if (!Object.hasOwn(record, key)) continue;
          size += key.length + 4;
          if (size > maxSize || !fits(record[key], depth + 1)) return false;
        }
      }
    }
    return size <= maxSize;
  };
  return fits(value, 0);
}

export type Checked =
  | {
      readonly ok: true;
      /** The event to hand to ask-sdk: the same, or a shallow copy with its session attributes changed. */
      readonly event: Record<string, unknown>;
      /** Attributes dropped for passing the bounds: why. */
      readonly dropped?: string;
    }
  | { readonly ok: false; readonly problem: string };

/** The skill's own session state, taken out of the attributes before ask-sdk copies them (by envelope). */
const TAKEN = new WeakMap<object, unknown>();

/**
 * The session state that checkEnvelope took out of `envelope`'s attributes: `{ taken: false }` for an
 * envelope it did not check (then the attributes still hold it).
 */
export function takenSessionState(envelope: object): { readonly taken: boolean; readonly state?: unknown } {
  return TAKEN.has(envelope) ? { taken: true, state: TAKEN.get(envelope) } : { taken: false };
}

/**
 * The session state to send back unchanged (after an error): as it came when within the bounds, else
 * only a raised flag, as a marker the session parser reads as the flag it cannot read (a flag, once
 * raised, is never dropped); undefined when there is neither.
 */
export function echoableState(state: unknown): unknown {
  if (state === undefined || withinBounds(state)) return state;
  if (!isRecord(state) || state.flag === undefined) return undefined;
  return { v: state.v, flag: withinBounds(state.flag, 2, 256) ? state.flag : 'unreadable' };
}

/**
 * What the skill may be handed: an object with a `request` that has a type (else a problem to reject
 * it with). The skill's own state (`sessionKey` in the attributes) is taken out before ask-sdk's deep
 * copy, which it does not need: the session parser reads it field by field, bounded whatever comes
 * (takenSessionState gives it back). Any other attributes are dropped when they pass the bounds. The
 * event itself is never changed; a shallow copy is made when its attributes are.
 */
export function checkEnvelope(event: unknown, sessionKey: string): Checked {
  if (!isRecord(event)) return { ok: false, problem: 'the event is not an object' };
  const request = event.request;
  if (!isRecord(request) || typeof request.type !== 'string') {
    return { ok: false, problem: 'the event is not an Alexa request (no request type)' };
  }
  const session = event.session;
  if (!isRecord(session) || session.attributes === undefined) return { ok: true, event };
  const attributes = session.attributes;
  let rest: unknown = attributes;
  let state: unknown;
  if (isRecord(attributes) && Object.hasOwn(attributes, sessionKey)) {
    state = attributes[sessionKey];
    const others: Record<string, unknown> = {};
    for (const key in attributes) {
      if (key !== sessionKey && Object.hasOwn(attributes, key)) others[key] = attributes[key];
    }
    rest = others;
  }
  const fits = withinBounds(rest);
  const copy: Record<string, unknown> = { ...event, session: { ...session, attributes: fits ? rest : {} } };
  TAKEN.set(copy, state);
  return fits
    ? { ok: true, event: copy }
    : { ok: true, event: copy, dropped: 'session attributes too deep or too large' };
}
