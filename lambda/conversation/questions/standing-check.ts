import type { SessionState } from '../../state/session';
import type { Heard } from '../heard';
import { standUp, staySeated } from '../navigation';
import type { Ctx, Outcome } from '../outcome';
import { reportTrouble } from './report-check';

/**
 * "Before you stand on it: do you feel dizzy or unsteady, or are your feet numb?" (facts §2.2, §9
 * Routine 1 step 1-alt). Only a clear no reads the standing variant; yes, a hedge, cramp words or
 * anything unclear keep the person seated. A red flag is a report.
 */
export function hearStandingCheck(state: SessionState, heard: Heard, ctx: Ctx): Outcome | undefined {
  switch (heard.kind) {
    case 'no':
      return standUp(state, ctx);
    case 'yes':
    case 'hedge':
    case 'cramp':
    case 'pain':
    case 'unclear':
      return staySeated(state, ctx);
    case 'report':
      return reportTrouble(state, heard.report, ctx);
    case 'command':
    case 'other':
      return undefined;
  }
}
