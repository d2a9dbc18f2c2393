import { DeleteItemCommand, DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
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
  /** A client built elsewhere (tests add middleware to count calls). */
  readonly client?: DynamoDBClient;
}

/** Fails fast: one retry, short socket timeouts; the whole call is also bounded by `timeoutMs`. */
export function createClient(
  config: Omit<DynamoDbConfig, 'tableName' | 'client'>,
  env = process.env,
): DynamoDBClient {
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_SESSION_TOKEN } = env;
  // Lambda provides credentials in the environment; a local server accepts any.
  const credentials =
    accessKeyId && secretAccessKey
      ? { accessKeyId, secretAccessKey, ...(AWS_SESSION_TOKEN ? { sessionToken: AWS_SESSION_TOKEN } : {}) }
      : config.endpoint
        ? { accessKeyId: 'local', secretAccessKey: 'local' }
        : undefined;
  return new DynamoDBClient({
    region: config.region ?? env.AWS_REGION ?? 'us-east-1',
    maxAttempts: 2,
    endpointDiscoveryEnabled: false,
    requestHandler: { connectionTimeout: 400, requestTimeout: 1000 },
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    ...(credentials ? { credentials } : {}),
  });
}

/** ask-sdk's PersistenceAdapter on the modular AWS SDK v3: one item per user, GetItem/PutItem/DeleteItem. */
export class DynamoDbPersistenceAdapter implements PersistenceAdapter {
  readonly client: DynamoDBClient;
  private readonly tableName: string;
  private readonly timeoutMs: number;

  constructor(config: DynamoDbConfig) {
    this.tableName = config.tableName;
    this.timeoutMs = config.timeoutMs ?? 2000;
    this.client = config.client ?? createClient(config);
  }

  private key(envelope: RequestEnvelope): Record<string, { S: string }> {
    return { [PARTITION_KEY]: { S: userKey(envelope) } };
  }

  async getAttributes(envelope: RequestEnvelope): Promise<Attributes> {
    const result = await this.client.send(
      new GetItemCommand({ TableName: this.tableName, Key: this.key(envelope), ConsistentRead: true }),
      { abortSignal: AbortSignal.timeout(this.timeoutMs) },
    );
    const stored = result.Item?.[ATTRIBUTES];
    if (!stored) return {};
    const value: unknown = unmarshall({ value: stored }).value;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Attributes) : {};
  }

  async saveAttributes(envelope: RequestEnvelope, attributes: Attributes): Promise<void> {
    const item = {
      ...this.key(envelope),
      ...marshall({ [ATTRIBUTES]: attributes }, { removeUndefinedValues: true }),
    };
    await this.client.send(new PutItemCommand({ TableName: this.tableName, Item: item }), {
      abortSignal: AbortSignal.timeout(this.timeoutMs),
    });
  }

  async deleteAttributes(envelope: RequestEnvelope): Promise<void> {
    await this.client.send(new DeleteItemCommand({ TableName: this.tableName, Key: this.key(envelope) }), {
      abortSignal: AbortSignal.timeout(this.timeoutMs),
    });
  }
}
