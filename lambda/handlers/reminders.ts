import { getDeviceId, getRequestType, type HandlerInput, type RequestHandler } from 'ask-sdk-core';
import type { IntentRequest, Response, interfaces, services } from 'ask-sdk-model';
import { errorMessage, log } from '../log';
import {
  DEFAULT_TIME,
  REMINDERS_SCOPE,
  dailyReminder,
  inTheEvening,
  describeTime,
  parseTime,
  reminderTime,
  type TimeOfDay,
} from '../reminders/reminder';
import { askPending, carryOn, onStep, withPending, type Outcome } from '../routines/flow';
import { say } from '../speech/ssml';
import type { SessionState } from '../state/session';
import { isIntent, respond, turnOf } from './context';
import { Intents } from './intents';

/** The status code of an Alexa API error (ask-sdk-model's ServiceError), if there is one. */
function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

function granted(input: HandlerInput): boolean {
  const scopes = input.requestEnvelope.context.System.user.permissions?.scopes;
  return scopes?.[REMINDERS_SCOPE]?.status === 'GRANTED';
}

/** After a reminder answer: back to the step in a routine, else done for now. */
function finish(state: SessionState, lead: string, input: HandlerInput): Outcome {
  const { ctx } = turnOf(input);
  const rest = withPending(state, undefined);
  if (onStep(rest)) return carryOn(rest, ctx, [say(lead)]);
  return { state: rest, speech: [say(lead), say(ctx.t('reminder.bye'))], end: true };
}

function askForPermission(state: SessionState, time: TimeOfDay, input: HandlerInput): Outcome {
  const { ctx } = turnOf(input);
  return {
    state: withPending(state, undefined),
    speech: [say(ctx.t('reminder.permission'))],
    end: false,
    askPermission: { scope: REMINDERS_SCOPE, token: `reminder:${String(time.hour)}:${String(time.minute)}` },
  };
}

/** Creates the daily reminder in the device's time zone, with every failure answered kindly. */
async function createReminder(input: HandlerInput, time: TimeOfDay): Promise<Outcome> {
  const { state, ctx } = turnOf(input);
  if (!granted(input)) return askForPermission(state, time, input);
  const factory = input.serviceClientFactory;
  if (!factory) return finish(state, ctx.t('reminder.failed'), input);
  try {
    const timeZone = await factory
      .getUpsServiceClient()
      .getSystemTimeZone(getDeviceId(input.requestEnvelope));
    const request = dailyReminder(time, timeZone, ctx.locale, ctx.t('reminder.text'), new Date(ctx.nowMs));
    const created = await factory.getReminderManagementServiceClient().createReminder(request);
    const reminderToken = created.alertToken;
    const stored = reminderToken ? { ...state.stored, reminderToken } : state.stored;
    return finish(
      { ...state, stored },
      ctx.t('reminder.created', { time: describeTime(time, ctx.locale) }),
      input,
    );
  } catch (error) {
    const status = statusOf(error);
    if (status === 401 || status === 403) return askForPermission(state, time, input);
    log.warn('reminder-create-failed', { status: status ?? null, error: errorMessage(error) });
    return finish(state, ctx.t('reminder.failed'), input);
  }
}

/** The time asked for; one said with "every night" or "every evening" (the eveningTime slot) is p.m. */
function timeSlot(input: HandlerInput): TimeOfDay | undefined {
  const slots = (input.requestEnvelope.request as IntentRequest).intent.slots;
  return parseTime(slots?.time?.value) ?? inTheEvening(parseTime(slots?.eveningTime?.value));
}

/** "Remind me to stretch every night at 9", or "set a bedtime stretch reminder" (then: what time?). */
export const SetReminderHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, Intents.setReminder),
  handle: async (input) => {
    const { state, ctx } = turnOf(input);
    const time = timeSlot(input);
    if (!time) return respond(input, askPending(state, { kind: 'reminderTime' }, ctx, []));
    return respond(input, await createReminder(input, time));
  },
};

