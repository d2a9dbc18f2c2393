import type { RoutineId } from '../routines/types';
import { say } from '../speech/ssml';
import type { SessionState } from '../state/session';
import { withStored, type Ctx, type Outcome } from './outcome';
import { askPending, menu } from './prompts';
import { startRoutine } from './routine';

/** How a session begins: "open Calf Coach", or a one-shot straight into a routine. */

/** The welcome, then "shall we carry on?" if a routine was left, else the menu. */
export function launch(state: SessionState, ctx: Ctx): Outcome {
  const welcome = say(ctx.t(state.stored.welcomed ? 'welcome.back' : 'welcome.first'));
  const welcomed = withStored(state, (stored) => ({ ...stored, welcomed: true }));
  if (!state.stored.progress) return menu(welcomed, ctx, [welcome]);
  return askPending(welcomed, { kind: 'resume' }, ctx, [welcome]);
}

/** "Help with a cramp", "a stretch after my run", "bedtime stretch": straight into that routine. */
export function oneShot(state: SessionState, routineId: RoutineId, ctx: Ctx): Outcome {
  const intro =
    routineId === 'cramp'
      ? ctx.t('start.cramp')
      : ctx.t('start.other', { routine: ctx.t(`routines.${routineId}.name`) });
  return startRoutine(state, routineId, ctx, [say(intro)]);
}
