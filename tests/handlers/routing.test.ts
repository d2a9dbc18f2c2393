import fc from 'fast-check';
import {
  AttributesManagerFactory,
  ResponseFactory,
  type HandlerInput,
  type RequestHandler,
} from 'ask-sdk-core';
import { SKILL_EVENTS } from '../../lambda/handlers/events';
import { Intents, intentRouter, KNOWN_INTENTS, type Takes } from '../../lambda/handlers/intents';
import { envelope, localDevice, newSessionId, type RequestBody } from '../../lambda/local/simulator/envelope';
import { MemoryPersistenceAdapter } from '../../lambda/persistence/memory';
import { ROUTINES } from '../../lambda/routines/data';
import { REQUEST_HANDLERS, ROUTES } from '../../lambda/skill';
import { loadTurn } from '../../lambda/turn/load';
import { Conversation } from '../helpers/conversation';

/**
 * The router asks only the handlers whose route names the request, in REQUEST_HANDLERS order. That is
 * the same as asking them all (ask-sdk's way) exactly when no handler takes a request its route leaves
 * out: checked here over the states real conversations reach, crossed with every intent and request.
 */

const START = ['CrampReliefIntent', 'AfterRunIntent', 'BedtimeIntent'];
const UNKNOWN = ['NoSuchIntent', 'constructor', '__proto__', 'toString'];

/** Session attributes after every turn of a few conversations: each routine walked through, and odd turns. */
async function reachedStates(): Promise<Record<string, unknown>[]> {
  const states: Record<string, unknown>[] = [{}];
  const keep = (c: Conversation): void => {
    for (const exchange of c.exchanges) states.push(exchange.response.sessionAttributes ?? {});
  };
  for (const [index, start] of START.entries()) {
    const routine = Object.values(ROUTINES)[index];
    const c = new Conversation({ ignoreSessionEnd: true });
    await c.intent(start);
    for (let turn = 0; turn < (routine?.steps.length ?? 0) * 3 + 6; turn++) {
      await c.intent(
        turn % 4 === 3 ? 'AMAZON.YesIntent' : turn % 2 ? 'AMAZON.NextIntent' : 'AMAZON.NoIntent',
      );
    }
    keep(c);
  }
  const walks = fc.sample(
    fc.array(fc.constantFrom(...KNOWN_INTENTS, 'NoSuchIntent'), { minLength: 4, maxLength: 14 }),
    { numRuns: 60, seed: 17 },
  );
  for (const walk of walks) {
    const c = new Conversation({ ignoreSessionEnd: true });
    await c.launch();
    for (const name of walk) await c.intent(name);
    keep(c);
  }
  return states;
}

function bodies(): { readonly key: string; readonly body: RequestBody | { type: string } }[] {
  const intent = (name: string): RequestBody => ({
    type: 'IntentRequest',
    intent: { name, confirmationStatus: 'NONE' },
  });
  return [
    ...[...KNOWN_INTENTS, ...UNKNOWN].map((name) => ({ key: name, body: intent(name) })),
    { key: 'LaunchRequest', body: { type: 'LaunchRequest' } },
    { key: 'SessionEndedRequest', body: { type: 'SessionEndedRequest', reason: 'USER_INITIATED' } },
    {
      key: 'Connections.Response',
      body: {
        type: 'Connections.Response',
        name: 'AskFor',
        status: { code: '200', message: 'OK' },
        payload: { status: 'ACCEPTED' },
        token: 'timer:3',
      },
    },
    ...SKILL_EVENTS.map((type) => ({ key: type, body: { type } })),
    { key: 'Display.ElementSelected', body: { type: 'Display.ElementSelected' } },
  ];
}

async function inputFor(
  attributes: Record<string, unknown>,
  body: RequestBody | { type: string },
): Promise<HandlerInput> {
  const requestEnvelope = envelope(
    localDevice(),
    { sessionId: newSessionId(), isNew: false, attributes },
    body as RequestBody,
    new Date('2026-11-25T02:30:00Z'),
  );
  const persistenceAdapter = new MemoryPersistenceAdapter();
  const input: HandlerInput = {
    requestEnvelope,
    context: {},
    attributesManager: AttributesManagerFactory.init({ requestEnvelope, persistenceAdapter }),
    responseBuilder: ResponseFactory.init(),
  };
  await loadTurn(persistenceAdapter).process(input);
  return input;
}

