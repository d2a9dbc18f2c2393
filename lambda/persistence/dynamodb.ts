import { createHash, createHmac } from 'node:crypto';
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { SignatureV4 } from '@smithy/signature-v4';
import type { PersistenceAdapter } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import type { Attributes } from './memory';
import { ATTRIBUTES, PARTITION_KEY } from './table';
import { userKey } from './user-key';

export interface DynamoDbConfig {
  readonly tableName: string;
  readonly region?: string;
  /** A local DynamoDB-compatible server (dynalite, DynamoDB Local) instead of AWS. */
  readonly endpoint?: string;
  /** Upper bound for one read or write, retries included, so a turn always answers in time. */
  readonly timeoutMs?: number;
  /** Told of every call sent (tests and the benchmark count them). */
  readonly onCall?: (operation: Operation) => void;
}

export type Operation = 'GetItem' | 'PutItem' | 'DeleteItem';

/** SHA-256 and HMAC-SHA-256 from Node's crypto, in the shape the AWS request signer wants. */
class Sha256 {
  private hash: ReturnType<typeof createHash> | ReturnType<typeof createHmac>;

  constructor(private readonly secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = this.fresh();
  }

  private fresh(): ReturnType<typeof createHash> | ReturnType<typeof createHmac> {
    if (this.secret === undefined) return createHash('sha256');
    const key = typeof this.secret === 'string' ? this.secret : Buffer.from(this.secret as ArrayBuffer);
    return createHmac('sha256', key);
  }

  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(typeof data === 'string' ? data : Buffer.from(data as ArrayBuffer));
  }

  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }

  reset(): void {
    this.hash = this.fresh();
  }
}

/** The throttling and server-side errors worth one retry; anything else fails at once. */
const RETRYABLE =
  /ProvisionedThroughputExceeded|Throttling|RequestLimitExceeded|InternalServerError|ServiceUnavailable/;

export class DynamoDbError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'DynamoDbError';
  }
}

function credentialsFromEnv(local: boolean, env: NodeJS.ProcessEnv) {
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_SESSION_TOKEN } = env;
  if (accessKeyId && secretAccessKey) {
    return {
      accessKeyId,
      secretAccessKey,
      ...(AWS_SESSION_TOKEN ? { sessionToken: AWS_SESSION_TOKEN } : {}),
    };
  }
  // A local server accepts any credentials; AWS itself needs the ones Lambda puts in the environment.
  if (local) return { accessKeyId: 'local', secretAccessKey: 'local' };
  throw new DynamoDbError(
    'No AWS credentials in the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)',
    false,
  );
}

/**
 * ask-sdk's PersistenceAdapter on DynamoDB's JSON API: one item per user, GetItem/PutItem/DeleteItem as
 * signed HTTPS requests (the AWS SDK's own SigV4 signer), one retry, every call bounded by `timeoutMs`.
 * No AWS SDK client: it is most of a bundle's size and cold start (see the README and `npm run bench`).
 */
export class DynamoDbPersistenceAdapter implements PersistenceAdapter {
  private readonly tableName: string;
  private readonly timeoutMs: number;
  private readonly url: URL;
  private readonly region: string;
  private readonly agent: HttpAgent | HttpsAgent;
  private signer: SignatureV4 | undefined;

  constructor(private readonly config: DynamoDbConfig) {
    this.tableName = config.tableName;
    this.timeoutMs = config.timeoutMs ?? 2000;
    this.region = config.region ?? process.env.AWS_REGION ?? 'us-east-1';
    const suffix = this.region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
    this.url = new URL(config.endpoint ?? `https://dynamodb.${this.region}.${suffix}`);
    this.agent =
      this.url.protocol === 'http:'
        ? new HttpAgent({ keepAlive: true })
        : new HttpsAgent({ keepAlive: true });
  }

