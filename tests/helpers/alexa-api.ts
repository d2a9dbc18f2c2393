import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { close, listen } from './loopback';

export type ApiMode = 'ok' | '401' | '403' | '500' | 'hang';

export interface Received {
  readonly method: string;
  readonly path: string;
  readonly authorization: string | undefined;
  readonly body: unknown;
}

/**
 * A real HTTP server that plays the Alexa Reminders and Timers APIs and the device settings API, for the skill's
 * real service clients (the request envelope's apiEndpoint points here).
 */
export class FakeAlexaApi {
  mode: ApiMode = 'ok';
  timeZone = 'Europe/London';
  readonly received: Received[] = [];
  readonly reminders = new Map<string, Record<string, unknown>>();
  private server: Server | undefined;
  private hanging: ServerResponse[] = [];
  private next = 1;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      this.handle(req, res);
    });
    return listen(this.server);
  }

  private reply(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      const path = req.url ?? '';
      const method = req.method ?? 'GET';
      this.received.push({
        method,
        path,
        authorization: req.headers.authorization,
        body: text ? (JSON.parse(text) as unknown) : undefined,
      });
      if (path.startsWith('/v2/devices/') && path.endsWith('/settings/System.timeZone')) {
        this.reply(res, 200, this.timeZone);
        return;
      }
      if (!path.startsWith('/v1/alerts/reminders') && !path.startsWith('/v1/alerts/timers')) {
        this.reply(res, 404, { message: 'not found' });
        return;
      }
      if (this.mode === 'hang') {
        this.hanging.push(res);
        return;
      }
      if (this.mode !== 'ok') {
        this.reply(res, Number(this.mode), {
          code: this.mode === '500' ? 'INTERNAL_SERVER_ERROR' : 'UNAUTHORIZED',
          message: 'refused',
        });
        return;
      }
      const token = path.split('/')[4];
      if (method === 'POST' && path === '/v1/alerts/timers') {
        this.reply(res, 200, {
          id: `timer-${String(this.next++)}`,
          status: 'ON',
          createdTime: new Date().toISOString(),
        });
      } else if (method === 'POST') {
        const alertToken = `reminder-${String(this.next++)}`;
        this.reminders.set(alertToken, {
          alertToken,
          ...(JSON.parse(text) as Record<string, unknown>),
          status: 'ON',
        });
        this.reply(res, 200, {
          alertToken,
          status: 'ON',
          version: '1',
          createdTime: new Date().toISOString(),
        });
      } else if (method === 'GET') {
        const alerts = [...this.reminders.values()];
        this.reply(res, 200, { totalCount: String(alerts.length), alerts });
      } else if (method === 'DELETE' && token) {
        this.reminders.delete(token);
        this.reply(res, 200, {});
      } else {
        this.reply(res, 400, { message: 'bad request' });
      }
    });
  }

  async close(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    if (this.server) await close(this.server);
  }
}

/**
 * A fresh fake Alexa API for each test of the calling file (or describe block): started before the
 * test, closed after it. Read `api` and `endpoint` inside the tests, where they are set.
 */
export function fakeAlexaApiPerTest(): { readonly api: FakeAlexaApi; readonly endpoint: string } {
  const current = { api: new FakeAlexaApi(), endpoint: '' };
  beforeEach(async () => {
    current.api = new FakeAlexaApi();
    current.endpoint = await current.api.start();
  });
  afterEach(async () => {
    await current.api.close();
  });
  return current;
}
