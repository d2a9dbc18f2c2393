import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { PutItemCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { Conversation } from '../helpers/conversation';
import {
  closedPortEndpoint,
  countingAdapter,
  createTable,
  FaultyProxy,
  scanTable,
  startDynalite,
  type LocalDynamo,
} from '../helpers/dynalite';
import { bundleTo, run } from '../helpers/process';
import { toAfterRunStepTwo } from '../helpers/routes';
import { DynamoDbPersistenceAdapter } from '../../lambda/persistence/dynamodb';

let dynamo: LocalDynamo;
let tableCount = 0;

beforeAll(async () => {
  dynamo = await startDynalite();
});
afterAll(async () => {
  await dynamo.close();
});

async function freshTable(): Promise<string> {
  const name = `calf-coach-test-${String(++tableCount)}`;
  await createTable(dynamo.endpoint, name);
  return name;
}

function adapterFor(table: string, endpoint = dynamo.endpoint): DynamoDbPersistenceAdapter {
  return new DynamoDbPersistenceAdapter({ tableName: table, endpoint, region: 'us-east-1' });
}

describe('DynamoDB persistence, against a real DynamoDB-compatible server', () => {
  it('pause in one session, resume in a new one (new session id, same user) at the same step', async () => {
    const table = await freshTable();
    const first = new Conversation({ adapter: adapterFor(table) });
    await toAfterRunStepTwo(first);
    await first.say('pause');
    const second = new Conversation({ adapter: adapterFor(table) });
    const resumed = await second.say('ask calf coach to resume');
    expect(resumed.request.session?.sessionId).not.toBe(first.exchanges[0]?.request.session?.sessionId);
    expect(resumed.text).toMatch(/at step two/);
    await second.sayAll('no', 'no');
    expect((await second.say('no')).text).toMatch(/^Okay\. Step two of five\. Stand facing a wall/);
  });

  it('stop mid-routine, then "open calf coach" offers to carry on; yes continues', async () => {
    const table = await freshTable();
    const c = new Conversation({ adapter: adapterFor(table) });
    await toAfterRunStepTwo(c);
    await c.say('stop');
    expect((await c.say('open calf coach')).text).toMatch(
      /You were on step two of the after-run stretch\. Shall we carry on\?$/,
    );
    await c.sayAll('yes', 'no', 'no');
    expect((await c.say('no')).text).toMatch(/Step two of five/);
  });

  it('no to "carry on?" goes to the menu and clears the saved place in the table', async () => {
    const table = await freshTable();
    const c = new Conversation({ adapter: adapterFor(table) });
    await toAfterRunStepTwo(c);
    await c.say('stop');
    await c.say('open calf coach');
    expect((await c.say('no')).text).toMatch(/Which would you like\?$/);
    const [item] = await scanTable(dynamo.endpoint, table);
    expect(item?.attributes).not.toHaveProperty('progress');
  });

  it('a finished routine clears progress', async () => {
    const table = await freshTable();
    const c = new Conversation({ adapter: adapterFor(table) });
    await c.sayAll('ask calf coach for a bedtime stretch', 'no', 'no', 'next');
    expect((await scanTable(dynamo.endpoint, table))[0]?.attributes).toHaveProperty('progress');
    await c.say('next');
    expect((await scanTable(dynamo.endpoint, table))[0]?.attributes).not.toHaveProperty('progress');
  });

  it('preferences persist and change what is spoken: longer holds, slower, night mode', async () => {
    const table = await freshTable();
    const first = new Conversation({ adapter: adapterFor(table) });
    await first.sayAll('open calf coach', 'make the holds longer', 'speak slower', 'speak quietly', 'stop');
    const second = new Conversation({ adapter: adapterFor(table) });
    const step = await second.sayAll('ask calf coach for a bedtime stretch', 'no', 'no');
    expect(step.ssml).toMatch(/^<speak><prosody volume="soft"><prosody rate="85%">/);
    expect(step.text).toMatch(/Hold\. … … Thirty seconds left\. … … Ten more\./);
    const [item] = await scanTable(dynamo.endpoint, table);
    expect(item?.attributes).toMatchObject({ preferences: { holdScale: 1.5, rate: 'slow', quiet: true } });
  });

  it('one read per session; a write only when progress or preferences changed, the welcome with the first', async () => {
    const table = await freshTable();
    const { adapter, calls } = countingAdapter(dynamo.endpoint, table);
    const c = new Conversation({ adapter });
    await c.say('open calf coach');
    // The welcome was heard: that goes out with the first progress write, not on its own.
    expect(calls).toEqual({ GetItem: 1 });
    await c.sayAll('help', 'repeat', 'what', 'yes');
    expect(calls).toEqual({ GetItem: 1 });
    await c.sayAll('bedtime', 'no');
    expect(calls).toEqual({ GetItem: 1 });
    await c.say('no');
    expect(calls).toEqual({ GetItem: 1, UpdateItem: 1 });
    expect((await scanTable(dynamo.endpoint, table))[0]).toMatchObject({
      version: 1,
      attributes: { welcomed: true, progress: { routineId: 'bedtime', stepIndex: 0 } },
    });
    await c.sayAll('repeat', 'help', 'tell me more');
    expect(calls).toEqual({ GetItem: 1, UpdateItem: 1 });
    await c.say('pause');
    expect(calls).toEqual({ GetItem: 1, UpdateItem: 1 });
    await c.say('open calf coach');
    expect(calls).toEqual({ GetItem: 2, UpdateItem: 1 });
  });

  it('the welcome alone is written when the session ends before any progress', async () => {
    const table = await freshTable();
    const { adapter, calls } = countingAdapter(dynamo.endpoint, table);
    const first = new Conversation({ adapter });
    await first.say('open calf coach');
    await first.endSession();
    expect(calls).toEqual({ GetItem: 1, UpdateItem: 1 });
    const second = new Conversation({ adapter });
    await second.say('open calf coach');
    await second.say('stop');
    expect(calls).toEqual({ GetItem: 2, UpdateItem: 1 });
    expect((await second.say('open calf coach')).text).toMatch(/^Welcome back/);
  });

  it("two users interleaved turn by turn never see each other's progress", async () => {
    const table = await freshTable();
    const adapter = adapterFor(table);
    const ann = new Conversation({ adapter, device: { userId: 'amzn1.ask.account.ANN' } });
    const bob = new Conversation({ adapter, device: { userId: 'amzn1.ask.account.BOB' } });
    const annSays = ['ask calf coach for a stretch after my run', 'no', 'no', 'no', 'next', 'next', 'pause'];
    const bobSays = ['ask calf coach for a bedtime stretch', 'no', 'no', 'next', 'stop', 'open calf coach'];
    for (let i = 0; i < Math.max(annSays.length, bobSays.length); i++) {
      const annNext = annSays[i];
      const bobNext = bobSays[i];
      if (annNext) await ann.say(annNext);
      if (bobNext) await bob.say(bobNext);
    }
    expect(bob.exchanges[bob.exchanges.length - 1]?.text).toMatch(/step two of the bedtime stretch/);
    expect((await ann.say('open calf coach')).text).toMatch(/step three of the after-run stretch/);
    const items = await scanTable(dynamo.endpoint, table);
    expect(items.map((item) => item.id).sort()).toEqual(['amzn1.ask.account.ANN', 'amzn1.ask.account.BOB']);
  });

  it('no screen answer or symptom ever reaches the table', async () => {
    const table = await freshTable();
    const c = new Conversation({ adapter: adapterFor(table) });
    await c.sayAll(
      'ask calf coach for help with a cramp',
      'no',
      'no',
      'no',
      'yes',
      'next',
      'no',
      'no',
      'it hurts more',
    );
    await c.say('my calf is swollen');
    const items = await scanTable(dynamo.endpoint, table);
    expect(items).toHaveLength(1);
    expect(Object.keys(items[0] ?? {}).sort()).toEqual(['attributes', 'id', 'version']);
    expect(Object.keys(items[0]?.attributes ?? {}).sort()).toEqual([
      'preferences',
      'progress',
      'schemaVersion',
      'welcomed',
    ]);
    expect(JSON.stringify(items)).not.toMatch(
      /screen|flag|swollen|pain|faint|chest|eased|pending|skipTouch|heatCold/i,
    );
  });

  it('old, unknown or corrupt stored items count as no progress, with a log line', async () => {
    const table = await freshTable();
    const client = new DynamoDBClient({
      endpoint: dynamo.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    process.env.CALF_COACH_LOG = 'on';
    try {
      for (const attributes of [
        { schemaVersion: 0, step: 3 },
        { schemaVersion: 42, progress: { routineId: 'cramp', stepIndex: 1 } },
        { schemaVersion: 1, progress: 'step three' },
        'not even a map',
      ]) {
        await client.send(
          new PutItemCommand({
            TableName: table,
            Item: marshall({ id: 'amzn1.ask.account.LOCAL-USER', attributes }),
          }),
        );
        const c = new Conversation({ adapter: adapterFor(table) });
        const answer = await c.say('open calf coach');
        expect(answer.text).not.toMatch(/You were on step/);
        expect(answer.ended).toBe(false);
      }
      expect(warn.mock.calls.filter(([line]) => String(line).includes('stored-state-ignored'))).toHaveLength(
        3,
      );
    } finally {
      process.env.CALF_COACH_LOG = 'silent';
      warn.mockRestore();
      client.destroy();
    }
  });
});

describe('skill events against the table', () => {
  it('disabling the skill deletes the user’s item; nothing is read or written for it first', async () => {
    const table = await freshTable();
    const { adapter, calls } = countingAdapter(dynamo.endpoint, table);
    const c = new Conversation({ adapter });
    await toAfterRunStepTwo(c);
    expect(await scanTable(dynamo.endpoint, table)).toHaveLength(1);
    const { envelope, localDevice } = await import('../../lambda/local/simulator/envelope');
    const { skillBuilder } = await import('../../lambda/skill');
    const base = envelope(
      localDevice(),
      { sessionId: 'x', isNew: true, attributes: {} },
      { type: 'LaunchRequest' },
      new Date(),
    );
    const { session: _none, ...withoutSession } = base;
    const before = { ...calls };
    const response = await skillBuilder({ persistenceAdapter: adapter })
      .create()
      .invoke({
        ...withoutSession,
        request: {
          type: 'AlexaSkillEvent.SkillDisabled',
          requestId: 'r',
          timestamp: new Date().toISOString(),
          body: { userId: 'amzn1.ask.account.LOCAL-USER', userInformationPersistenceStatus: 'PERSISTED' },
        },
      } as never);
    expect(response.response).toEqual({});
    expect(calls).toEqual({ ...before, DeleteItem: 1 });
    expect(await scanTable(dynamo.endpoint, table)).toEqual([]);
  });
});

describe('database faults', () => {
  const warnings = (spy: jest.SpyInstance): string[] =>
    spy.mock.calls.map(([line]) => String(line)).filter((line) => line.includes('persistence-'));

  async function withWarnings<T>(work: (spy: jest.SpyInstance) => Promise<T>): Promise<T> {
    const spy = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    process.env.CALF_COACH_LOG = 'on';
    try {
      return await work(spy);
    } finally {
      process.env.CALF_COACH_LOG = 'silent';
      spy.mockRestore();
    }
  }

  it.each(['throttle', 'slow', 'error'] as const)(
    'a %s database: the turn answers from session state in time, warns once, and the next good turn writes',
    async (mode) => {
      const table = await freshTable();
      const proxy = new FaultyProxy(dynamo.endpoint);
      const endpoint = await proxy.start();
      try {
        await withWarnings(async (spy) => {
          const c = new Conversation({ adapter: adapterFor(table, endpoint) });
          await c.sayAll('ask calf coach for a stretch after my run', 'no', 'no', 'no');
          proxy.mode = mode;
          const started = Date.now();
          const answer = await c.say('next');
          expect(Date.now() - started).toBeLessThan(4000);
          expect(answer.text).toMatch(/^Step two of five/);
          expect(warnings(spy)).toHaveLength(1);
          expect(warnings(spy)[0]).toContain('persistence-write-failed');
          proxy.mode = 'pass';
          await c.say('repeat');
          const [item] = await scanTable(dynamo.endpoint, table);
          expect(item?.attributes).toMatchObject({ progress: { routineId: 'afterRun', stepIndex: 1 } });
        });
      } finally {
        await proxy.close();
      }
    },
    15_000,
  );

  it('an unreachable database at the start: the skill still talks, and writes nothing it did not read', async () => {
    const table = await freshTable();
    await withWarnings(async (spy) => {
      const c = new Conversation({ adapter: adapterFor(table, await closedPortEndpoint()) });
      const started = Date.now();
      const answer = await c.say('open calf coach');
      expect(Date.now() - started).toBeLessThan(4000);
      expect(answer.text).toMatch(/Which would you like\?$/);
      expect(warnings(spy).length).toBe(1);
      expect(warnings(spy)[0]).toContain('persistence-read-failed');
    });
  });

  it("a read that fails, then recovers: saved progress is kept, and this session's step is written", async () => {
    const table = await freshTable();
    const seed = new Conversation({ adapter: adapterFor(table) });
    await seed.sayAll('ask calf coach for a bedtime stretch', 'no', 'no', 'make the holds longer', 'pause');
    const proxy = new FaultyProxy(dynamo.endpoint);
    const endpoint = await proxy.start();
    try {
      await withWarnings(async () => {
        proxy.mode = 'error';
        const c = new Conversation({ adapter: adapterFor(table, endpoint) });
        await c.say('ask calf coach for a stretch after my run');
        expect((await scanTable(dynamo.endpoint, table))[0]?.attributes).toMatchObject({
          progress: { routineId: 'bedtime', stepIndex: 0 },
        });
        proxy.mode = 'pass';
        await c.sayAll('no', 'no', 'no');
        const [item] = await scanTable(dynamo.endpoint, table);
        expect(item?.attributes).toMatchObject({
          progress: { routineId: 'afterRun', stepIndex: 0 },
          preferences: { holdScale: 1.5 },
          welcomed: true,
        });
      });
    } finally {
      await proxy.close();
    }
  });
});

describe('the bundled Lambda honours the environment', () => {
  it('dist/index.js with CALF_COACH_TABLE and DYNAMODB_ENDPOINT keeps progress in the local server', async () => {
    const table = await freshTable();
    const dir = mkdtempSync(path.join(tmpdir(), 'calf-coach-lambda-'));
    try {
      const bundle = path.join(dir, 'index.js');
      await bundleTo('lambda', bundle);
      const invoke = path.join(dir, 'invoke.js');
      const { writeFileSync } = await import('node:fs');
      writeFileSync(
        invoke,
        `const { handler } = require(${JSON.stringify(bundle)});
         const event = JSON.parse(process.argv[2]);
         handler(event, {}).then(
           (result) => process.stdout.write(JSON.stringify(result)),
           (error) => { console.error(error); process.exit(1); },
         );`,
      );
      const { envelope, localDevice, newSessionId } = await import('../../lambda/local/simulator/envelope');
      const env = {
        ...process.env,
        CALF_COACH_TABLE: table,
        DYNAMODB_ENDPOINT: dynamo.endpoint,
        AWS_REGION: 'us-east-1',
        AWS_ACCESS_KEY_ID: 'local',
        AWS_SECRET_ACCESS_KEY: 'local',
        CALF_COACH_LOG: 'on',
      };
      // Asynchronous on purpose: dynalite runs in this process and must keep answering.
      const invokeBundle = async (event: unknown): Promise<string> => {
        const done = await run(process.execPath, [invoke, JSON.stringify(event)], { env, timeoutMs: 30_000 });
        if (done.status !== 0 || done.stderr.includes('"level"')) throw new Error(done.stderr);
        return done.stdout;
      };
      const session = { sessionId: newSessionId(), isNew: true, attributes: {} };
      const bedtime = {
        type: 'IntentRequest' as const,
        intent: { name: 'BedtimeIntent', confirmationStatus: 'NONE' as const },
      };
      const first = JSON.parse(await invokeBundle(envelope(localDevice(), session, bedtime, new Date()))) as {
        sessionAttributes: Record<string, unknown>;
      };
      // The welcome goes out with the first progress write, or when the session ends.
      await invokeBundle(
        envelope(
          localDevice(),
          { ...session, isNew: false, attributes: first.sessionAttributes },
          { type: 'SessionEndedRequest', reason: 'USER_INITIATED' },
          new Date(),
        ),
      );
      const items = await scanTable(dynamo.endpoint, table);
      expect(items[0]?.attributes).toMatchObject({ welcomed: true });
      const launch = await invokeBundle(
        envelope(
          localDevice(),
          { ...session, sessionId: newSessionId() },
          { type: 'LaunchRequest' },
          new Date(),
        ),
      );
      expect(launch).toMatch(/Welcome back to Calf Coach/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
