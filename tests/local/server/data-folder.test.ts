import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { envelope, localDevice, newSessionId } from '../../../lambda/local/simulator/envelope';
import { FilePersistenceAdapter } from '../../../lambda/persistence/file';
import { startServer, type RunningServer } from '../../../lambda/local/server/server';
import { bundleTo, start, type Started } from '../../helpers/process';

/**
 * `npm run serve` and its data folder: a folder it cannot use makes /health answer 503 with the reason,
 * and a preference it could not keep is not claimed as kept; two servers sharing one folder never lose
 * a write.
 */

process.env.CALF_COACH_LOG = 'silent';

/** "Make the holds longer" or "speak slower", as Alexa sends it (the slot resolved), in a new session. */
function preference(userId: string, id: 'longer' | 'slower'): RequestEnvelope {
  return envelope(
    localDevice({ userId }),
    { sessionId: newSessionId(), isNew: true, attributes: {} },
    {
      type: 'IntentRequest',
      intent: {
        name: 'SetPreferenceIntent',
        confirmationStatus: 'NONE',
        slots: {
          preference: {
            name: 'preference',
            value: id,
            confirmationStatus: 'NONE',
            resolutions: {
              resolutionsPerAuthority: [
                {
                  authority: 'amzn1.er-authority.echo-sdk.preference',
                  status: { code: 'ER_SUCCESS_MATCH' },
                  values: [{ value: { name: id, id } }],
                },
              ],
            },
          },
        },
      },
    },
    new Date(),
  );
}

async function post(url: string, body: RequestEnvelope): Promise<ResponseEnvelope> {
  const response = await fetch(`${url}/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as ResponseEnvelope;
}

const said = (response: ResponseEnvelope): string =>
  response.response.outputSpeech?.type === 'SSML' ? response.response.outputSpeech.ssml : '';

describe('a data folder the server cannot use', () => {
  let server: RunningServer;
  beforeAll(async () => {
    const adapter = new FilePersistenceAdapter('/proc/x/progress.json');
    server = await startServer({
      persistenceAdapter: adapter,
      problem: () => adapter.problem(),
      verify: false,
      port: 0,
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it('/health answers 503 with the reason', async () => {
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({
      status: 'unavailable',
      reason: expect.stringMatching(/^cannot keep progress in \/proc\/x\/progress: /) as unknown,
    });
  });

  it('a preference it could not keep is not claimed as kept', async () => {
    const answer = said(await post(server.url, preference('amzn1.ask.account.ANN', 'slower')));
    expect(answer).toMatch(/more slowly\. But I couldn&apos;t save that for next time just now\./);
  });
});

describe('two servers sharing one data folder', () => {
  const USERS = 40;
  let dir: string;
  const servers: Started[] = [];
  afterAll(() => {
    for (const server of servers) server.killAll();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`lose none of two preferences set at the same moment, for ${String(USERS)} users`, async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'calf-coach-two-servers-'));
    const bundle = path.join(dir, 'server.js');
    await bundleTo('server', bundle);
    const urls: string[] = [];
    for (let i = 0; i < 2; i++) {
      const server = start(process.execPath, [bundle, '--port', '0', '--no-verify'], {
        env: { CALF_COACH_DATA_DIR: path.join(dir, 'data'), CALF_COACH_LOG: 'silent' },
      });
      servers.push(server);
      const [, url] = await server.waitFor(/listening on (http:\/\/[\d.:]+)/, 30_000);
      urls.push(url ?? '');
    }
    const [a = '', b = ''] = urls;
    const users = Array.from({ length: USERS }, (_, i) => `amzn1.ask.account.TWO-${String(i)}`);
    // User by user, the two servers get that user's two requests at the same moment.
    for (const user of users) {
      await Promise.all([post(a, preference(user, 'longer')), post(b, preference(user, 'slower'))]);
    }
    const store = new FilePersistenceAdapter(path.join(dir, 'data', 'progress.json'));
    const lost = users.filter((user) => {
      const file = JSON.parse(readFileSync(store.fileFor(user), 'utf8')) as {
        attributes: { preferences?: { holdScale?: number; rate?: string } };
      };
      const prefs = file.attributes.preferences;
      return prefs?.holdScale !== 1.5 || prefs.rate !== 'slow';
    });
    expect(lost).toEqual([]);
    expect(readdirSync(store.directory).filter((name) => !name.endsWith('.json'))).toEqual([]);
  }, 90_000);
});
