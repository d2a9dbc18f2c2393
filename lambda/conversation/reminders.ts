import {
  REMINDERS_SCOPE,
  describeTime,
  type CancelResult,
  type CreateResult,
  type ListResult,
  type TimeOfDay,
} from '../reminders/schedule';
import { say } from '../speech/ssml';
import type { SessionState } from '../state/session';
import { onStep, withPending, type Ctx, type Outcome } from './outcome';
import { askPending, carryOn } from './prompts';

/** The daily stretch reminder: what is said for each answer the Reminders API gives. */

/** After a reminder answer: back to the step in a routine, else done for now. */
export function reminderDone(state: SessionState, text: string, ctx: Ctx): Outcome {
  const rest = withPending(state, undefined);
  if (onStep(rest)) return carryOn(rest, ctx, [say(text)]);
  return { state: rest, speech: [say(text), say(ctx.t('reminder.bye'))], end: true };
}

/**
 * The slot Alexa's dialog collects for the reminder (the interaction models' dialog model: the time slot
 * of SetReminderIntent is required, with an elicitation prompt). The answer comes back as that intent
 * with the slot filled, never as a bare time said out of context.
 */
export const REMINDER_TIME_SLOT = { intent: 'SetReminderIntent', slot: 'time' } as const;

/**
 * The slot Alexa is to collect after this turn (Dialog.ElicitSlot), if a question waits for a value: while
 * the reminder's time is asked (asked first, asked again after "repeat", "help" or words not understood).
 */
export function awaitedSlot(
  state: SessionState,
): { readonly intent: string; readonly slot: string } | undefined {
  return state.pending?.kind === 'reminderTime' ? REMINDER_TIME_SLOT : undefined;
}

/** "Set a bedtime stretch reminder" without a time: what time? Alexa collects the answer (awaitedSlot). */
export function askReminderTime(state: SessionState, ctx: Ctx): Outcome {
  return askPending(state, { kind: 'reminderTime' }, ctx, []);
}

/** Alexa asks for the permission by voice; the time travels in the token and comes back with the answer. */
function askForPermission(state: SessionState, time: TimeOfDay, ctx: Ctx): Outcome {
  return {
    state: withPending(state, undefined),
    speech: [say(ctx.t('reminder.permission'))],
    end: false,
    askPermission: { scope: REMINDERS_SCOPE, token: permissionToken(time) },
  };
}

export const permissionToken = (time: TimeOfDay): string =>
  `reminder:${String(time.hour)}:${String(time.minute)}`;

/** The time carried by a permission token, if it is one of ours. */
export function timeFromToken(token: string | undefined): TimeOfDay | undefined {
  const [, hour, minute] = /^reminder:(\d{1,2}):(\d{1,2})$/.exec(token ?? '') ?? [];
  return hour === undefined ? undefined : { hour: Number(hour), minute: Number(minute) };
}

/** "No" to the voice permission request: a kind goodbye, and a card in the Alexa app to grant it later. */
export function permissionDenied(state: SessionState, ctx: Ctx): Outcome {
  return { ...reminderDone(state, ctx.t('reminder.denied'), ctx), consentCard: [REMINDERS_SCOPE] };
}

/** The saved reminder token set, or cleared (undefined). */
function withToken(state: SessionState, token: string | undefined): SessionState {
  const { reminderToken: _old, ...stored } = state.stored;
  return { ...state, stored: token ? { ...stored, reminderToken: token } : stored };
}

/**
 * Without the permission (no grant, or a 401) for cancelling or listing: a card in the Alexa app to grant
 * it (a voice request's answer would set a reminder); a device that cannot take reminders (403) says so.
 */
function cannot(state: SessionState, kind: 'needsPermission' | 'unsupported', ctx: Ctx): Outcome {
  return kind === 'unsupported'
    ? reminderDone(state, ctx.t('reminder.unsupported'), ctx)
    : { ...reminderDone(state, ctx.t('reminder.allowInApp'), ctx), consentCard: [REMINDERS_SCOPE] };
}

export function reminderCreated(
  state: SessionState,
  result: CreateResult,
  time: TimeOfDay,
  ctx: Ctx,
): Outcome {
  switch (result.kind) {
    case 'needsPermission':
      return askForPermission(state, time, ctx);
    case 'unsupported':
      return reminderDone(state, ctx.t('reminder.unsupported'), ctx);
    case 'failed':
      return reminderDone(state, ctx.t('reminder.failed'), ctx);
    case 'asked':
      // Whether it was made is unknown: no token is kept, and the next "set" finds it in the list.
      return reminderDone(state, ctx.t('reminder.asked'), ctx);
    case 'created':
      return reminderDone(
        result.token ? withToken(state, result.token) : state,
        ctx.t('reminder.created', { time: describeTime(time, ctx.locale) }),
        ctx,
      );
  }
}

export function remindersCancelled(state: SessionState, result: CancelResult, ctx: Ctx): Outcome {
  switch (result.kind) {
    case 'none':
      return reminderDone(withToken(state, undefined), ctx.t('reminder.noneToCancel'), ctx);
    case 'cancelled':
      return reminderDone(withToken(state, undefined), ctx.t('reminder.cancelled'), ctx);
    case 'needsPermission':
    case 'unsupported':
      return cannot(state, result.kind, ctx);
    case 'failed':
      return reminderDone(
        result.tokenGone ? withToken(state, undefined) : state,
        ctx.t('reminder.unreachable'),
        ctx,
      );
  }
}

export function remindersListed(state: SessionState, result: ListResult, ctx: Ctx): Outcome {
  if (result.kind === 'failed') return reminderDone(state, ctx.t('reminder.unreachable'), ctx);
  if (result.kind !== 'listed') return cannot(state, result.kind, ctx);
  const [first] = result.times;
  const text =
    result.times.length === 0
      ? ctx.t('reminder.listNone')
      : result.times.length === 1 && first
        ? ctx.t('reminder.listOne', { time: describeTime(first, ctx.locale) })
        : ctx.t('reminder.listMany', { count: String(result.times.length) });
  return reminderDone(state, text, ctx);
}
