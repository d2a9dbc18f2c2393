import fc from 'fast-check';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { envelope, localDevice, newSessionId } from '../../lambda/local/simulator/envelope';
import { useServer } from '../helpers/server';
import { MemoryPersistenceAdapter } from '../../lambda/persistence/memory';
import { Intents } from '../../lambda/handlers/intents';
import { lambdaHandler } from '../../lambda/skill';

process.env.CALF_COACH_LOG = 'silent';

/** 10,000 envelopes by default (npm test and CI); CALF_COACH_FUZZ_RUNS for more or fewer. */
const RUNS = Number(process.env.CALF_COACH_FUZZ_RUNS ?? 10_000);
const HTTP_RUNS = Math.max(200, Math.round(RUNS / 20));

const INTENTS: readonly string[] = Object.values(Intents);

const oddString = fc.oneof(
  { arbitrary: fc.string(), weight: 6 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 50 }), weight: 3 },
  { arbitrary: fc.string({ minLength: 5_000, maxLength: 20_000 }), weight: 1 },
  {
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '<speak>',
      '&amp;',
      '"\'<>&',
      '\u0000\u0007',
      'undefined',
      '__proto__',
      'constructor',
    ),
    weight: 3,
  },
);

const anyValue = fc.oneof(fc.anything({ maxDepth: 3 }), oddString, fc.constant(undefined), fc.constant(null));

/** A realistic session state for the skill, to corrupt. */
const sessionAttributes = fc.oneof(
  fc.constant({}),
  fc.record({ calfCoach: anyValue }),
  fc.record({
    calfCoach: fc.record(
      {
        v: fc.oneof(fc.constant(1), anyValue),
        routineId: fc.oneof(fc.constantFrom('cramp', 'afterRun', 'bedtime'), anyValue),
        stepIndex: fc.oneof(fc.integer({ min: -5, max: 20 }), anyValue),
        tries: fc.oneof(fc.integer(), anyValue),
        screening: fc.oneof(
          fc.record({ short: fc.boolean(), full: fc.boolean(), skipTouch: fc.boolean() }),
          anyValue,
        ),
        pending: fc.oneof(
          fc.record({
            kind: fc.constantFrom('screen', 'heatCold', 'easing', 'resume', 'other'),
            stage: fc.constantFrom('short', 'full', 'x'),
            question: fc.integer({ min: -2, max: 12 }),
            from: fc.integer({ min: -2, max: 12 }),
            step: fc.integer({ min: -2, max: 12 }),
            unclear: fc.integer({ min: -1, max: 5 }),
          }),
          anyValue,
        ),
        flag: fc.oneof(
          fc.record({ level: fc.constantFrom('emergency', 'urgent', 'x'), reason: fc.string() }),
          anyValue,
        ),
        sessionStartMs: fc.oneof(fc.integer(), anyValue),
        stored: anyValue,
        savedFingerprint: anyValue,
        lastSpeech: anyValue,
        lastReprompt: anyValue,
      },
      { requiredKeys: [] },
    ),
  }),
);

const slots = fc.dictionary(
  fc.oneof(fc.constant('preference'), fc.string({ maxLength: 10 })),
  fc.oneof(
    fc.record({ name: fc.string(), value: oddString, confirmationStatus: fc.constant('NONE') }),
    fc.record({
      name: fc.constant('preference'),
      value: oddString,
      resolutions: fc.record({
        resolutionsPerAuthority: fc.array(
          fc.record({
            authority: fc.string(),
            status: fc.record({ code: fc.constantFrom('ER_SUCCESS_MATCH', 'ER_SUCCESS_NO_MATCH', 'x') }),
            values: fc.array(fc.record({ value: fc.record({ name: oddString, id: oddString }) })),
          }),
        ),
      }),
    }),
    anyValue,
  ),
  { maxKeys: 3 },
);

const requestBody = fc.oneof(
  fc.constant({ type: 'LaunchRequest' as const }),
  fc.record({
    type: fc.constant('IntentRequest' as const),
    intent: fc.record({
      name: fc.oneof(fc.constantFrom(...INTENTS), oddString),
      confirmationStatus: fc.constant('NONE' as const),
      slots,
    }),
  }),
  fc.record({
    type: fc.constant('SessionEndedRequest' as const),
    reason: fc.constantFrom('USER_INITIATED', 'EXCEEDED_MAX_REPROMPTS', 'ERROR'),
  }),
);

