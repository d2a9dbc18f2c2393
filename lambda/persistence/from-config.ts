import type { PersistenceAdapter } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import type { Deadline } from '../deadline';
import type { FieldStore, UpdateResult, VersionedItem } from './field-store';
import { FilePersistenceAdapter } from './file';
import { MemoryPersistenceAdapter, type Attributes } from './memory';

/** Where progress and preferences live, from configuration; handlers never know which one they got. */
export interface PersistenceConfig {
  /** A DynamoDB table name: the DynamoDB adapter is used. */
  readonly table?: string;
  readonly region?: string;
  readonly endpoint?: string;
  /** A JSON file, for local runs, when no table is configured. */
  readonly file?: string;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env, file?: string): PersistenceConfig {
  return {
    ...(env.CALF_COACH_TABLE ? { table: env.CALF_COACH_TABLE } : {}),
    ...(env.AWS_REGION ? { region: env.AWS_REGION } : {}),
    ...(env.DYNAMODB_ENDPOINT ? { endpoint: env.DYNAMODB_ENDPOINT } : {}),
    ...(file ? { file } : {}),
  };
}

/**
 * The DynamoDB code (and the AWS SDK inside it) is loaded on first use only, so a skill without a table
 * never pays for it at cold start.
 */
class LazyDynamoDbAdapter implements PersistenceAdapter, FieldStore {
  private adapter: Promise<PersistenceAdapter & FieldStore> | undefined;

  constructor(private readonly config: PersistenceConfig & { table: string }) {}

  private load(): Promise<PersistenceAdapter & FieldStore> {
    this.adapter ??= import('./dynamodb').then(
      ({ DynamoDbPersistenceAdapter }) =>
        new DynamoDbPersistenceAdapter({
          tableName: this.config.table,
          ...(this.config.region ? { region: this.config.region } : {}),
          ...(this.config.endpoint ? { endpoint: this.config.endpoint } : {}),
        }),
    );
    return this.adapter;
  }

  async getAttributes(envelope: RequestEnvelope): Promise<Attributes> {
    return (await this.load()).getAttributes(envelope);
  }

  async read(envelope: RequestEnvelope, deadline?: Deadline): Promise<VersionedItem> {
    return (await this.load()).read(envelope, deadline);
  }

  async update(
    envelope: RequestEnvelope,
    changes: Readonly<Attributes>,
    expectedVersion: number,
    deadline?: Deadline,
  ): Promise<UpdateResult> {
    return (await this.load()).update(envelope, changes, expectedVersion, deadline);
  }

  async saveAttributes(envelope: RequestEnvelope, attributes: Attributes): Promise<void> {
    await (await this.load()).saveAttributes(envelope, attributes);
  }

  async deleteAttributes(envelope: RequestEnvelope): Promise<void> {
    await (await this.load()).deleteAttributes?.(envelope);
  }
}

/** Lambda's store: the table when one is configured, else memory (no file adapter in the Lambda bundle). */
export function lambdaPersistenceAdapter(config: PersistenceConfig): PersistenceAdapter & FieldStore {
  return config.table
    ? new LazyDynamoDbAdapter({ ...config, table: config.table })
    : new MemoryPersistenceAdapter();
}

export function createPersistenceAdapter(config: PersistenceConfig): PersistenceAdapter & FieldStore {
  if (config.table) return new LazyDynamoDbAdapter({ ...config, table: config.table });
  if (config.file) return new FilePersistenceAdapter(config.file);
  return new MemoryPersistenceAdapter();
}
