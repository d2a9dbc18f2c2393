import type { RoutineId } from '../routines/types';
import { say } from '../speech/ssml';
import { stateWith, type SessionState } from '../state/session';
import { withStored, type Ctx, type Outcome } from './outcome';
import { askPending, menu } from './prompts';
import { startRoutine } from './routine';

/** How a session begins: "open Calf Coach", or a one-shot straight into a routine. */

/** The welcome, then "shall we carry on?" if a routine was left, else the menu. */
export function launch(state: SessionState, ctx: Ctx): Outcome {
  const first = !state.stored.welcomed;
  const welcome = say(ctx.t(first ? 'welcome.first' : 'welcome.back'));
  // The first welcome says it is not medical advice: the routine that follows does not say it again.
  const welcomed = withStored(first ? stateWith(state, { disclaimed: true }) : state, (stored) => ({
    ...stored,
    welcomed: true,
  }));
  if (!state.stored.progress) return menu(welcomed, ctx, [welcome]);
  return askPending(welcomed, { kind: 'resume' }, ctx, [welcome]);
}

/** "Help with a cramp", "a stretch after my run", "bedtime stretch": straight into that routine. */
export function oneShot(state: SessionState, routineId: RoutineId, ctx: Ctx): Outcome {
  const routine = ctx.t(`routines.${routineId}.name`);
  // "Not medical advice" once a session: a cramp after the first welcome goes straight to its questions.
  const intro = state.disclaimed
    ? routineId === 'cramp'
      ? []
      : [say(ctx.t('start.otherSaid', { routine }))]
    : [say(routineId === 'cramp' ? ctx.t('start.cramp') : ctx.t('start.other', { routine }))];
  return startRoutine(stateWith(state, { disclaimed: true }), routineId, ctx, intro);
}