  private signerFor(): SignatureV4 {
    this.signer ??= new SignatureV4({
      service: 'dynamodb',
      region: this.region,
      sha256: Sha256,
      credentials: credentialsFromEnv(this.config.endpoint !== undefined, process.env),
    });
    return this.signer;
  }

  /** One attempt: a signed POST, its JSON answer, or an error saying whether a retry may help. */
  private async attempt(
    operation: Operation,
    body: string,
    signal: AbortSignal,
  ): Promise<Record<string, unknown>> {
    const signed = await this.signerFor().sign({
      method: 'POST',
      protocol: this.url.protocol,
      hostname: this.url.hostname,
      ...(this.url.port ? { port: Number(this.url.port) } : {}),
      path: '/',
      query: {},
      headers: {
        host: this.url.host,
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': `DynamoDB_20120810.${operation}`,
      },
      body,
    });
    const send = this.url.protocol === 'http:' ? httpRequest : httpsRequest;
    const response = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = send(
        this.url,
        { method: 'POST', headers: signed.headers, agent: this.agent, signal, timeout: 1000 },
        (res: IncomingMessage) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => {
            resolve({ status: res.statusCode ?? 0, text });
          });
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new DynamoDbError(`${operation} timed out`, true)));
      req.on('error', (error: Error) => {
        reject(
          error instanceof DynamoDbError
            ? error
            : new DynamoDbError(`${operation}: ${error.message}`, !signal.aborted),
        );
      });
      req.end(body);
    });
    let parsed: Record<string, unknown>;
    try {
      parsed = response.text ? (JSON.parse(response.text) as Record<string, unknown>) : {};
    } catch {
      parsed = {};
    }
    if (response.status === 200) return parsed;
    const type = typeof parsed.__type === 'string' ? (parsed.__type.split('#').pop() ?? '') : '';
    const message = typeof parsed.message === 'string' ? parsed.message : `HTTP ${String(response.status)}`;
    throw new DynamoDbError(
      `${operation} failed: ${type || 'error'}: ${message}`,
      response.status >= 500 || RETRYABLE.test(type),
    );
  }

  /** Sends one operation: a retry after a throttle, a server error or a dropped connection; never past the deadline. */
  private async call(
    operation: Operation,
    payload: Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    const signal = AbortSignal.timeout(this.timeoutMs);
    const body = JSON.stringify(payload);
    for (let attempt = 1; ; attempt++) {
      this.config.onCall?.(operation);
      try {
        return await this.attempt(operation, body, signal);
      } catch (error) {
        const retry = error instanceof DynamoDbError && error.retryable && attempt < 2 && !signal.aborted;
        if (!retry)
          throw signal.aborted
            ? new DynamoDbError(`${operation} took longer than ${String(this.timeoutMs)} ms`, false)
            : error;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  }

  private key(envelope: RequestEnvelope): Record<string, { S: string }> {
    return { [PARTITION_KEY]: { S: userKey(envelope) } };
  }

  async getAttributes(envelope: RequestEnvelope): Promise<Attributes> {
    const result = await this.call('GetItem', {
      TableName: this.tableName,
      Key: this.key(envelope),
      ConsistentRead: true,
    });
    const item = result.Item as Record<string, unknown> | undefined;
    const stored = item?.[ATTRIBUTES];
    if (!stored) return {};
    const value: unknown = unmarshall({ value: stored } as unknown as Parameters<typeof unmarshall>[0]).value;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Attributes) : {};
  }

  async saveAttributes(envelope: RequestEnvelope, attributes: Attributes): Promise<void> {
    const item = {
      ...this.key(envelope),
      ...marshall({ [ATTRIBUTES]: attributes }, { removeUndefinedValues: true }),
    };
    await this.call('PutItem', { TableName: this.tableName, Item: item });
  }

  async deleteAttributes(envelope: RequestEnvelope): Promise<void> {
    await this.call('DeleteItem', { TableName: this.tableName, Key: this.key(envelope) });
  }
}
