import { say, type Speech } from '../../speech/ssml';
import type { SessionState } from '../../state/session';
import type { Heard } from '../heard';
import { currentRoutine, type Ctx, type Outcome } from '../outcome';
import { menu } from '../prompts';
import { proceed, readStep } from '../routine';
import { reportPain } from './pain-check';
import { reportTrouble } from './report-check';

/**
 * "Is the cramp easing?" Yes, or the cramp's status said as eased ("it's gone", "better"), moves on.
 * No, a hedge ("a bit"), "still tight", "the same", or the cramp's pain ("it still hurts") mean not
 * eased: the stretch once more, up to its tries, then something else (decision 3, rule 3). Sharp pain
 * is checked; a red flag is a report.
 */

/** Eased: on to the next step, and from now on the cramp has let go. */
function eased(state: SessionState, ctx: Ctx): Outcome {
  return proceed({ ...state, eased: true }, state.stepIndex + 1, ctx, [say(ctx.t('easing.good'))]);
}

/** Not eased: once more, up to the step's tries, then something else; never "now that it eased". */
function notEased(state: SessionState, ctx: Ctx, lead: Speech = []): Outcome {
  const step = currentRoutine(state)?.steps[state.stepIndex];
  if (!step) return menu(state, ctx);
  if (state.tries < (step.checkEasing?.maxTries ?? 1))
    return readStep(state, state.stepIndex, ctx, lead, 'retry');
  return proceed(state, state.stepIndex + 1, ctx, [...lead, say(ctx.t('easing.moveOn'))]);
}

/** What the words heard are to "is the cramp easing?"; `undefined` for commands and words not understood. */
export function hearEasing(state: SessionState, heard: Heard, ctx: Ctx): Outcome | undefined {
  switch (heard.kind) {
    case 'yes':
      return eased(state, ctx);
    case 'no':
    case 'hedge':
      return notEased(state, ctx);
    case 'cramp':
      return heard.eased === undefined ? undefined : heard.eased ? eased(state, ctx) : notEased(state, ctx);
    case 'pain':
      return heard.how === 'sharp'
        ? reportPain(state, ctx)
        : notEased(state, ctx, [say(ctx.t('pain.easeOff'))]);
    case 'report':
      return reportTrouble(state, heard.report, ctx);
    case 'command':
    case 'unclear':
    case 'other':
      return undefined;
  }
}
