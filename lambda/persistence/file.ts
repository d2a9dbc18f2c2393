import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { PersistenceAdapter } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import type { Deadline } from '../deadline';
import { errorMessage, log } from '../log';
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

const codeOf = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | undefined)?.code;

/** How long a write waits for another process's lock on the same user (without a turn's deadline). */
const LOCK_WAIT_MS = 2000;
/** A lock older than this was left by a write that died: it is broken. */
const STALE_LOCK_MS = 10_000;

/** Whether a process of this machine is still running (a temp or lock file of a dead one can go). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return codeOf(error) === 'EPERM';
  }
}

/**
 * `mkdir -p` that gives up: Node's recursive mkdir spins for ever on a path it can never create (under
 * /proc, say); this walks up the missing folders once and fails with the first error.
 */
async function ensureDir(dir: string): Promise<void> {
  try {
    await fs.mkdir(dir);
  } catch (error) {
    if (codeOf(error) === 'EEXIST') {
      if (!(await fs.stat(dir)).isDirectory()) throw new Error(`${dir} is not a folder`, { cause: error });
      return;
    }
    const parent = path.dirname(dir);
    if (codeOf(error) !== 'ENOENT' || parent === dir) throw error;
    await ensureDir(parent);
    await fs.mkdir(dir).catch((again: unknown) => {
      if (codeOf(again) !== 'EEXIST') throw again;
    });
  }
}

/**
 * Writes `text` to `file` durably: a temporary file, synced to disk (fsync) before the rename puts it in
 * place, so a crash leaves the old file or the new one, never a torn one. The folder itself is not
 * synced after the rename: that would keep the rename too, but costs about 4 ms a write here (two
 * thirds of it, measured), and without it a crash at worst brings back the previous version.
 */
