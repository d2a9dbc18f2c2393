import type { PersistenceAdapter } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import { applyChanges, type FieldStore, type UpdateResult, type VersionedItem } from './field-store';
import { userKey } from './user-key';

export type Attributes = Record<string, unknown>;

/** Attributes as last written: never changed in place (an update makes a new object), copied on the way out. */
interface Item {
  readonly attributes: Readonly<Attributes>;
  readonly version: number;
}

const copy = (attributes: Readonly<Attributes>): Attributes =>
  JSON.parse(JSON.stringify(attributes)) as Attributes;

/**
 * Keeps attributes in memory, per user: for tests, and a Lambda with no table configured. Versioned
 * field updates as in DynamoDB (see field-store.ts), so two sessions of one user merge the same way.
 */
export class MemoryPersistenceAdapter implements PersistenceAdapter, FieldStore {
  private readonly items = new Map<string, Item>();
  /** Calls made, so tests can count reads and writes (`save` counts whole writes and updates alike). */
  readonly calls = { get: 0, save: 0, delete: 0, conflict: 0 };

  private item(envelope: RequestEnvelope): VersionedItem {
    const item = this.items.get(userKey(envelope));
    return item === undefined
      ? { attributes: {}, version: 0 }
      : { attributes: copy(item.attributes), version: item.version };
  }

  getAttributes(envelope: RequestEnvelope): Promise<Attributes> {
    this.calls.get++;
    return Promise.resolve(this.item(envelope).attributes);
  }

  read(envelope: RequestEnvelope): Promise<VersionedItem> {
    this.calls.get++;
    return Promise.resolve(this.item(envelope));
  }

  /** ask-sdk's whole write: last writer wins (the skill itself writes through `update`). */
  saveAttributes(envelope: RequestEnvelope, attributes: Attributes): Promise<void> {
    this.calls.save++;
    const version = (this.items.get(userKey(envelope))?.version ?? 0) + 1;
    this.items.set(userKey(envelope), { attributes: copy(attributes), version });
    return Promise.resolve();
  }

  update(
    envelope: RequestEnvelope,
    changes: Readonly<Attributes>,
    expectedVersion: number,
  ): Promise<UpdateResult> {
    const key = userKey(envelope);
    const current = this.items.get(key) ?? { attributes: {}, version: 0 };
    if (current.version !== expectedVersion) {
      this.calls.conflict++;
      this.calls.get++;
      return Promise.resolve({
        ok: false,
        current: { attributes: copy(current.attributes), version: current.version },
      });
    }
    this.calls.save++;
    const version = expectedVersion + 1;
    // A new object: what is already stored is never changed in place (the changes are the caller's fresh ones).
    this.items.set(key, { attributes: applyChanges(current.attributes, changes, expectedVersion), version });
    return Promise.resolve({ ok: true, version });
  }

  deleteAttributes(envelope: RequestEnvelope): Promise<void> {
    this.calls.delete++;
    this.items.delete(userKey(envelope));
    return Promise.resolve();
  }

  /** What is stored for a user, as the store holds it. */
  peek(userId: string): Attributes | undefined {
    const item = this.items.get(userId);
    return item === undefined ? undefined : copy(item.attributes);
  }
}
