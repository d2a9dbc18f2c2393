import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  promises as fs,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { RequestEnvelope } from 'ask-sdk-model';
import { envelope, localDevice, newSessionId } from '../../lambda/local/simulator/envelope';
import { Deadline } from '../../lambda/deadline';
import { FilePersistenceAdapter } from '../../lambda/persistence/file';

/** The local file store: one file per user, written atomically, versioned like the other stores. */

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'calf-coach-files-'));
  file = path.join(dir, 'progress.json');
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const requestOf = (userId: string): RequestEnvelope =>
  envelope(
    localDevice({ userId }),
    { sessionId: newSessionId(), isNew: true, attributes: {} },
    { type: 'LaunchRequest' },
    new Date(),
  );

describe('the file store', () => {
  it('keeps one small file per user: a write touches only that user’s file, whatever the number of users', async () => {
    const adapter = new FilePersistenceAdapter(file);
    for (let i = 0; i < 200; i++) {
      await adapter.update(
        requestOf(`amzn1.ask.account.U${String(i)}`),
        { schemaVersion: 1, welcomed: true },
        0,
      );
    }
    const files = readdirSync(adapter.directory);
    expect(files).toHaveLength(200);
    const first = adapter.fileFor('amzn1.ask.account.U0');
    const before = statSync(first).mtimeMs;
    const sizes = new Set(files.map((name) => statSync(path.join(adapter.directory, name)).size));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const result = await adapter.update(requestOf('amzn1.ask.account.U199'), { welcomed: false }, 1);
    expect(result).toEqual({ ok: true, version: 2 });
    expect(statSync(first).mtimeMs).toBe(before);
    // Every file is about the same size: the cost of a write does not grow with the number of users.
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThan(16);
  });

  it('writes atomically and one at a time per user: concurrent updates all land, no temporary file is left', async () => {
    const adapter = new FilePersistenceAdapter(file);
    const request = requestOf('amzn1.ask.account.ANN');
    await adapter.update(request, { schemaVersion: 1 }, 0);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => adapter.update(request, { [`f${String(i)}`]: i }, 1 + i)),
    );
    expect(results.every((result) => result.ok)).toBe(true);
    const item = await adapter.read(request);
    expect(item.version).toBe(21);
    expect(Object.keys(item.attributes)).toHaveLength(21);
    expect(readdirSync(adapter.directory).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a write that expects an older version, and answers the item as it is', async () => {
    const adapter = new FilePersistenceAdapter(file);
    const request = requestOf('amzn1.ask.account.ANN');
    await adapter.update(request, { schemaVersion: 1, welcomed: true }, 0);
    await adapter.update(request, { welcomed: false }, 1);
    expect(await adapter.update(request, { welcomed: true }, 1)).toEqual({
      ok: false,
      current: { version: 2, attributes: { schemaVersion: 1, welcomed: false } },
    });
    // An attribute set to undefined is removed.
    await adapter.update(request, { welcomed: undefined }, 2);
    expect((await adapter.read(request)).attributes).toEqual({ schemaVersion: 1 });
  });

  it('still reads the single file of earlier versions for a user without a file, and a delete removes both', async () => {
    const legacy = { schemaVersion: 1, welcomed: true, progress: { routineId: 'bedtime', stepIndex: 1 } };
    writeFileSync(file, JSON.stringify({ 'amzn1.ask.account.ANN': legacy, 'amzn1.ask.account.BOB': legacy }));
    const adapter = new FilePersistenceAdapter(file);
    const ann = requestOf('amzn1.ask.account.ANN');
    expect(await adapter.read(ann)).toEqual({ attributes: legacy, version: 0 });
    await adapter.update(ann, { ...legacy, welcomed: false }, 0);
    expect(await adapter.read(ann)).toEqual({ attributes: { ...legacy, welcomed: false }, version: 1 });
    await adapter.deleteAttributes(ann);
    expect(await adapter.read(ann)).toEqual({ attributes: {}, version: 0 });
    expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')) as object)).toEqual(['amzn1.ask.account.BOB']);
  });

  it('a corrupt user file is moved aside with a log line; the user starts clean and the next save lands', async () => {
    const adapter = new FilePersistenceAdapter(file);
    const request = requestOf('amzn1.ask.account.ANN');
    await adapter.update(request, { schemaVersion: 1 }, 0);
    const userFile = adapter.fileFor('amzn1.ask.account.ANN');
    writeFileSync(userFile, '{ "version": 3, "attri');
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    process.env.CALF_COACH_LOG = 'on';
    try {
      expect(await adapter.read(request)).toEqual({ attributes: {}, version: 0 });
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]?.[0])).toContain('"file-store-corrupt-moved-aside"');
    } finally {
      process.env.CALF_COACH_LOG = 'silent';
      warn.mockRestore();
    }
    const aside = readdirSync(adapter.directory).filter((name) => name.includes('.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(path.join(adapter.directory, aside[0] ?? ''), 'utf8')).toBe('{ "version": 3, "attri');
    expect(await adapter.update(request, { schemaVersion: 1, welcomed: true }, 0)).toEqual({
      ok: true,
      version: 1,
    });
  });

  it('removes temporary files left by a process that died, before its first write; keeps a live one’s', async () => {
    const adapter = new FilePersistenceAdapter(file);
    mkdirSync(adapter.directory, { recursive: true });
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    const stale = `${adapter.fileFor('amzn1.ask.account.OLD')}.${String(dead)}.0badf00d.tmp`;
    const live = `${adapter.fileFor('amzn1.ask.account.NEW')}.${String(process.pid)}.0badf00d.tmp`;
    writeFileSync(stale, '{ "half": ');
    writeFileSync(live, '{ "being": "written" }');
    await adapter.update(requestOf('amzn1.ask.account.ANN'), { schemaVersion: 1 }, 0);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(live)).toBe(true);
  });

  it('syncs the new file to disk before it replaces the old one', async () => {
    const adapter = new FilePersistenceAdapter(file);
    const order: string[] = [];
    const probe = await fs.open(path.join(dir, 'probe'), 'w');
    const handleProto = Object.getPrototypeOf(probe) as { sync: () => Promise<void> };
    await probe.close();
    const realSync = handleProto.sync;
    const sync = jest.spyOn(handleProto, 'sync').mockImplementation(function (this: unknown) {
      order.push('sync');
      return realSync.call(this);
    });
    const realRename = fs.rename.bind(fs);
    const rename = jest.spyOn(fs, 'rename').mockImplementation(async (from, to) => {
      order.push('rename');
      await realRename(from, to);
    });
    try {
      await adapter.update(requestOf('amzn1.ask.account.ANN'), { schemaVersion: 1 }, 0);
    } finally {
      sync.mockRestore();
      rename.mockRestore();
    }
    expect(order.slice(0, 2)).toEqual(['sync', 'rename']);
  });

  it('a lock left by a process that died is broken; a live one makes the write wait, then give up in time', async () => {
    const adapter = new FilePersistenceAdapter(file);
    const request = requestOf('amzn1.ask.account.ANN');
    mkdirSync(adapter.directory, { recursive: true });
    const lock = `${adapter.fileFor('amzn1.ask.account.ANN')}.lock`;
    writeFileSync(lock, `${String(spawnSync(process.execPath, ['-e', '0']).pid)}\n`);
    expect(await adapter.update(request, { schemaVersion: 1 }, 0)).toEqual({ ok: true, version: 1 });
    expect(existsSync(lock)).toBe(false);
    writeFileSync(lock, `${String(process.pid)}\n`);
    const started = Date.now();
    await expect(adapter.update(request, { welcomed: true }, 1, Deadline.in(300))).rejects.toThrow(
      /locked by another process/,
    );
    expect(Date.now() - started).toBeLessThan(1000);
    rmSync(lock);
    expect(await adapter.update(request, { welcomed: true }, 1)).toEqual({ ok: true, version: 2 });
  });

  it('a folder that can never be made (under /proc, or under a file) fails at once, never spins', async () => {
    writeFileSync(path.join(dir, 'a-file'), '');
    for (const where of ['/proc/x/progress.json', path.join(dir, 'a-file', 'sub', 'progress.json')]) {
      const adapter = new FilePersistenceAdapter(where);
      const started = Date.now();
      expect(await adapter.problem()).toMatch(/^cannot keep progress in .+: E(NOENT|NOTDIR)/);
      await expect(
        adapter.update(requestOf('amzn1.ask.account.ANN'), { schemaVersion: 1 }, 0),
      ).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(1000);
    }
    expect(await new FilePersistenceAdapter(file).problem()).toBeUndefined();
  });
});