/** Yes or no to "would you like a reminder to stretch every evening?" after the bedtime routine. */
export const ReminderOfferHandler: RequestHandler = {
  canHandle: (input) =>
    turnOf(input).state.pending?.kind === 'reminderOffer' && isIntent(input, Intents.yes, Intents.no),
  handle: async (input) => {
    const { state, ctx } = turnOf(input);
    if (isIntent(input, Intents.yes)) return respond(input, await createReminder(input, DEFAULT_TIME));
    return respond(input, finish(state, ctx.t('reminder.declined'), input));
  },
};

/** Alexa's answer to the voice permission request: set the reminder, or end kindly with a card. */
export const PermissionResponseHandler: RequestHandler = {
  canHandle: (input) => getRequestType(input.requestEnvelope) === 'Connections.Response',
  handle: async (input) => {
    const request = input.requestEnvelope.request as interfaces.connections.ConnectionsResponse;
    const { state, ctx } = turnOf(input);
    const status = (request.payload as { status?: unknown } | undefined)?.status;
    const [, hour, minute] = /^reminder:(\d+):(\d+)$/.exec(request.token ?? '') ?? [];
    const time = hour === undefined ? DEFAULT_TIME : { hour: Number(hour), minute: Number(minute) };
    if (status === 'ACCEPTED') return respond(input, await createReminder(input, time));
    input.responseBuilder.withAskForPermissionsConsentCard([REMINDERS_SCOPE]);
    return respond(input, finish(state, ctx.t('reminder.denied'), input));
  },
};

type ReminderClient = services.reminderManagement.ReminderManagementServiceClient;

/**
 * The frame cancel and list share: without permission there is nothing of ours to touch (`none`);
 * a failing Reminders API gets the kind answer and one log line (`event`).
 */
async function withReminders(
  input: HandlerInput,
  none: string,
  event: string,
  work: (client: ReminderClient, state: SessionState) => Promise<{ state: SessionState; text: string }>,
): Promise<Response> {
  const { state, ctx } = turnOf(input);
  if (!granted(input) || !input.serviceClientFactory)
    return respond(input, finish(state, ctx.t(none), input));
  try {
    const done = await work(input.serviceClientFactory.getReminderManagementServiceClient(), state);
    return respond(input, finish(done.state, done.text, input));
  } catch (error) {
    log.warn(event, { status: statusOf(error) ?? null, error: errorMessage(error) });
    return respond(input, finish(state, ctx.t('reminder.failed'), input));
  }
}

/** "Cancel my stretch reminder": the one this skill set, or all of its own if the token was lost. */
export const CancelReminderHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, Intents.cancelReminder),
  handle: (input) =>
    withReminders(input, 'reminder.noneToCancel', 'reminder-cancel-failed', async (client, state) => {
      const { ctx } = turnOf(input);
      const tokens = state.stored.reminderToken
        ? [state.stored.reminderToken]
        : ((await client.getReminders()).alerts ?? []).flatMap((alert) =>
            alert.alertToken ? [alert.alertToken] : [],
          );
      if (tokens.length === 0) return { state, text: ctx.t('reminder.noneToCancel') };
      for (const token of tokens) await client.deleteReminder(token);
      const { reminderToken: _t, ...stored } = state.stored;
      return { state: { ...state, stored }, text: ctx.t('reminder.cancelled') };
    }),
};

/** "What reminders do I have?": this skill's reminders, with the time they ring. */
export const ListRemindersHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, Intents.listReminders),
  handle: (input) =>
    withReminders(input, 'reminder.listNone', 'reminder-list-failed', async (client, state) => {
      const { ctx } = turnOf(input);
      const alerts = (await client.getReminders()).alerts ?? [];
      const first = alerts[0];
      const time = first ? reminderTime(first) : undefined;
      const text =
        alerts.length === 0
          ? ctx.t('reminder.listNone')
          : alerts.length === 1 && time
            ? ctx.t('reminder.listOne', { time: describeTime(time, ctx.locale) })
            : ctx.t('reminder.listMany', { count: String(alerts.length) });
      return { state, text };
    }),
};
