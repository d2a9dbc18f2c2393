import { say } from '../../speech/ssml';
import type { SessionState } from '../../state/session';
import type { Heard } from '../heard';
import { askReminderTime, reminderDone } from '../reminders';
import { askPending } from '../prompts';
import type { Ctx, Outcome } from '../outcome';

/**
 * "Would you like a daily reminder to stretch at bedtime?" Yes asks the time (Alexa's dialog collects
 * it); no, or "next", declines; a hedge asks again.
 */
export function hearReminderOffer(state: SessionState, heard: Heard, ctx: Ctx): Outcome | undefined {
  switch (heard.kind) {
    case 'yes':
      return askReminderTime(state, ctx);
    case 'no':
      return reminderDone(state, ctx.t('reminder.declined'), ctx);
    case 'command':
      return heard.command === 'next' ? reminderDone(state, ctx.t('reminder.declined'), ctx) : undefined;
    case 'hedge':
    case 'cramp':
      return askPending(state, { kind: 'reminderOffer' }, ctx, [say(ctx.t('screen.reprompt'))]);
    default:
      return undefined;
  }
}
