import type { IncomingMessage } from 'node:http';
import type { services } from 'ask-sdk-model';

/** Node's http(s) is loaded on the first call only: most turns call no API, and a cold start skips it. */
async function requestFor(url: URL): Promise<typeof import('node:https').request> {
  return url.protocol === 'https:'
    ? (await import('node:https')).request
    : (await import('node:http')).request;
}

/**
 * ask-sdk's ApiClient (reminders, timers, settings) on Node's http(s) with a deadline: a slow Alexa API
 * must never make a turn miss the 8 s Alexa allows. At the deadline the request is aborted and its
 * socket destroyed, so nothing of it is left to keep the process (a Lambda's event loop) busy. Like
 * ask-sdk's DefaultApiClient, any HTTP status resolves; the service clients read it.
 */
export class TimeoutApiClient implements services.ApiClient {
  constructor(private readonly timeoutMs: number) {}

  async invoke(request: services.ApiClientRequest): Promise<services.ApiClientResponse> {
    const signal = AbortSignal.timeout(this.timeoutMs);
    const tooLong = (): Error =>
      new Error(`${request.method} ${request.url} took longer than ${String(this.timeoutMs)} ms`);
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
