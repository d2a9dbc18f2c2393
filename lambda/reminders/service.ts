import type { RequestEnvelope, services } from 'ask-sdk-model';
import { getDeviceId } from 'ask-sdk-core';
import { DeadlineExceeded } from '../deadline';
import { errorMessage, log } from '../log';
import {
  REMINDERS_SCOPE,
  dailyReminder,
  reminderTime,
  type CancelResult,
  type CreateResult,
  type ListResult,
  type ReminderFailure,
  type TimeOfDay,
} from './schedule';

/**
 * The Reminders API through ask-sdk's service clients, like the Alexa app's reminders: one daily
 * stretch reminder per person (setting it again moves it), cancel removes all of this skill's. Calls
 * that do not depend on each other go out together; every call is bound by the turn's deadline (the
 * clients come from alexaServices). Each function answers what came of it, with one log line for a
 * failure; it never throws, and it never decides what to say.
 */

type Clients = services.ServiceClientFactory | undefined;

/** The status code of an Alexa API error (ask-sdk-model's ServiceError), if there is one. */
function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/** 401: the permission case; 403: this device cannot take reminders; anything else failed. */
function failureOf(error: unknown): ReminderFailure {
  const status = statusOf(error);
  return status === 401 ? 'needsPermission' : status === 403 ? 'unsupported' : 'failed';
}

function logFailure(event: string, error: unknown): void {
  log.warn(event, {
    status: statusOf(error) ?? null,
    timedOut: error instanceof DeadlineExceeded,
    error: errorMessage(error),
  });
}

function granted(envelope: RequestEnvelope): boolean {
  const scopes = envelope.context.System.user.permissions?.scopes;
  return scopes?.[REMINDERS_SCOPE]?.status === 'GRANTED';
}

const tokensOf = (listed: services.reminderManagement.GetRemindersResponse): string[] =>
  (listed.alerts ?? []).flatMap((alert) => (alert.alertToken ? [alert.alertToken] : []));

/** Deletes one reminder; a 404 means it is gone already, which is what was wanted. */
async function deleteOne(
  client: services.reminderManagement.ReminderManagementServiceClient,
  token: string,
): Promise<void> {
  try {
    await client.deleteReminder(token);
  } catch (error) {
    if (statusOf(error) !== 404) throw error;
  }
}

/**
 * The person's daily reminder at `time`, in the device's time zone: the reminder this skill already
 * has is moved to the new time (the saved one, else the first listed; any other is deleted), else a new
 * one is made. The time zone and the list are asked for together.
 */
export async function setDailyReminder(
  envelope: RequestEnvelope,
  clients: Clients,
  savedToken: string | undefined,
  reminder: { readonly time: TimeOfDay; readonly text: string; readonly locale: string; readonly now: Date },
): Promise<CreateResult> {
  if (!granted(envelope)) return { kind: 'needsPermission' };
  if (!clients) return { kind: 'failed' };
  const client = clients.getReminderManagementServiceClient();
  let sent = false;
  try {
    const [timeZone, listed] = await Promise.all([
      clients.getUpsServiceClient().getSystemTimeZone(getDeviceId(envelope)),
      client.getReminders(),
    ]);
    const request = dailyReminder(reminder.time, timeZone, reminder.locale, reminder.text, reminder.now);
    const ours = tokensOf(listed);
    const kept = savedToken && ours.includes(savedToken) ? savedToken : ours[0];
    const moveOrCreate = async (): Promise<string | undefined> => {
      if (kept) {
        try {
          await client.updateReminder(kept, request);
          return kept;
        } catch (error) {
          if (statusOf(error) !== 404) throw error;
        }
      }
      return (await client.createReminder(request)).alertToken;
    };
    sent = true;
    const extras = ours.filter((token) => token !== kept);
    const [token] = await Promise.all([moveOrCreate(), ...extras.map((each) => deleteOne(client, each))]);
    return token ? { kind: 'created', token } : { kind: 'created' };
  } catch (error) {
    logFailure('reminder-create-failed', error);
    if (sent && error instanceof DeadlineExceeded) return { kind: 'asked' };
    return { kind: failureOf(error) };
  }
}

/**
 * Cancels every reminder this skill has: the saved one is deleted while the list is asked for, then
 * the others listed, all at once. A 404 is a reminder already gone.
 */
export async function cancelReminders(
  envelope: RequestEnvelope,
  clients: Clients,
  savedToken: string | undefined,
): Promise<CancelResult> {
  if (!granted(envelope)) return { kind: 'needsPermission', tokenGone: false };
  if (!clients) return { kind: 'failed', tokenGone: false };
  const client = clients.getReminderManagementServiceClient();
  const [listed, saved] = await Promise.allSettled([
    client.getReminders(),
    savedToken ? client.deleteReminder(savedToken) : Promise.resolve(),
  ]);
  const savedStatus = saved.status === 'rejected' ? statusOf(saved.reason) : 200;
  const tokenGone = !savedToken || savedStatus === 200 || savedStatus === 404;
  const others = listed.status === 'fulfilled' ? tokensOf(listed.value).filter((t) => t !== savedToken) : [];
  const deleted = await Promise.allSettled(others.map((token) => deleteOne(client, token)));
  const errors: unknown[] = [
    ...(listed.status === 'rejected' ? [listed.reason as unknown] : []),
    ...(saved.status === 'rejected' && !tokenGone ? [saved.reason as unknown] : []),
    ...deleted.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : [])),
  ];
  const [first] = errors;
  if (errors.length > 0) {
    logFailure('reminder-cancel-failed', first);
    return { kind: failureOf(first), tokenGone };
  }
  const removed = others.length + (savedToken && savedStatus === 200 ? 1 : 0);
  return removed > 0 ? { kind: 'cancelled' } : { kind: 'none' };
}

/** This skill's reminders and the time each rings. */
export async function listReminders(envelope: RequestEnvelope, clients: Clients): Promise<ListResult> {
  if (!granted(envelope)) return { kind: 'needsPermission' };
  if (!clients) return { kind: 'failed' };
  try {
    const alerts = (await clients.getReminderManagementServiceClient().getReminders()).alerts ?? [];
    return { kind: 'listed', times: alerts.map(reminderTime) };
  } catch (error) {
    logFailure('reminder-list-failed', error);
    return { kind: failureOf(error) };
  }
}
