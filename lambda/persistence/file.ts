import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { PersistenceAdapter } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import {
  applyChanges,
  versionOf,
  type FieldStore,
  type UpdateResult,
  type VersionedItem,
} from './field-store';
import type { Attributes } from './memory';
import { userKey } from './user-key';

/** One user's file: the attributes, the version of field-store.ts, and whose they are. */
interface UserFile {
  readonly userId: string;
  readonly version: number;
  readonly attributes: Attributes;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Keeps attributes for local runs, one JSON file per user (named by a hash of the user id) in a
 * folder beside `filePath` (`progress.json` → `progress/`), so a write costs the same with 2,000 users
 * as with one. Each write is atomic (a temporary file, then rename), and one user's reads and writes run
 * one at a time. `filePath` itself, the single file of earlier versions, is still read for a user
 * who has no file of their own yet.
 */
export class FilePersistenceAdapter implements PersistenceAdapter, FieldStore {
  readonly directory: string;
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(readonly filePath: string) {
    const parsed = path.parse(filePath);
    this.directory = path.join(parsed.dir, parsed.name);
  }

  fileFor(userId: string): string {
    return path.join(this.directory, `${createHash('sha256').update(userId).digest('hex')}.json`);
  }

  /** Runs one user's file operations one at a time, so two turns never interleave a read and a write. */
  private serial<T>(key: string, work: () => Promise<T>): Promise<T> {
    const run = (this.queues.get(key) ?? Promise.resolve()).then(work, work);
    const settled = run.catch(() => undefined);
    this.queues.set(key, settled);
    void settled.then(() => {
      if (this.queues.get(key) === settled) this.queues.delete(key);
    });
    return run;
  }

  private async readText(file: string): Promise<string | undefined> {
    try {
      return await fs.readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /** The user's item; a corrupt file throws (the turn logs it and answers from the session). */
  private async load(key: string): Promise<VersionedItem> {
    const text = await this.readText(this.fileFor(key));
    if (text !== undefined) {
      const parsed: unknown = JSON.parse(text);
      if (!isRecord(parsed)) return { attributes: {}, version: 0 };
      const attributes = isRecord(parsed.attributes) ? parsed.attributes : {};
      // Attributes that are not a map are rewritten whole, as at version 0.
      return { attributes, version: isRecord(parsed.attributes) ? versionOf(parsed.version) : 0 };
    }
    const legacy = await this.readText(this.filePath);
    if (legacy === undefined) return { attributes: {}, version: 0 };
    const all: unknown = JSON.parse(legacy);
    const attributes = isRecord(all) && Object.hasOwn(all, key) ? all[key] : undefined;
    return { attributes: isRecord(attributes) ? attributes : {}, version: 0 };
  }

  private async write(key: string, version: number, attributes: Attributes): Promise<void> {
    const file = this.fileFor(key);
    await fs.mkdir(this.directory, { recursive: true });
    const temp = `${file}.${String(process.pid)}.${randomBytes(4).toString('hex')}.tmp`;
    const contents: UserFile = { userId: key, version, attributes };
    try {
      await fs.writeFile(temp, JSON.stringify(contents, null, 2));
      await fs.rename(temp, file);
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw error;
    }
  }

  read(envelope: RequestEnvelope): Promise<VersionedItem> {
    const key = userKey(envelope);
    return this.serial(key, () => this.load(key));
  }

  async getAttributes(envelope: RequestEnvelope): Promise<Attributes> {
    return (await this.read(envelope)).attributes;
  }

  update(
    envelope: RequestEnvelope,
    changes: Readonly<Attributes>,
    expectedVersion: number,
  ): Promise<UpdateResult> {
    const key = userKey(envelope);
    return this.serial(key, async (): Promise<UpdateResult> => {
      const current = await this.load(key);
      if (current.version !== expectedVersion) return { ok: false, current };
      const version = expectedVersion + 1;
      await this.write(key, version, applyChanges(current.attributes, changes, expectedVersion));
      return { ok: true, version };
    });
  }

  /** ask-sdk's whole write: last writer wins (the skill itself writes through `update`). */
  async saveAttributes(envelope: RequestEnvelope, attributes: Attributes): Promise<void> {
    const key = userKey(envelope);
    await this.serial(key, async () => {
      const current = await this.load(key).catch(() => ({ version: 0 }));
      await this.write(key, current.version + 1, attributes);
    });
  }

  async deleteAttributes(envelope: RequestEnvelope): Promise<void> {
    const key = userKey(envelope);
    await this.serial(key, async () => {
      await fs.rm(this.fileFor(key), { force: true });
      // The single file of earlier versions must not bring the user back either.
      const legacy = await this.readText(this.filePath);
      if (legacy === undefined) return;
      const all: unknown = JSON.parse(legacy);
      if (!isRecord(all) || !Object.hasOwn(all, key)) return;
      const { [key]: _removed, ...rest } = all;
      const temp = `${this.filePath}.${String(process.pid)}.${randomBytes(4).toString('hex')}.tmp`;
      await fs.writeFile(temp, JSON.stringify(rest, null, 2));
      await fs.rename(temp, this.filePath);
    });
  }
}
