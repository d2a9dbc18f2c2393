/**
 * One deadline per turn: every outbound call of the turn (the table, the Reminders, Timers and settings
 * APIs) shares it, so their bounds never add up past what the person waits for. A turn answers within
 * TURN_BUDGET_MS of its start, or sooner when Lambda has less time left (its context says how much).
 */

/** From a turn's start to its answer, whatever the table and the Alexa APIs do. */
export const TURN_BUDGET_MS = 2800;

/** Kept back from Lambda's remaining time for rendering and the runtime's own reply. */
const LAMBDA_MARGIN_MS = 500;

/** Kept back from the Alexa API calls for the save that follows them. */
export const SAVE_RESERVE_MS = 800;

/** A call cut off because the turn's time ran out (its outcome, if it was sent, is unknown). */
export class DeadlineExceeded extends Error {
  override readonly name = 'DeadlineExceeded';
}

export class Deadline {
  private constructor(readonly at: number) {}

  /** `ms` from now. */
  static in(ms: number, now = Date.now()): Deadline {
    return new Deadline(now + ms);
  }

  /** A turn starting now: TURN_BUDGET_MS, or less when Lambda's context has less time left. */
  static forTurn(context: unknown, now = Date.now()): Deadline {
    const remaining = (context as { getRemainingTimeInMillis?: unknown } | undefined)
      ?.getRemainingTimeInMillis;
    const left = typeof remaining === 'function' ? Number(remaining.call(context)) : Number.NaN;
    const budget = Number.isFinite(left)
      ? Math.max(0, Math.min(TURN_BUDGET_MS, left - LAMBDA_MARGIN_MS))
      : TURN_BUDGET_MS;
    return new Deadline(now + budget);
  }

  /** The same deadline, `ms` earlier (time kept back for what comes after). */
  before(ms: number): Deadline {
    return new Deadline(this.at - ms);
  }

  remaining(now = Date.now()): number {
    return Math.max(0, this.at - now);
  }

  /** Aborts at the deadline (at once if it has passed). */
  signal(): AbortSignal {
    return AbortSignal.timeout(this.remaining());
  }
}
