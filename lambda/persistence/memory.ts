import type { PersistenceAdapter } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import { userKey } from './user-key';

export type Attributes = Record<string, unknown>;

/** Keeps attributes in memory, per user: for tests, and a Lambda with no table configured. */
export class MemoryPersistenceAdapter implements PersistenceAdapter {
  private readonly items = new Map<string, string>();
  /** Calls made, so tests can count reads and writes. */
  readonly calls = { get: 0, save: 0, delete: 0 };

  getAttributes(envelope: RequestEnvelope): Promise<Attributes> {
    this.calls.get++;
    const item = this.items.get(userKey(envelope));
    return Promise.resolve(item === undefined ? {} : (JSON.parse(item) as Attributes));
  }

  saveAttributes(envelope: RequestEnvelope, attributes: Attributes): Promise<void> {
    this.calls.save++;
    this.items.set(userKey(envelope), JSON.stringify(attributes));
    return Promise.resolve();
  }

  deleteAttributes(envelope: RequestEnvelope): Promise<void> {
    this.calls.delete++;
    this.items.delete(userKey(envelope));
    return Promise.resolve();
  }

  /** What is stored for a user, as the store holds it. */
  peek(userId: string): Attributes | undefined {
    const item = this.items.get(userId);
    return item === undefined ? undefined : (JSON.parse(item) as Attributes);
  }
}