function routeTakes(takes: Takes, body: { type: string; intent?: { name: string } }): boolean {
  if (takes.requests?.includes(body.type)) return true;
  if (body.type !== 'IntentRequest') return false;
  const name = body.intent?.name ?? '';
  return (
    (takes.intents?.includes(name) ?? false) || (takes.unknownIntents === true && !KNOWN_INTENTS.has(name))
  );
}

const canHandle = async (handler: RequestHandler, input: HandlerInput): Promise<boolean> => {
  try {
    return await handler.canHandle(input);
  } catch {
    return false;
  }
};

describe('routing by intent name', () => {
  let states: Record<string, unknown>[] = [];
  beforeAll(async () => {
    states = await reachedStates();
  }, 60_000);

  it('names every handler but the three that take anything (the flag lock, the waiting question and the fallback)', () => {
    const unrouted = REQUEST_HANDLERS.filter((handler) => !ROUTES.has(handler));
    expect(unrouted).toHaveLength(3);
  });

  it('no handler takes a request its route leaves out, in any state reached; the router picks what the whole list would', async () => {
    const router = intentRouter(REQUEST_HANDLERS, ROUTES);
    const wrong: string[] = [];
    let cells = 0;
    for (const attributes of states) {
      for (const { key, body } of bodies()) {
        const input = await inputFor(attributes, body);
        let first: RequestHandler | undefined;
        for (const handler of REQUEST_HANDLERS) {
          const can = await canHandle(handler, input);
          const takes = ROUTES.get(handler);
          if (can && takes && !routeTakes(takes, body)) {
            wrong.push(
              `handler #${String(REQUEST_HANDLERS.indexOf(handler))} takes ${key}, not in its route`,
            );
          }
          if (can && !first) first = handler;
        }
        const routed = (await router.canHandle(input))
          ? Object.values(input.attributesManager.getRequestAttributes() as Record<string, unknown>).find(
              (value) => REQUEST_HANDLERS.includes(value as RequestHandler),
            )
          : undefined;
        if (routed !== first) wrong.push(`${key}: the router picked another handler than the whole list`);
        cells++;
      }
    }
    expect([...new Set(wrong)]).toEqual([]);
    expect(states.length).toBeGreaterThan(100);
    expect(cells).toBeGreaterThan(5000);
  }, 120_000);

  it('asks far fewer handlers a turn than the whole list, over a cramp conversation', async () => {
    let asked = 0;
    const counting = new Map<RequestHandler, RequestHandler>(
      REQUEST_HANDLERS.map((handler) => [
        handler,
        {
          canHandle: (input) => {
            asked++;
            return handler.canHandle(input);
          },
          handle: (input) => handler.handle(input),
        },
      ]),
    );
    const wrapped = REQUEST_HANDLERS.map((handler) => counting.get(handler) ?? handler);
    const routes = new Map(
      [...ROUTES].map(([handler, takes]) => [counting.get(handler) ?? handler, takes] as const),
    );
    const router = intentRouter(wrapped, routes);
    let linear = 0;
    let turns = 0;
    const c = new Conversation();
    await c.sayAll('ask calf coach for help with a cramp', 'no', 'no', 'yes', 'next', 'no', 'no', 'no');
    for (const exchange of c.exchanges) {
      const attributes = exchange.request.session?.attributes ?? {};
      const input = await inputFor(attributes, exchange.request.request);
      for (const handler of REQUEST_HANDLERS) {
        linear++;
        if (await canHandle(handler, input)) break;
      }
      expect(await router.canHandle(input)).toBe(true);
      turns++;
    }
    console.log(
      `canHandle calls a turn: ${(linear / turns).toFixed(1)} asking the whole list, ${(asked / turns).toFixed(1)} through the router`,
    );
    expect(asked).toBeLessThan(linear / 2);
  });

  it('an intent named after an Object property is just an unknown intent', async () => {
    const router = intentRouter(REQUEST_HANDLERS, ROUTES);
    for (const name of UNKNOWN) {
      const input = await inputFor(
        {},
        {
          type: 'IntentRequest',
          intent: { name, confirmationStatus: 'NONE' },
        },
      );
      expect(await router.canHandle(input)).toBe(true);
    }
    expect(Intents.fallback).toBe('AMAZON.FallbackIntent');
  });
});
