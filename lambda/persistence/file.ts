import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { PersistenceAdapter } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import type { Attributes } from './memory';
import { userKey } from './user-key';

type FileContents = Record<string, Attributes>;

/** Keeps attributes in one JSON file, per user, for local runs; writes are atomic (temp file, rename). */
export class FilePersistenceAdapter implements PersistenceAdapter {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly filePath: string) {}

  private async readAll(): Promise<FileContents> {
    let text: string;
    try {
      text = await fs.readFile(this.filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as FileContents)
      : {};
  }

  private async writeAll(contents: FileContents): Promise<void> {
    await fs.mkdir(path.dirname(this.filePath), { recursive: true });
    const temp = `${this.filePath}.${String(process.pid)}.tmp`;
    await fs.writeFile(temp, JSON.stringify(contents, null, 2));
    await fs.rename(temp, this.filePath);
  }

  /** Runs file operations one at a time, so two turns never interleave a read and a write. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  async getAttributes(envelope: RequestEnvelope): Promise<Attributes> {
    const key = userKey(envelope);
    return this.serial(async () => (await this.readAll())[key] ?? {});
  }

  async saveAttributes(envelope: RequestEnvelope, attributes: Attributes): Promise<void> {
    const key = userKey(envelope);
    await this.serial(async () => {
      const all = await this.readAll();
      all[key] = attributes;
      await this.writeAll(all);
    });
  }

  async deleteAttributes(envelope: RequestEnvelope): Promise<void> {
    const key = userKey(envelope);
    await this.serial(async () => {
      const all = await this.readAll();
      const { [key]: _removed, ...rest } = all;
      await this.writeAll(rest);
    });
  }
}
