import type { services } from 'ask-sdk-model';

/** The permission the Reminders API needs. */
export const REMINDERS_SCOPE = 'alexa::alerts:reminders:skill:readwrite';

/** The permission the Timers API needs (the warmth timer, facts §2 table and §9 Routine 1 step 5). */
export const TIMERS_SCOPE = 'alexa::alerts:timers:skill:readwrite';

export interface TimeOfDay {
  readonly hour: number;
  readonly minute: number;
}

/** The default evening reminder: nine p.m. */
export const DEFAULT_TIME: TimeOfDay = { hour: 21, minute: 0 };

/** AMAZON.TIME's values: "21:00", "09:30", or a part of the day ("EV" evening, "NI" night, …). */
export function parseTime(value: string | undefined): TimeOfDay | undefined {
  if (!value) return undefined;
  const clock = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (clock) {
    const hour = Number(clock[1]);
    const minute = Number(clock[2]);
    return hour < 24 && minute < 60 ? { hour, minute } : undefined;
  }
  const parts: Readonly<Record<string, TimeOfDay>> = {
    MO: { hour: 9, minute: 0 },
    AF: { hour: 15, minute: 0 },
    EV: { hour: 19, minute: 0 },
    NI: DEFAULT_TIME,
  };
  return parts[value.trim().toUpperCase()];
}

/** A time said with "every night" or "every evening": nine means 21:00, not 09:00. */
export function inTheEvening(time: TimeOfDay | undefined): TimeOfDay | undefined {
  if (!time) return undefined;
  return time.hour >= 1 && time.hour < 12 ? { ...time, hour: time.hour + 12 } : time;
}

/** The time as people of that locale say it ("9:00 PM", "21:00"). */
export function describeTime(time: TimeOfDay, locale: string): string {
  const at = new Date(Date.UTC(2020, 0, 1, time.hour, time.minute));
  try {
    return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(
      at,
    );
  } catch {
    return `${String(time.hour)}:${String(time.minute).padStart(2, '0')}`;
  }
}

/** Today's date where the device is, as the Reminders API wants local date-times. */
function localDate(now: Date, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

/** A daily reminder at `time` in the device's time zone, spoken in the device's language. */
export function dailyReminder(
  time: TimeOfDay,
  timeZoneId: string,
  locale: string,
  text: string,
  now: Date,
): services.reminderManagement.ReminderRequest {
  return {
    requestTime: now.toISOString(),
    trigger: {
      type: 'SCHEDULED_ABSOLUTE',
      timeZoneId,
      recurrence: {
        startDateTime: `${localDate(now, timeZoneId)}T00:00:00.000`,
        recurrenceRules: [
          `FREQ=DAILY;BYHOUR=${String(time.hour)};BYMINUTE=${String(time.minute)};BYSECOND=0;INTERVAL=1;`,
        ],
      },
    },
    alertInfo: { spokenInfo: { content: [{ locale, text }] } },
    pushNotification: { status: 'ENABLED' },
  };
}

/** The time of day a reminder from this skill rings, read back from its recurrence rule. */
export function reminderTime(reminder: services.reminderManagement.Reminder): TimeOfDay | undefined {
  const rule = reminder.trigger?.recurrence?.recurrenceRules?.[0] ?? '';
  const hour = /BYHOUR=(\d+)/.exec(rule)?.[1];
  const minute = /BYMINUTE=(\d+)/.exec(rule)?.[1];
  return hour === undefined ? undefined : { hour: Number(hour), minute: Number(minute ?? 0) };
}

/**
 * Why a Reminders API call did not give an answer: 401, no permission (Alexa asks for it); 403, this
 * device cannot take reminders (asking again would not help); the turn's time ran out; anything else.
 */
export type ReminderFailure = 'needsPermission' | 'unsupported' | 'failed';

/**
 * What asking for the daily reminder came to: set (a new one, or the person's one moved to the new
 * time); `asked`: the request went out and the turn's time ran out before the answer (the Alexa app
 * shows whether it is set); or a failure, with nothing set or changed.
 */
export type CreateResult =
  | { readonly kind: 'created'; readonly token?: string }
  | { readonly kind: 'asked' }
  | { readonly kind: ReminderFailure };

/**
 * What cancelling this skill's reminders came to: `cancelled`, every one of them is gone; `none`, there
 * was none (or the saved one was already deleted, say in the Alexa app). On a failure some may remain;
 * `tokenGone` says whether the one whose token is saved is gone, so the saved token can be cleared.
 */
export type CancelResult =
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'none' }
  | { readonly kind: ReminderFailure; readonly tokenGone: boolean };

/** This skill's reminders, as the Reminders API lists them. */
export type ListResult =
  | { readonly kind: 'listed'; readonly times: readonly (TimeOfDay | undefined)[] }
  | { readonly kind: ReminderFailure };
