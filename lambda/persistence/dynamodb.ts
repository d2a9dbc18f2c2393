import { createHash, createHmac } from 'node:crypto';
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { SignatureV4 } from '@smithy/signature-v4';
import type { PersistenceAdapter } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import { versionOf, type FieldStore, type UpdateResult, type VersionedItem } from './field-store';
import { fromAttribute, toAttribute, toAttributeMap } from './marshall';
import type { Deadline } from '../deadline';
import type { Attributes } from './memory';
import { ATTRIBUTES, PARTITION_KEY, VERSION } from './table';
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

export type Operation = 'GetItem' | 'PutItem' | 'UpdateItem' | 'DeleteItem';

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
    /** DynamoDB's error type, e.g. ConditionalCheckFailedException, when it answered with one. */
    readonly type = '',
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
 * ask-sdk's PersistenceAdapter on DynamoDB's JSON API: one item per user, GetItem/UpdateItem/PutItem/
 * DeleteItem as signed HTTPS requests (the AWS SDK's own SigV4 signer; values marshalled by
 * marshall.ts), one retry, every call bounded by
 * `timeoutMs` and cancelled there (the socket is destroyed). The skill writes with `update`: only the
 * attributes a turn changed, guarded by the item's version (field-store.ts), so two devices of one user
 * never undo each other. No AWS SDK client: it is most of a bundle's size and cold start (see the README
 * and `npm run bench`).
 */
export class DynamoDbPersistenceAdapter implements PersistenceAdapter, FieldStore {
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
      type,
    );
  }

  /** Sends one operation: a retry after a throttle, a server error or a dropped connection; never past the deadline. */
  private async call(
    operation: Operation,
    payload: Record<string, unknown>,
    deadline?: Deadline,
  ): Promise<Record<string, unknown>> {
    const bound = AbortSignal.timeout(this.timeoutMs);
    const signal = deadline ? AbortSignal.any([bound, deadline.signal()]) : bound;
    const body = JSON.stringify(payload);
    for (let attempt = 1; ; attempt++) {
      this.config.onCall?.(operation);
      try {
        return await this.attempt(operation, body, signal);
      } catch (error) {
        const retry = error instanceof DynamoDbError && error.retryable && attempt < 2 && !signal.aborted;
        if (!retry)
          throw signal.aborted
            ? new DynamoDbError(
                bound.aborted
                  ? `${operation} took longer than ${String(this.timeoutMs)} ms`
                  : `${operation} ran out of the turn's time`,
                false,
              )
            : error;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  }

  private key(envelope: RequestEnvelope): Record<string, { S: string }> {
    return { [PARTITION_KEY]: { S: userKey(envelope) } };
  }

  async read(envelope: RequestEnvelope, deadline?: Deadline): Promise<VersionedItem> {
    const result = await this.call(
      'GetItem',
      { TableName: this.tableName, Key: this.key(envelope), ConsistentRead: true },
      deadline,
    );
    const item = result.Item as Record<string, unknown> | undefined;
    const stored = item?.[ATTRIBUTES];
    if (!item || !stored) return { attributes: {}, version: 0 };
    const value = fromAttribute(stored);
    const version = fromAttribute(item[VERSION]);
    // Attributes that are not a map count as version 0: the next write replaces them whole.
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? { attributes: value as Attributes, version: versionOf(version) }
      : { attributes: {}, version: 0 };
  }

  async getAttributes(envelope: RequestEnvelope): Promise<Attributes> {
    return (await this.read(envelope)).attributes;
  }

  /**
   * SET on the changed attributes inside the item's map (REMOVE for those set to undefined) and on the
   * version, on condition the version is still the one read; at version 0, the whole map, on condition
   * no versioned map is there. On a conflict: the item as it is now (one consistent read).
   */
  async update(
    envelope: RequestEnvelope,
    changes: Readonly<Attributes>,
    expectedVersion: number,
    deadline?: Deadline,
  ): Promise<UpdateResult> {
    const names: Record<string, string> = { '#a': ATTRIBUTES, '#v': VERSION };
    const values: Record<string, unknown> = { ':next': expectedVersion + 1 };
    let update: string;
    let condition: string;
    if (expectedVersion === 0) {
      values[':all'] = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
      values[':map'] = 'M';
      update = 'SET #a = :all, #v = :next';
      condition = 'attribute_not_exists(#v) OR NOT attribute_type(#a, :map)';
    } else {
      const sets = ['#v = :next'];
      const removes: string[] = [];
      Object.entries(changes).forEach(([name, value], index) => {
        names[`#f${String(index)}`] = name;
        if (value === undefined) removes.push(`#a.#f${String(index)}`);
        else {
          sets.push(`#a.#f${String(index)} = :f${String(index)}`);
          values[`:f${String(index)}`] = value;
        }
      });
      values[':expected'] = expectedVersion;
      update = `SET ${sets.join(', ')}${removes.length > 0 ? ` REMOVE ${removes.join(', ')}` : ''}`;
      condition = '#v = :expected';
    }
    try {
      await this.call(
        'UpdateItem',
        {
          TableName: this.tableName,
          Key: this.key(envelope),
          UpdateExpression: update,
          ConditionExpression: condition,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: toAttributeMap(values),
        },
        deadline,
      );
      return { ok: true, version: expectedVersion + 1 };
    } catch (error) {
      if (error instanceof DynamoDbError && error.type === 'ConditionalCheckFailedException') {
        return { ok: false, current: await this.read(envelope, deadline) };
      }
      throw error;
    }
  }

  async saveAttributes(envelope: RequestEnvelope, attributes: Attributes): Promise<void> {
    const item = { ...this.key(envelope), [ATTRIBUTES]: toAttribute(attributes) ?? { M: {} } };
    await this.call('PutItem', { TableName: this.tableName, Item: item });
  }

  async deleteAttributes(envelope: RequestEnvelope): Promise<void> {
    await this.call('DeleteItem', { TableName: this.tableName, Key: this.key(envelope) });
  }
}
