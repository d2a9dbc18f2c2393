import type { PersistenceAdapter } from 'ask-sdk-core';
import { DynamoDbPersistenceAdapter } from '../../lambda/persistence/dynamodb';
import { MemoryPersistenceAdapter } from '../../lambda/persistence/memory';
import { REMINDERS_SCOPE } from '../../lambda/reminders/schedule';
import { lambdaHandler } from '../../lambda/skill';
import { fakeAlexaApiPerTest, reminderRequest } from '../helpers/alexa-api';
import { Conversation } from '../helpers/conversation';
import { createTable, FaultyProxy, startDynalite, type LocalDynamo } from '../helpers/dynalite';

/**
 * One deadline per turn: whatever the table and the Alexa APIs do, every turn answers within 3 s of
 * its start, says what it knows, and leaves the state consistent. The table is dynalite behind a real
 * proxy that makes each call slow (and lets another device write in between); the Alexa APIs are a real
 * server on loopback that answers slowly.
 */

const TURN_LIMIT_MS = 3000;
const SLOW_TABLE_MS = 950;
const SLOW_API_MS = 2900;

const GRANTED = { consentToken: 'consent', scopes: { [REMINDERS_SCOPE]: { status: 'GRANTED' as const } } };

let dynamo: LocalDynamo;
let proxy: FaultyProxy;
let proxyEndpoint: string;
let tables = 0;
beforeAll(async () => {
  dynamo = await startDynalite();
  proxy = new FaultyProxy(dynamo.endpoint);
  proxyEndpoint = await proxy.start();
});
afterAll(async () => {
  await proxy.close();
  await dynamo.close();
});
afterEach(() => {
  proxy.delayMs = 0;
  proxy.before = undefined;
});

const fake = fakeAlexaApiPerTest();

/** A fresh table; the skill's adapter goes through the slow proxy, `direct` straight to dynalite. */
async function table(): Promise<{ slow: PersistenceAdapter; direct: PersistenceAdapter }> {
  const tableName = `deadline-${String(++tables)}`;
  await createTable(dynamo.endpoint, tableName);
  const adapter = (endpoint: string): DynamoDbPersistenceAdapter =>
    new DynamoDbPersistenceAdapter({ tableName, endpoint, region: 'us-east-1' });
  return { slow: adapter(proxyEndpoint), direct: adapter(dynamo.endpoint) };
}

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = Date.now();
  const result = await work();
  return { result, ms: Date.now() - started };
}

describe('a slow table', () => {
  it('"speak slower" in a new session, table at 0.95 s a call and a conflicting write: answered in time, and nothing lost', async () => {
    const { slow, direct } = await table();
    // The person has used the skill before, on another device.
    await new Conversation({ adapter: direct }).sayAll('open calf coach', 'stop');
    proxy.delayMs = SLOW_TABLE_MS;
    let conflicted = false;
    proxy.before = async (operation) => {
      if (operation !== 'UpdateItem' || conflicted) return;
      conflicted = true;
      // The kitchen device writes while this turn's write is on its way.
      await new Conversation({ adapter: direct, device: { deviceId: 'amzn1.ask.device.KITCHEN' } }).say(
        'ask calf coach to make the holds longer',
      );
    };
    const c = new Conversation({ adapter: slow, ignoreSessionEnd: true });
    const { result: answer, ms } = await timed(() => c.say('ask calf coach to speak slower'));
    expect(ms).toBeLessThan(TURN_LIMIT_MS);
    expect(answer.text).toMatch(/more slowly/);
    // Once the table answers again, the next turn writes what this one could not: both changes are kept.
    proxy.delayMs = 0;
    proxy.before = undefined;
    await c.say('ask calf coach to speak slower');
    const stored = await direct.getAttributes(answer.request);
    expect(stored).toMatchObject({ preferences: { rate: 'slow', holdScale: 1.5 } });
  }, 30_000);
});

describe('a slow Alexa API', () => {
  const withApi = (adapter?: PersistenceAdapter): Conversation =>
    new Conversation({
      ...(adapter ? { adapter } : {}),
      device: { apiEndpoint: fake.endpoint, permissions: GRANTED },
    });

  it('a one-shot reminder with every call at 2.9 s: answered in time, saying nothing was set', async () => {
    fake.api.delayMs = SLOW_API_MS;
    const c = withApi();
    const { result: answer, ms } = await timed(() =>
      c.say('ask calf coach to remind me to stretch every night at nine pm'),
    );
    expect(ms).toBeLessThan(TURN_LIMIT_MS);
    expect(answer.text).toMatch(
      /^Sorry, I couldn't reach the reminders service just now, so the reminder isn't set\./,
    );
  }, 15_000);

  it('when the create itself is what runs out of time: "I\'ve asked", and no token is kept', async () => {
    fake.api.delayFor = (method) => (method === 'POST' ? SLOW_API_MS : 0);
    const c = withApi();
    const { result: answer, ms } = await timed(() =>
      c.say('ask calf coach to remind me to stretch every night at nine pm'),
    );
    expect(ms).toBeLessThan(TURN_LIMIT_MS);
    expect(answer.text).toMatch(/^I've asked for the reminder; the Alexa app shows whether it's set\./);
    expect(await c.stored()).not.toHaveProperty('reminderToken');
  }, 15_000);

  it('"cancel my stretch reminder" with three reminders and no saved token, each call at 2.9 s: answered in time, honestly', async () => {
    for (const token of ['a', 'b', 'c']) fake.api.reminders.set(token, { alertToken: token });
    fake.api.delayMs = SLOW_API_MS;
    const c = withApi();
    const { result: answer, ms } = await timed(() => c.say('ask calf coach to cancel my stretch reminder'));
    expect(ms).toBeLessThan(TURN_LIMIT_MS);
    expect(answer.text).toMatch(
      /^Sorry, I couldn't reach the reminders service just now\. The Alexa app shows/,
    );
  }, 15_000);

  it('the three deletes go out together: at 0.7 s a call, the cancel takes two round trips', async () => {
    for (const token of ['a', 'b', 'c']) fake.api.reminders.set(token, { alertToken: token });
    fake.api.delayMs = 700;
    const c = withApi();
    const { result: answer, ms } = await timed(() => c.say('ask calf coach to cancel my stretch reminder'));
    expect(answer.text).toMatch(/^Okay, I've cancelled your stretch reminder\./);
    expect(fake.api.reminders.size).toBe(0);
    expect(ms).toBeLessThan(2 * 700 + 500);
  }, 15_000);

  it('everything slow at once, in a new session: table at 0.95 s and the API at 2.9 s', async () => {
    const { slow } = await table();
    proxy.delayMs = SLOW_TABLE_MS;
    fake.api.delayMs = SLOW_API_MS;
    const c = withApi(slow);
    const { ms } = await timed(() => c.say('ask calf coach to remind me to stretch every night at nine pm'));
    expect(ms).toBeLessThan(TURN_LIMIT_MS);
  }, 15_000);
});

describe("Lambda's remaining time", () => {
  it('with 1.5 s left in the function, the turn answers before it runs out', async () => {
    fake.api.mode = 'hang';
    const handler = lambdaHandler({ persistenceAdapter: new MemoryPersistenceAdapter() });
    const event = reminderRequest(fake.endpoint);
    const startedAt = Date.now();
    const context = { getRemainingTimeInMillis: () => 1500 - (Date.now() - startedAt) };
    const { result, ms } = await timed(() => handler(event, context));
    expect(ms).toBeLessThan(1500);
    expect(JSON.stringify(result.response.outputSpeech)).toMatch(/reminders service/);
  }, 15_000);
});
