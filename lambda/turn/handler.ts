import type { HandlerInput, RequestHandler } from 'ask-sdk-core';
import type { Outcome } from '../conversation/outcome';
import { startTimer } from '../reminders/timer-service';
import { render } from './render';
import { alexaServicesFor, setOutcome, turnOf, type Turn } from './turn';

/** The move's outcome kept for the response interceptor to save, and rendered once. */
async function respond(input: HandlerInput, turn: Turn, decided: Outcome) {
  // The one side effect a move may ask for; if the timer cannot be set, the move's other answer is said.
  const timer = decided.timer;
  const clients = timer && alexaServicesFor(input, turn.deadline);
  const set = timer && (await startTimer(clients, timer.seconds, timer.announce, turn.ctx.locale));
  const outcome = timer && !set ? timer.ifFailed : decided;
  setOutcome(input, outcome);
  return render(input, turn.ctx, outcome);
}

/** A request handler from a matcher and a move. Every handler of the skill is built here or by `decision`. */
export function rule(
  matches: (input: HandlerInput, turn: Turn) => boolean,
  move: (turn: Turn, input: HandlerInput) => Outcome | Promise<Outcome>,
): RequestHandler {
  return {
    canHandle: (input) => matches(input, turnOf(input)),
    handle: async (input) => {
      const turn = turnOf(input);
      return respond(input, turn, await move(turn, input));
    },
  };
}

/** Each `decision` keeps its outcome under a request attribute of its own. */
let decisions = 0;

/**
 * A handler whose move is its matcher: it takes the request when the move decides something (a waiting
 * question that owns the words). The outcome is decided once, when it is asked, and kept for handle.
 */
export function decision(decide: (turn: Turn, input: HandlerInput) => Outcome | undefined): RequestHandler {
  const key = `calfCoachDecided${String(++decisions)}`;
  const decided = (input: HandlerInput): Outcome | undefined =>
    input.attributesManager.getRequestAttributes()[key] as Outcome | undefined;
  return {
    canHandle: (input) => {
      const outcome = decide(turnOf(input), input);
      input.attributesManager.getRequestAttributes()[key] = outcome;
      return outcome !== undefined;
    },
    handle: (input) => {
      const outcome = decided(input);
      if (!outcome) throw new Error('handle called for a request this handler did not take');
      return respond(input, turnOf(input), outcome);
    },
  };
}
