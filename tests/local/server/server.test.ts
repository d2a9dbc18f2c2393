import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { ResponseEnvelope } from 'ask-sdk-model';
import {
  envelope,
  localDevice,
  newSessionId,
  LOCAL_SKILL_ID,
} from '../../../lambda/local/simulator/envelope';
import { MemoryPersistenceAdapter } from '../../../lambda/persistence/memory';
import { startServer, type RunningServer } from '../../../lambda/local/server/server';
import { useServer } from '../../helpers/server';
import { run, start } from '../../helpers/process';

process.env.CALF_COACH_LOG = 'silent';

const launchBody = (applicationId = LOCAL_SKILL_ID): string =>
  JSON.stringify(
    envelope(
      localDevice({ applicationId }),
      { sessionId: newSessionId(), isNew: true, attributes: {} },
      { type: 'LaunchRequest' },
      new Date(),
    ),
  );

async function post(server: RunningServer, body: string): Promise<Response> {
  return fetch(`${server.url}/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
}

describe('npm run serve: the self-hosted endpoint', () => {
  describe('with verification off (local tools)', () => {
    const server = useServer();

    it('answers a valid envelope with the skill response', async () => {
      const res = await post(server(), launchBody());
      expect(res.status).toBe(200);
      const json = (await res.json()) as ResponseEnvelope;
      expect(json.response.outputSpeech).toMatchObject({ type: 'SSML' });
      expect(JSON.stringify(json)).toMatch(/Welcome to Calf Coach/);
    });

    it('refuses malformed JSON, a non-envelope and an oversized body with 4xx, and keeps serving', async () => {
      expect((await post(server(), '{not json')).status).toBe(400);
      expect((await post(server(), '{"hello": "world"}')).status).toBe(400);
      expect((await post(server(), JSON.stringify({ padding: 'x'.repeat(300_000) }))).status).toBe(413);
      expect((await fetch(`${server().url}/health`)).status).toBe(200);
      expect((await post(server(), launchBody())).status).toBe(200);
    });

    it('has a health check', async () => {
      const res = await fetch(`${server().url}/health`);
      expect(await res.json()).toEqual({ status: 'ok' });
    });

    it('sends an Echo Show its screen inline: the APL document itself, not a link into the skill package', async () => {
      const body = JSON.stringify(
        envelope(
          localDevice({
            supportedInterfaces: { 'Alexa.Presentation.APL': { runtime: { maxVersion: '1.6' } } },
          }),
          { sessionId: newSessionId(), isNew: true, attributes: {} },
          { type: 'LaunchRequest' },
          new Date(),
        ),
      );
      const json = (await (await post(server(), body)).json()) as ResponseEnvelope;
      const [render] = json.response.directives ?? [];
      expect(render).toMatchObject({
        type: 'Alexa.Presentation.APL.RenderDocument',
        document: { type: 'APL', version: '1.6', mainTemplate: expect.any(Object) as unknown },
        datasources: expect.any(Object) as unknown,
      });
      expect(JSON.stringify(json)).not.toContain('doc://');
    });
  });

  describe('with verification on (the default)', () => {
    const server = useServer({ verify: true });

    it('rejects a request without a valid signature, and keeps serving', async () => {
      const res = await post(server(), launchBody());
      expect(res.status).toBe(400);
      expect(await res.text()).toMatch(/Request verification failed/);
      const forged = await fetch(`${server().url}/`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          signaturecertchainurl: 'https://evil.example.com/echo.api/cert.pem',
          'signature-256': 'Zm9yZ2Vk',
        },
        body: launchBody(),
      });
      expect(forged.status).toBe(400);
      expect((await fetch(`${server().url}/health`)).status).toBe(200);
    });
  });

  describe('with a skill ID configured', () => {
    const server = useServer({ skillId: LOCAL_SKILL_ID });

    it('accepts its own skill and refuses another', async () => {
      expect((await post(server(), launchBody())).status).toBe(200);
      expect((await post(server(), launchBody('amzn1.ask.skill.someone-else'))).status).toBe(400);
    });
  });

  it('shuts down within a few seconds even while a client holds a request open', async () => {
    const running = await startServer({
      persistenceAdapter: new MemoryPersistenceAdapter(),
      port: 0,
      verify: false,
    });
    const client = connect(running.port, '127.0.0.1');
    client.on('error', () => undefined);
    await new Promise<void>((resolve) => client.once('connect', resolve));
    // Headers promise a body that never comes, so the request stays under way.
    client.write(
      'POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{',
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    const cut = new Promise((resolve) => client.once('close', resolve));
    const started = Date.now();
    await running.close();
    expect(Date.now() - started).toBeLessThan(6000);
    await cut;
  }, 15_000);

  it('--port abc is refused in one clear line, before anything starts', async () => {
    const done = await run('npm', ['run', 'serve', '--silent', '--', '--port', 'abc'], { timeoutMs: 60_000 });
    expect(done.status).toBe(1);
    expect(done.stderr.trim()).toBe(
      'Bad port: --port must be a whole number from 0 to 65535 (0 picks a free one), not "abc".',
    );
  }, 70_000);

  it('starts with a warning when verification is off, prints a curl line that works, and shuts down cleanly on SIGTERM', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'calf-coach-serve-'));
    const serve = start('npm', ['run', 'serve', '--silent', '--', '--port', '0', '--no-verify'], {
      env: { CALF_COACH_DATA_DIR: dataDir },
    });
    try {
      const [, url] = await serve.waitFor(/listening on (http:\/\/[\d.:]+)/, 30_000);
      expect(serve.output()).toMatch(/WARNING: request verification is OFF/);
      expect((await fetch(`${url ?? ''}/health`)).status).toBe(200);
      // The curl line it prints is ready to paste: it posts a LaunchRequest and gets the welcome.
      const [curl = ''] = await serve.waitFor(/^curl .+$/m, 5000);
      const tried = await run('bash', ['-c', curl], { timeoutMs: 10_000 });
      expect(tried.stdout).toMatch(/Welcome to Calf Coach/);
      serve.child.kill('SIGTERM');
      expect(await serve.closed).toBe(0);
      expect(serve.output()).toMatch(/SIGTERM: shutting down/);
    } finally {
      serve.killAll();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 45_000);
});