type Mutation = (request: Record<string, unknown>) => void;
const path = fc.constantFrom(
  ['request'],
  ['request', 'type'],
  ['request', 'locale'],
  ['request', 'timestamp'],
  ['request', 'intent'],
  ['request', 'intent', 'name'],
  ['session'],
  ['session', 'attributes'],
  ['session', 'new'],
  ['session', 'user'],
  ['context'],
  ['context', 'System'],
  ['context', 'System', 'user'],
  ['context', 'System', 'user', 'userId'],
  ['context', 'System', 'device'],
  ['context', 'System', 'application'],
  ['version'],
);
const mutation: fc.Arbitrary<Mutation> = fc
  .tuple(path, fc.oneof(fc.constant('delete' as const), anyValue))
  .map(([keys, value]) => (root: Record<string, unknown>) => {
    let node: unknown = root;
    for (const key of keys.slice(0, -1)) {
      if (typeof node !== 'object' || node === null) return;
      node = (node as Record<string, unknown>)[key];
    }
    if (typeof node !== 'object' || node === null) return;
    const last = keys[keys.length - 1] ?? '';
    if (value === 'delete') Reflect.deleteProperty(node, last);
    else (node as Record<string, unknown>)[last] = value;
  });

const envelopes = fc
  .record({
    body: requestBody,
    locale: fc.oneof(
      fc.constantFrom('en-US', 'en-GB', 'de-DE', 'es-US', 'en-IN', 'fr-FR', 'xx-XX', ''),
      oddString,
    ),
    attributes: sessionAttributes,
    isNew: fc.boolean(),
    userId: fc.oneof(fc.constant('amzn1.ask.account.FUZZ'), oddString),
    mutations: fc.array(mutation, { maxLength: 3 }),
    when: fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
  })
  .map(({ body, locale, attributes, isNew, userId, mutations, when }) => {
    const plain =
      body.type === 'IntentRequest'
        ? { type: body.type, intent: { name: body.intent.name, confirmationStatus: 'NONE' as const } }
        : body;
    const base = envelope(
      localDevice({ locale, userId }),
      { sessionId: newSessionId(), isNew, attributes },
      plain,
      when,
    );
    const copy = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
    if (body.type === 'IntentRequest')
      ((copy.request as Record<string, unknown>).intent as Record<string, unknown>).slots = body.intent.slots;
    for (const mutate of mutations) mutate(copy);
    return copy as unknown as RequestEnvelope;
  });

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`hung for ${String(ms)} ms`));
    }, ms);
  });
  try {
    return await Promise.race([work, hung]);
  } finally {
    clearTimeout(timer);
  }
}

/** A response Alexa accepts: version, a response object, SSML that is wrapped in <speak>, and a session flag. */
function expectValidAlexaResponse(response: ResponseEnvelope): void {
  expect(response.version).toBe('1.0');
  expect(typeof response.response).toBe('object');
  const speech = response.response.outputSpeech;
  if (speech) {
    expect(speech.type).toBe('SSML');
    if (speech.type === 'SSML') expect(speech.ssml).toMatch(/^<speak>[\s\S]*<\/speak>$/);
    expect(typeof response.response.shouldEndSession).toBe('boolean');
  }
  expect(Buffer.byteLength(JSON.stringify(response))).toBeLessThan(24 * 1024);
}

describe(`fuzzing: ${String(RUNS)} generated envelopes`, () => {
  const handler = lambdaHandler({ persistenceAdapter: new MemoryPersistenceAdapter() });
  const invoke = (event: RequestEnvelope): Promise<ResponseEnvelope> =>
    new Promise((resolve, reject) => {
      handler(event, {}, (error: unknown, result: unknown) => {
        if (error) reject(error instanceof Error ? error : new Error('handler failed'));
        else resolve(result as ResponseEnvelope);
      });
    });

  it('the Lambda handler answers every one with a valid Alexa response, never throws, never hangs', async () => {
    await fc.assert(
      fc.asyncProperty(envelopes, async (event) => {
        expectValidAlexaResponse(await withTimeout(invoke(event), 2000));
      }),
      { numRuns: RUNS },
    );
  }, 600_000);

  describe('at the HTTP layer', () => {
    const server = useServer();

    it(`${String(HTTP_RUNS)} bodies: a 200 with a valid response, or a clean 4xx; the server keeps serving`, async () => {
      const bodies = fc.oneof(
        envelopes.map((e) => JSON.stringify(e)),
        oddString,
        fc.json(),
      );
      await fc.assert(
        fc.asyncProperty(bodies, async (body) => {
          const res = await withTimeout(
            fetch(`${server().url}/`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body,
            }),
            3000,
          );
          if (res.status === 200) expectValidAlexaResponse((await res.json()) as ResponseEnvelope);
          else {
            expect(res.status).toBeGreaterThanOrEqual(400);
            expect(res.status).toBeLessThan(500);
            await res.text();
          }
        }),
        { numRuns: HTTP_RUNS },
      );
      expect((await fetch(`${server().url}/health`)).status).toBe(200);
    }, 600_000);
  });
});
