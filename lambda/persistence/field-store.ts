import type { PersistenceAdapter } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import type { Deadline } from '../deadline';
import type { Attributes } from './memory';

/**
 * A narrower write than ask-sdk's PersistenceAdapter, so two devices of one user never undo each
 * other: a turn sends only the attributes it changed, guarded by the item's version.
 *
 * - `version` counts writes: 0 is no item yet, or an item written before versions (or one that is
 *   not a map of attributes), and every update makes it one more.
 * - `update` applies `changes` (an attribute set to undefined is removed) only while the item is still
 *   at `expectedVersion`. At version 0 `changes` is the whole item. Otherwise nothing is written and
 *   the item as it is now comes back, for the caller to merge and try again.
 */
export interface VersionedItem {
  readonly attributes: Attributes;
  readonly version: number;
}

export type UpdateResult =
  { readonly ok: true; readonly version: number } | { readonly ok: false; readonly current: VersionedItem };

/** `deadline`: the turn's (deadline.ts); a store that calls out gives up there. */
export interface FieldStore {
  read(envelope: RequestEnvelope, deadline?: Deadline): Promise<VersionedItem>;
  update(
    envelope: RequestEnvelope,
    changes: Readonly<Attributes>,
    expectedVersion: number,
    deadline?: Deadline,
  ): Promise<UpdateResult>;
}

export type VersionedAdapter = PersistenceAdapter & FieldStore;

export function isFieldStore(adapter: PersistenceAdapter | undefined): adapter is VersionedAdapter {
  const candidate = adapter as Partial<FieldStore> | undefined;
  return typeof candidate?.read === 'function' && typeof candidate.update === 'function';
}

/** The attributes after `changes`: a whole item at version 0, else field by field. */
export function applyChanges(
  attributes: Readonly<Attributes>,
  changes: Readonly<Attributes>,
  expectedVersion: number,
): Attributes {
  const next: Attributes = expectedVersion === 0 ? {} : { ...attributes };
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) Reflect.deleteProperty(next, name);
    else next[name] = value;
  }
  return next;
}

/** A stored version as read back: a whole number of writes, else 0. */
export function versionOf(value: unknown): number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : 0;
}
