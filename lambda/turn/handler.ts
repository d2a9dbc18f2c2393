import type { HandlerInput, RequestHandler } from 'ask-sdk-core';
import type { Outcome } from '../conversation/outcome';
import { startTimer } from '../reminders/timer-service';
import { render } from './render';
import { alexaServicesFor, setOutcome, turnOf, type Turn } from './turn';

/**
 * A request handler from a matcher and a move: the move's outcome is kept for the response
 * interceptor to save, and rendered once. Every handler of the skill is built here.
 */
export function rule(
  matches: (input: HandlerInput, turn: Turn) => boolean,
  move: (turn: Turn, input: HandlerInput) => Outcome | Promise<Outcome>,
): RequestHandler {
  return {
    canHandle: (input) => matches(input, turnOf(input)),
    handle: async (input) => {
      const turn = turnOf(input);
      const decided = await move(turn, input);
      // The one side effect a move may ask for; if the timer cannot be set, the move's other answer is said.
      const timer = decided.timer;
      const clients = timer && alexaServicesFor(input, turn.deadline);
      const set = timer && (await startTimer(clients, timer.seconds, timer.announce, turn.ctx.locale));
      const outcome = timer && !set ? timer.ifFailed : decided;
      setOutcome(input, outcome);
      return render(input, turn.ctx, outcome);
    },
  };
}
