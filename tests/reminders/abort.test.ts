import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { envelope, localDevice, newSessionId } from '../../lambda/local/simulator/envelope';
import { Deadline, SAVE_RESERVE_MS, TURN_BUDGET_MS } from '../../lambda/deadline';
import { DeadlineApiClient } from '../../lambda/reminders/api-client';
import { lambdaHandler } from '../../lambda/skill';
import { MemoryPersistenceAdapter } from '../../lambda/persistence/memory';
import { FakeAlexaApi, reminderRequest } from '../helpers/alexa-api';
import { bundleTo, run } from '../helpers/process';

/**
 * An Alexa API that accepts the connection and never answers: the answer comes back at the turn's deadline,
 * and nothing of the call is left behind to keep a Lambda's event loop busy (Lambda would wait for it
 * and time out, and Alexa would get nothing).
 */

let api: FakeAlexaApi;
let endpoint: string;
beforeAll(async () => {
  api = new FakeAlexaApi();
  endpoint = await api.start();
  api.mode = 'hang';
});
afterAll(async () => {
  await api.close();
});

describe('an Alexa API that never answers', () => {
  it('the API client gives up at its bound and destroys the socket', async () => {
    const sockets = (): number =>
      process.getActiveResourcesInfo().filter((resource) => resource === 'TCPSocketWrap').length;
    const before = sockets();
    const client = new DeadlineApiClient(Deadline.in(300));
    const started = Date.now();
    await expect(
      client.invoke({ method: 'POST', url: `${endpoint}/v1/alerts/reminders`, headers: [], body: '{}' }),
    ).rejects.toThrow(/ran out of the turn's time/);
    expect(Date.now() - started).toBeLessThan(1000);
    // Both ends of the connection are gone once the client destroyed its socket.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sockets()).toBeLessThanOrEqual(before);
  });

  it('the Lambda handler is async (event, context): no callback for the runtime to wait on', async () => {
    const handler = lambdaHandler({ persistenceAdapter: new MemoryPersistenceAdapter() });
    expect(handler.length).toBeLessThanOrEqual(2);
    const response = await handler(
      envelope(
        localDevice(),
        { sessionId: newSessionId(), isNew: true, attributes: {} },
        { type: 'LaunchRequest' },
        new Date(),
      ),
      {},
    );
    expect(response.response.outputSpeech).toMatchObject({ type: 'SSML' });
  });

  it('the bundled Lambda answers within the bound, and its process has nothing left to wait for soon after', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'calf-coach-abort-'));
    try {
      const bundle = path.join(dir, 'index.js');
      await bundleTo('lambda', bundle);
      const script = path.join(dir, 'invoke.js');
      // Like Lambda's runtime, but waiting for the event loop to empty whatever the handler asks: exit
      // time minus callback time is what a hanging socket would cost.
      writeFileSync(
        script,
        `const { handler } = require(${JSON.stringify(bundle)});
         const started = Date.now();
         let answered = 0;
         handler(JSON.parse(process.argv[2]), {}).then((result) => {
           answered = Date.now() - started;
           process.stdout.write(JSON.stringify({ answered, speech: result && result.response.outputSpeech }) + '\\n');
         });
         process.on('exit', () => { process.stdout.write(JSON.stringify({ exited: Date.now() - started }) + '\\n'); });`,
      );
      const done = await run(process.execPath, [script, JSON.stringify(reminderRequest(endpoint))], {
        env: { ...process.env, CALF_COACH_LOG: 'silent' },
        timeoutMs: 30_000,
      });
      const lines = done.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      const answered = Number(lines[0]?.answered);
      const exited = Number(lines[1]?.exited);
      expect(JSON.stringify(lines[0]?.speech)).toMatch(/couldn.+t reach the reminders service/i);
      // The API calls get the turn's time less what the save needs; the turn answers well within 3 s.
      expect(answered).toBeGreaterThanOrEqual(TURN_BUDGET_MS - SAVE_RESERVE_MS - 100);
      expect(answered).toBeLessThan(3000);
      expect(exited - answered).toBeLessThan(1000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
