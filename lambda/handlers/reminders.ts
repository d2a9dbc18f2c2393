import type { HandlerInput, RequestHandler } from 'ask-sdk-core';
import type { interfaces } from 'ask-sdk-model';
import type { Outcome } from '../conversation/outcome';
import { timerAnswer } from '../conversation/routine';
import { parseTimerToken } from '../conversation/timer-token';
import {
  askReminderTime,
  permissionDenied,
  reminderCreated,
  remindersCancelled,
  remindersListed,
  timeFromToken,
} from '../conversation/reminders';
import { DEFAULT_TIME, inTheEvening, parseTime, type TimeOfDay } from '../reminders/schedule';
import { cancelReminders, listReminders, setDailyReminder } from '../reminders/service';
import { rule } from '../turn/handler';
import { alexaServicesFor, type Turn } from '../turn/turn';
import { Intents } from './intents';
import { isIntent, isRequest, slotOf } from './match';

async function create(
  input: HandlerInput,
  { state, ctx, deadline }: Turn,
  time: TimeOfDay,
): Promise<Outcome> {
  const reminder = { time, text: ctx.t('reminder.text'), locale: ctx.locale, now: new Date(ctx.nowMs) };
  const clients = alexaServicesFor(input, deadline);
  const result = await setDailyReminder(input.requestEnvelope, clients, state.stored.reminderToken, reminder);
  return reminderCreated(state, result, time, ctx);
}

/** The time asked for; one said with "every night" or "every evening" (the eveningTime slot) is p.m. */
function timeSlot(input: HandlerInput): TimeOfDay | undefined {
  return (
    parseTime(slotOf(input, 'time')?.value) ?? inTheEvening(parseTime(slotOf(input, 'eveningTime')?.value))
  );
}

/**
 * "Remind me to stretch every night at 9", or "set a bedtime stretch reminder": then "what time?", and
 * Alexa's dialog collects the answer (Dialog.ElicitSlot on the time slot, see turn/render.ts): it comes
 * back here as SetReminderIntent with the time filled.
 */
export const SetReminderHandler: RequestHandler = rule(
  (input) => isIntent(input, Intents.setReminder),
  (turn, input) => {
    const time = timeSlot(input);
    return time ? create(input, turn, time) : askReminderTime(turn.state, turn.ctx);
  },
);

/** Alexa's answer to a voice permission request: the warmth step with or without its timer; or the reminder. */
export const PermissionResponseHandler: RequestHandler = rule(
  (input) => isRequest(input, 'Connections.Response'),
  (turn, input) => {
    const { state, ctx } = turn;
    const request = input.requestEnvelope.request as interfaces.connections.ConnectionsResponse;
    const status = (request.payload as { status?: unknown } | undefined)?.status;
    const timer = parseTimerToken(request.token);
    if (timer) return timerAnswer(state, timer, status === 'ACCEPTED', ctx);
    const time = timeFromToken(request.token) ?? DEFAULT_TIME;
    return status === 'ACCEPTED' ? create(input, turn, time) : permissionDenied(state, ctx);
  },
);

/** "Cancel my stretch reminder": every reminder this skill has, the saved one and any other listed. */
export const CancelReminderHandler: RequestHandler = rule(
  (input) => isIntent(input, Intents.cancelReminder),
  async ({ state, ctx, deadline }, input) => {
    const clients = alexaServicesFor(input, deadline);
    const result = await cancelReminders(input.requestEnvelope, clients, state.stored.reminderToken);
    return remindersCancelled(state, result, ctx);
  },
);

/** "What reminders do I have?": this skill's reminders, with the time they ring. */
export const ListRemindersHandler: RequestHandler = rule(
  (input) => isIntent(input, Intents.listReminders),
  async ({ state, ctx, deadline }, input) =>
    remindersListed(
      state,
      await listReminders(input.requestEnvelope, alexaServicesFor(input, deadline)),
      ctx,
    ),
);
