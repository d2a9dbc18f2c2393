import { say } from '../../speech/ssml';
import type { SessionState } from '../../state/session';
import type { Heard } from '../heard';
import { oneShot } from '../launch';
import { declineResume, resume } from '../navigation';
import { askPending } from '../prompts';
import type { Ctx, Outcome } from '../outcome';

/**
 * "You were on step two of the cramp routine. Shall we carry on?" Yes carries on, no puts it down; pain
 * talk ("my calf hurts", "ow") is a cramp now, so the cramp routine starts; a hedge or cramp words ask
 * it again. Reports and commands are taken as anywhere else.
 */
export function hearResumeOffer(state: SessionState, heard: Heard, ctx: Ctx): Outcome | undefined {
  switch (heard.kind) {
    case 'yes':
      return resume(state, ctx);
    case 'no':
      return declineResume(state, ctx);
    case 'pain':
      return oneShot(state, 'cramp', ctx);
    case 'hedge':
    case 'cramp':
      return askPending(state, { kind: 'resume' }, ctx, [say(ctx.t('screen.reprompt'))]);
    default:
      return undefined;
  }
}
