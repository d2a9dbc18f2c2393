import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PersistenceAdapter } from 'ask-sdk-core';
import { ExpressAdapter, type Verifier } from 'ask-sdk-express-adapter';
import express, { type ErrorRequestHandler } from 'express';
import { errorMessage, log } from '../../log';
import { CheckedSkill, skillBuilder } from '../../skill';
import { InlineScreens } from './screens';

export interface ServerOptions {
  readonly persistenceAdapter: PersistenceAdapter;
  /** Signature and timestamp verification (the adapter's verifiers); off only for local tools. */
  readonly verify: boolean;
  /** When set, requests for any other skill are refused. */
  readonly skillId?: string;
  readonly port: number;
  readonly host?: string;
  /** Why the server cannot do its job right now (a data folder it cannot write), for GET /health. */
  readonly problem?: () => Promise<string | undefined>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Refuses bodies that are not an Alexa request envelope (400), and requests for another skill when a
 * skill ID is configured, before the skill sees them. Runs with the adapter's own verifiers.
 */
export class EnvelopeVerifier implements Verifier {
  constructor(private readonly skillId?: string) {}

  verify(body: string): Promise<void> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return Promise.reject(new Error('body is not JSON'));
    }
    const request = isRecord(parsed) ? parsed.request : undefined;
    const context = isRecord(parsed) ? parsed.context : undefined;
    const system = isRecord(context) ? context.System : undefined;
    if (!isRecord(request) || typeof request.type !== 'string' || !isRecord(system)) {
      return Promise.reject(new Error('body is not an Alexa request envelope'));
    }
    const application = system.application;
    const applicationId = isRecord(application) ? application.applicationId : undefined;
    if (this.skillId && applicationId !== this.skillId) {
      return Promise.reject(new Error('request is for another skill'));
    }
    return Promise.resolve();
  }
}

/**
 * Express app: POST / for Alexa (through ask-sdk-express-adapter), GET /health for monitoring: 200, or
 * 503 with the reason when progress cannot be kept.
 */
export function createApp(options: Omit<ServerOptions, 'port' | 'host'>): express.Express {
  // The checked skill, as Lambda runs it (session attributes past the bounds are dropped before ask-sdk
  // copies them), with the screens sent inline (screens.ts).
  const builder = skillBuilder({
    persistenceAdapter: options.persistenceAdapter,
    ...(options.skillId ? { skillId: options.skillId } : {}),
  }).addResponseInterceptors(InlineScreens);
  const skill = new CheckedSkill(builder.getSkillConfiguration());
  const adapter = new ExpressAdapter(skill, options.verify, options.verify, [
    new EnvelopeVerifier(options.skillId),
  ]);
  const app = express();
  app.disable('x-powered-by');
  app.get('/health', (_req, res, next) => {
    (options.problem?.() ?? Promise.resolve(undefined)).then((reason) => {
      if (reason) res.status(503).json({ status: 'unavailable', reason });
      else res.json({ status: 'ok' });
    }, next);
  });
  app.post('/', adapter.getRequestHandlers());
  const onError: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
    const status = isRecord(error) && typeof error.status === 'number' ? error.status : 500;
    log.warn('http-request-rejected', { status, error: errorMessage(error) });
    res
      .status(status >= 400 && status < 600 ? status : 500)
      .send(status === 413 ? 'Request too large' : 'Bad request');
  };
  app.use(onError);
  return app;
}

/** How long a shutdown waits for requests under way. */
const CLOSE_GRACE_MS = 3000;

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export function startServer(options: ServerOptions): Promise<RunningServer> {
  const app = createApp(options);
  return new Promise((resolve, reject) => {
    const server: Server = app.listen(options.port, options.host ?? '127.0.0.1');
    server.once('error', reject);
    server.once('listening', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://${options.host ?? '127.0.0.1'}:${String(port)}`,
        port,
        close: () =>
          new Promise<void>((done, fail) => {
            // Requests under way get a moment to finish; then their connections are cut.
            const cut = setTimeout(() => {
              server.closeAllConnections();
            }, CLOSE_GRACE_MS);
            server.close((error) => {
              clearTimeout(cut);
              if (error) fail(error);
              else done();
            });
            server.closeIdleConnections();
          }),
      });
    });
  });
}
