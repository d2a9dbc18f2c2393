import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { RequestEnvelope } from 'ask-sdk-model';
import { envelope, localDevice, newSessionId } from '../../lambda/local/simulator/envelope';
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

  it('a corrupt user file fails the read loudly', async () => {
    const adapter = new FilePersistenceAdapter(file);
    const request = requestOf('amzn1.ask.account.ANN');
    await adapter.update(request, { schemaVersion: 1 }, 0);
    writeFileSync(adapter.fileFor('amzn1.ask.account.ANN'), '{ not json');
    await expect(adapter.read(request)).rejects.toThrow();
  });
});
