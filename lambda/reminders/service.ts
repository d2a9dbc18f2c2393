import { getDeviceId, type HandlerInput } from 'ask-sdk-core';
import { errorMessage, log } from '../log';
import {
  REMINDERS_SCOPE,
  dailyReminder,
  reminderTime,
  type CancelResult,
  type CreateResult,
  type ListResult,
  type TimeOfDay,
} from './schedule';

/**
 * The Reminders API through ask-sdk's service clients. Each call answers created / cancelled / listed,
 * needs permission, or failed (with one log line); it never throws, and it never decides what to say.
 */

/** The status code of an Alexa API error (ask-sdk-model's ServiceError), if there is one. */
function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

function granted(input: HandlerInput): boolean {
  const scopes = input.requestEnvelope.context.System.user.permissions?.scopes;
  return scopes?.[REMINDERS_SCOPE]?.status === 'GRANTED';
}

/** A daily reminder at `time`, in the device's time zone (from the settings API), saying `text`. */
export async function createDailyReminder(
  input: HandlerInput,
  time: TimeOfDay,
  text: string,
  locale: string,
  now: Date,
): Promise<CreateResult> {
  if (!granted(input)) return { kind: 'needsPermission' };
  const factory = input.serviceClientFactory;
  if (!factory) return { kind: 'failed' };
  try {
    const timeZone = await factory
      .getUpsServiceClient()
      .getSystemTimeZone(getDeviceId(input.requestEnvelope));
    const created = await factory
      .getReminderManagementServiceClient()
      .createReminder(dailyReminder(time, timeZone, locale, text, now));
    return created.alertToken ? { kind: 'created', token: created.alertToken } : { kind: 'created' };
  } catch (error) {
    const status = statusOf(error);
    if (status === 401 || status === 403) return { kind: 'needsPermission' };
    log.warn('reminder-create-failed', { status: status ?? null, error: errorMessage(error) });
    return { kind: 'failed' };
  }
}

/** Cancels the reminder this skill set, or all of its own if the token was lost. */
export async function cancelReminders(input: HandlerInput, token: string | undefined): Promise<CancelResult> {
  const factory = input.serviceClientFactory;
  if (!granted(input) || !factory) return { kind: 'none' };
  try {
    const client = factory.getReminderManagementServiceClient();
    const tokens = token
      ? [token]
      : ((await client.getReminders()).alerts ?? []).flatMap((alert) =>
          alert.alertToken ? [alert.alertToken] : [],
        );
    if (tokens.length === 0) return { kind: 'none' };
    for (const each of tokens) await client.deleteReminder(each);
    return { kind: 'cancelled' };
  } catch (error) {
    log.warn('reminder-cancel-failed', { status: statusOf(error) ?? null, error: errorMessage(error) });
    return { kind: 'failed' };
  }
}

/** This skill's reminders and the time each rings; none without permission. */
export async function listReminders(input: HandlerInput): Promise<ListResult> {
  const factory = input.serviceClientFactory;
  if (!granted(input) || !factory) return { kind: 'listed', times: [] };
  try {
    const alerts = (await factory.getReminderManagementServiceClient().getReminders()).alerts ?? [];
    return { kind: 'listed', times: alerts.map(reminderTime) };
  } catch (error) {
    log.warn('reminder-list-failed', { status: statusOf(error) ?? null, error: errorMessage(error) });
    return { kind: 'failed' };
  }
}
