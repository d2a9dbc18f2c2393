import { DefaultApiClient } from 'ask-sdk-core';
import type { services } from 'ask-sdk-model';

/**
 * ask-sdk's DefaultApiClient with a deadline: a slow Alexa API (reminders, settings) must never make a
 * turn miss the 8 s Alexa allows. The SDK's service clients use it as they would the default one.
 */
export class TimeoutApiClient implements services.ApiClient {
  private readonly inner = new DefaultApiClient();

  constructor(private readonly timeoutMs: number) {}

  async invoke(request: services.ApiClientRequest): Promise<services.ApiClientResponse> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        reject(new Error(`${request.method} ${request.url} took longer than ${String(this.timeoutMs)} ms`));
      }, this.timeoutMs);
    });
    try {
      return await Promise.race([this.inner.invoke(request), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }
}
