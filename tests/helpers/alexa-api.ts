import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { RequestEnvelope } from 'ask-sdk-model';
import { envelope, localDevice, newSessionId } from '../../lambda/local/simulator/envelope';
import { REMINDERS_SCOPE } from '../../lambda/reminders/schedule';
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
  /** Every answer (the settings API's too) waits this long: a slow Alexa API. */
  delayMs = 0;
  /** How long one kind of call waits, when it differs from `delayMs`. */
  delayFor: ((method: string, path: string) => number | undefined) | undefined;
  /** A status for one kind of call, e.g. 404 for `DELETE`, while the others answer as `mode` says. */
  statusFor: ((method: string, path: string) => number | undefined) | undefined;
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
      const delay = this.delayFor?.(req.method ?? 'GET', req.url ?? '') ?? this.delayMs;
      if (delay > 0) {
        const timer = setTimeout(() => {
          this.answer(req, res, text);
        }, delay);
        res.on('close', () => {
          clearTimeout(timer);
        });
      } else this.answer(req, res, text);
    });
  }

  private answer(req: IncomingMessage, res: ServerResponse, text: string): void {
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
    const status = this.statusFor?.(method, path);
    if (status !== undefined) {
      this.reply(res, status, { code: String(status), message: 'refused' });
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
    } else if (method === 'PUT' && token) {
      if (!this.reminders.has(token)) {
        this.reply(res, 404, { code: 'NOT_FOUND', message: 'no such reminder' });
        return;
      }
      this.reminders.set(token, {
        alertToken: token,
        ...(JSON.parse(text) as Record<string, unknown>),
        status: 'ON',
      });
      this.reply(res, 200, { alertToken: token, status: 'ON', version: '2' });
    } else if (method === 'DELETE' && token) {
      // Like the Reminders API: a reminder already deleted (in the Alexa app, say) is a 404.
      this.reply(res, this.reminders.delete(token) ? 200 : 404, {});
    } else {
      this.reply(res, 400, { message: 'bad request' });
    }
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

/** "Remind me to stretch at 21:00" in a new session, with the permission granted, against `apiEndpoint`. */
export function reminderRequest(apiEndpoint: string): RequestEnvelope {
  return envelope(
    localDevice({
      apiEndpoint,
      permissions: { consentToken: 'token', scopes: { [REMINDERS_SCOPE]: { status: 'GRANTED' } } },
    }),
    { sessionId: newSessionId(), isNew: true, attributes: {} },
    {
      type: 'IntentRequest',
      intent: {
        name: 'SetReminderIntent',
        confirmationStatus: 'NONE',
        slots: { time: { name: 'time', value: '21:00', confirmationStatus: 'NONE' } },
      },
    },
    new Date(),
  );
}
