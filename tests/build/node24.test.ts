import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { envelope, localDevice, newSessionId } from '../../lambda/local/simulator/envelope';
import { FakeAlexaApi, reminderRequest } from '../helpers/alexa-api';
import { invokeInLambdaRuntime, NODE_24 } from '../helpers/lambda-runtime/runtime';
import { bundleTo, run } from '../helpers/process';

/**
 * The built bundle as Lambda's nodejs24.x runtime runs it: loaded by aws-lambda-ric's handler loader
 * (which refuses a handler declaring a callback parameter, Runtime.CallbackHandlerDeprecated) under
 * Node 24, answering a LaunchRequest.
 */
describe('the Lambda bundle on Node 24, through Lambda’s runtime interface client', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'calf-coach-node24-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const launch = envelope(
    localDevice(),
    { sessionId: newSessionId(), isNew: true, attributes: {} },
    { type: 'LaunchRequest' },
    new Date(),
  );

  it('runs on Node 24 from the npm registry', async () => {
    const version = await run(NODE_24, ['--version'], { timeoutMs: 10_000 });
    expect(version.stdout).toMatch(/^v24\./);
  });

  it('loads the bundle (index.js) as index.handler and answers a LaunchRequest', async () => {
    const taskRoot = path.join(dir, 'task');
    await bundleTo('lambda', path.join(taskRoot, 'index.js'));
    const invocation = await invokeInLambdaRuntime(taskRoot, 'index.handler', launch, {
      env: { CALF_COACH_LOG: 'silent' },
    });
    expect(invocation.error).toBeUndefined();
    expect(JSON.stringify(invocation.response)).toMatch(/Welcome to Calf Coach/);
  }, 120_000);

  it("takes the turn's deadline from the runtime's context: with 2 s left and an Alexa API that never answers, it answers in time", async () => {
    const api = new FakeAlexaApi();
    api.mode = 'hang';
    const endpoint = await api.start();
    try {
      const invocation = await invokeInLambdaRuntime(
        path.join(dir, 'task'),
        'index.handler',
        reminderRequest(endpoint),
        { deadlineMs: 2000, env: { CALF_COACH_LOG: 'silent' } },
      );
      expect(JSON.stringify(invocation.response)).toMatch(/reminders service/);
      expect(invocation.ms).toBeLessThan(2000 - 500);
    } finally {
      await api.close();
    }
  }, 120_000);

  it('the same runtime refuses a callback-style handler at init (the check is real)', async () => {
    const taskRoot = path.join(dir, 'callback');
    rmSync(taskRoot, { recursive: true, force: true });
    mkdirSync(taskRoot, { recursive: true });
    writeFileSync(
      path.join(taskRoot, 'index.js'),
      'exports.handler = (event, context, callback) => callback(null, { ok: true });\n',
    );
    const invocation = await invokeInLambdaRuntime(taskRoot, 'index.handler', launch);
    expect(invocation.phase).toBe('init');
    expect(invocation.error?.errorType).toBe('Runtime.CallbackHandlerDeprecated');
  }, 120_000);
});