async function writeDurably(file: string, text: string): Promise<void> {
  const temp = `${file}.${String(process.pid)}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const handle = await fs.open(temp, 'w');
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

/**
 * Keeps attributes for local runs, one JSON file per user (named by a hash of the user id) in a
 * folder beside `filePath` (`progress.json` → `progress/`), so a write costs the same with 2,000 users
 * as with one. Several processes may share the folder (`npm start` and `npm run serve`, two servers):
 * a write holds the user's lock file (`<file>.lock`, created exclusively) while it compares versions and
 * writes, so the versioned update of field-store.ts holds across processes and no write is lost. Each
 * write is synced to disk before it replaces the file (writeDurably). A corrupt file is moved
 * aside (`<file>.corrupt-<time>`, with a log line) and the user starts clean; temporary files left by a
 * process that died are removed. `filePath` itself, the single file of earlier versions, is still read
 * for a user who has no file of their own yet.
 */
export class FilePersistenceAdapter implements PersistenceAdapter, FieldStore {
  readonly directory: string;
  private readonly queues = new Map<string, Promise<unknown>>();
  private swept: Promise<void> | undefined;

  constructor(readonly filePath: string) {
    const parsed = path.parse(filePath);
    this.directory = path.join(parsed.dir, parsed.name);
  }

  fileFor(userId: string): string {
    return path.join(this.directory, `${createHash('sha256').update(userId).digest('hex')}.json`);
  }

  /**
   * Whether progress can be kept: the folder is made if need be, and a file is written durably and
   * removed. Answers the problem in one sentence, or undefined when all is well.
   */
  async problem(): Promise<string | undefined> {
    try {
      await ensureDir(this.directory);
      const probe = path.join(this.directory, `.probe-${String(process.pid)}`);
      await writeDurably(probe, 'ok');
      await fs.rm(probe, { force: true });
      return undefined;
    } catch (error) {
      return `cannot keep progress in ${this.directory}: ${errorMessage(error)}`;
    }
  }

  /** Runs one user's file operations one at a time in this process. */
  private serial<T>(key: string, work: () => Promise<T>): Promise<T> {
    const run = (this.queues.get(key) ?? Promise.resolve()).then(work, work);
    const settled = run.catch(() => undefined);
    this.queues.set(key, settled);
    void settled.then(() => {
      if (this.queues.get(key) === settled) this.queues.delete(key);
    });
    return run;
  }

  /** Holds the user's lock file (across processes) while `work` runs; a stale lock is broken. */
  private async locked<T>(file: string, deadline: Deadline | undefined, work: () => Promise<T>): Promise<T> {
    const lock = `${file}.lock`;
    const until = deadline?.at ?? Date.now() + LOCK_WAIT_MS;
    for (;;) {
      try {
        await fs.writeFile(lock, `${String(process.pid)}\n`, { flag: 'wx' });
        break;
      } catch (error) {
        if (codeOf(error) !== 'EEXIST') throw error;
        if (await this.breakStale(lock)) continue;
        if (Date.now() >= until)
          throw new Error(`${path.basename(file)} is locked by another process`, { cause: error });
        await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 10));
      }
    }
    try {
      return await work();
    } finally {
      await fs.rm(lock, { force: true });
    }
  }

  /** Removes a lock whose process has died, or that is older than any write; answers whether it did. */
  private async breakStale(lock: string): Promise<boolean> {
    try {
      const [text, stat] = await Promise.all([fs.readFile(lock, 'utf8'), fs.stat(lock)]);
      const pid = Number.parseInt(text, 10);
      const dead = Number.isInteger(pid) && pid > 0 && !alive(pid);
      if (!dead && Date.now() - stat.mtimeMs < STALE_LOCK_MS) return false;
      await fs.rm(lock, { force: true });
      log.warn('file-store-stale-lock-removed', { lock });
      return true;
    } catch (error) {
      // Released between the failed create and this look: try again at once.
      return codeOf(error) === 'ENOENT';
    }
  }

  /** Once per process, before its first write: temporary files of processes that died are removed. */
  private sweep(): Promise<void> {
    this.swept ??= (async () => {
      const names = await fs.readdir(this.directory).catch(() => [] as string[]);
      for (const name of names) {
        const pid = /\.(\d+)\.[0-9a-f]+\.tmp$/.exec(name)?.[1];
        if (pid !== undefined && !alive(Number(pid))) {
          await fs.rm(path.join(this.directory, name), { force: true });
          log.info('file-store-temp-removed', { file: name });
        }
      }
    })();
    return this.swept;
  }

  private async readText(file: string): Promise<string | undefined> {
    try {
      return await fs.readFile(file, 'utf8');
    } catch (error) {
      if (codeOf(error) === 'ENOENT') return undefined;
      throw error;
    }
  }

  /** JSON, or undefined for a corrupt file, which is moved aside with a log line so saves go on. */
  private async parse(file: string, text: string): Promise<unknown> {
    try {
      return JSON.parse(text);
    } catch (error) {
      const aside = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      await fs.rename(file, aside).catch(() => undefined);
      log.warn('file-store-corrupt-moved-aside', { file, movedTo: aside, error: errorMessage(error) });
      return undefined;
    }
  }

  private async load(key: string): Promise<VersionedItem> {
    const file = this.fileFor(key);
    const text = await this.readText(file);
    if (text !== undefined) {
      const parsed = await this.parse(file, text);
      if (!isRecord(parsed)) return { attributes: {}, version: 0 };
      const attributes = isRecord(parsed.attributes) ? parsed.attributes : {};
      // Attributes that are not a map are rewritten whole, as at version 0.
      return { attributes, version: isRecord(parsed.attributes) ? versionOf(parsed.version) : 0 };
    }
    const legacy = await this.readText(this.filePath);
    if (legacy === undefined) return { attributes: {}, version: 0 };
    const all = await this.parse(this.filePath, legacy);
    const attributes = isRecord(all) && Object.hasOwn(all, key) ? all[key] : undefined;
    return { attributes: isRecord(attributes) ? attributes : {}, version: 0 };
  }

  private async write(key: string, version: number, attributes: Attributes): Promise<void> {
    const contents: UserFile = { userId: key, version, attributes };
    await writeDurably(this.fileFor(key), JSON.stringify(contents, null, 2));
  }

  /** The user's item, under their lock, with the folder made and swept first. */
  private guarded<T>(key: string, deadline: Deadline | undefined, work: () => Promise<T>): Promise<T> {
    return this.serial(key, async () => {
      await ensureDir(this.directory);
      await this.sweep();
      return this.locked(this.fileFor(key), deadline, work);
    });
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
    deadline?: Deadline,
  ): Promise<UpdateResult> {
    const key = userKey(envelope);
    return this.guarded(key, deadline, async (): Promise<UpdateResult> => {
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
    await this.guarded(key, undefined, async () => {
      const current = await this.load(key);
      await this.write(key, current.version + 1, attributes);
    });
  }

  async deleteAttributes(envelope: RequestEnvelope): Promise<void> {
    const key = userKey(envelope);
    await this.guarded(key, undefined, async () => {
      await fs.rm(this.fileFor(key), { force: true });
      // The single file of earlier versions must not bring the user back either.
      const legacy = await this.readText(this.filePath);
      if (legacy === undefined) return;
      const all = await this.parse(this.filePath, legacy);
      if (!isRecord(all) || !Object.hasOwn(all, key)) return;
      const { [key]: _removed, ...rest } = all;
      await writeDurably(this.filePath, JSON.stringify(rest, null, 2));
    });
  }
}
