import type { IncomingMessage } from 'node:http';
import { services, type RequestEnvelope } from 'ask-sdk-model';
import { DeadlineExceeded, type Deadline } from '../deadline';

/** Node's http(s) is loaded on the first call only: most turns call no API, and a cold start skips it. */
async function requestFor(url: URL): Promise<typeof import('node:https').request> {
  return url.protocol === 'https:'
    ? (await import('node:https')).request
    : (await import('node:http')).request;
}

/**
 * ask-sdk's ApiClient (reminders, timers, settings) on Node's http(s), bound by the turn's deadline
 * (deadline.ts): every call of a turn shares it, so a slow Alexa API never makes the turn miss its
 * answer. At the deadline the request is aborted and its socket destroyed, so nothing of it is left to
 * keep the process (a Lambda's event loop) busy; the call rejects with DeadlineExceeded. Like ask-sdk's
 * DefaultApiClient, any HTTP status resolves; the service clients read it.
 */
export class DeadlineApiClient implements services.ApiClient {
  constructor(private readonly deadline: Deadline) {}

  async invoke(request: services.ApiClientRequest): Promise<services.ApiClientResponse> {
    const signal = this.deadline.signal();
    const tooLong = (): Error =>
      new DeadlineExceeded(`${request.method} ${request.url} ran out of the turn's time`);
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      throw new Error(`not a URL: ${request.url}`);
    }
    const send = await requestFor(url);
    return new Promise((resolve, reject) => {
      const headers: Record<string, string[]> = {};
      for (const { key, value } of request.headers) (headers[key] ??= []).push(value);
      const outgoing = send(url, { method: request.method, headers, signal }, (response: IncomingMessage) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', (error: Error) => {
          reject(signal.aborted ? tooLong() : error);
        });
        response.on('end', () => {
          const arrayHeaders: { key: string; value: string }[] = [];
          for (const [key, value] of Object.entries(response.headers)) {
            for (const each of Array.isArray(value) ? value : [value ?? ''])
              arrayHeaders.push({ key, value: each });
          }
          resolve({
            statusCode: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            headers: arrayHeaders,
          });
        });
      });
      outgoing.on('error', (error: Error) => {
        reject(signal.aborted ? tooLong() : error);
      });
      outgoing.end(request.body);
    });
  }
}

/**
 * The Alexa service clients (reminders, timers, settings) for one turn, every call bound by the turn's
 * `deadline`; undefined when the request carries no API endpoint or access token.
 */
export function alexaServices(
  envelope: RequestEnvelope,
  deadline: Deadline,
): services.ServiceClientFactory | undefined {
  const { apiEndpoint, apiAccessToken } = envelope.context.System;
  if (!apiEndpoint || !apiAccessToken) return undefined;
  return new services.ServiceClientFactory({
    apiClient: new DeadlineApiClient(deadline),
    apiEndpoint,
    authorizationValue: apiAccessToken,
  });
}
