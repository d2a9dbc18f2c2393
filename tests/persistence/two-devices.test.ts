import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { PersistenceAdapter } from 'ask-sdk-core';
import { FilePersistenceAdapter } from '../../lambda/persistence/file';
import { MemoryPersistenceAdapter } from '../../lambda/persistence/memory';
import { Conversation } from '../helpers/conversation';
import {
  countingAdapter,
  createTable,
  scanTable,
  startDynalite,
  type LocalDynamo,
} from '../helpers/dynalite';

/**
 * One user, two devices (kitchen and bedroom), two sessions open at once, turns interleaved. Whatever
 * each changes, the other's change survives: only the fields a turn changed are written, guarded by the
 * item's version, and a conflict is merged field by field (newest progress wins).
 */

let dynamo: LocalDynamo;
let tables = 0;
let dir: string;

beforeAll(async () => {
  dynamo = await startDynalite();
});
afterAll(async () => {
  await dynamo.close();
});
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'calf-coach-two-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

type Calls = Record<string, number>;

async function dynamoAdapter(): Promise<{ adapter: PersistenceAdapter; calls: Calls }> {
  const table = `two-devices-${String(++tables)}`;
  await createTable(dynamo.endpoint, table);
  return countingAdapter(dynamo.endpoint, table);
}

const ADAPTERS: readonly [string, () => Promise<{ adapter: PersistenceAdapter; calls?: Calls }>][] = [
  ['DynamoDB (dynalite)', dynamoAdapter],
  ['memory', () => Promise.resolve({ adapter: new MemoryPersistenceAdapter() })],
  ['file', () => Promise.resolve({ adapter: new FilePersistenceAdapter(path.join(dir, 'progress.json')) })],
];

const USER = 'amzn1.ask.account.LOCAL-USER';

function devices(adapter: PersistenceAdapter): { kitchen: Conversation; bedroom: Conversation } {
  return {
    kitchen: new Conversation({ adapter, device: { deviceId: 'amzn1.ask.device.KITCHEN' } }),
    bedroom: new Conversation({ adapter, device: { deviceId: 'amzn1.ask.device.BEDROOM' } }),
  };
}

async function stored(adapter: PersistenceAdapter, c: Conversation): Promise<Record<string, unknown>> {
  const request = c.exchanges[0]?.request;
  if (!request) throw new Error('no request yet');
  return adapter.getAttributes(request);
}

describe.each(ADAPTERS)('two devices, one user: %s', (_name, make) => {
  it('each changes a different field: the kitchen moves on, the bedroom changes a preference; both kept', async () => {
    const { adapter } = await make();
    const { kitchen, bedroom } = devices(adapter);
    // Both sessions read the store before either writes.
    await kitchen.say('ask calf coach for a stretch after my run');
    await bedroom.say('open calf coach');
    await kitchen.sayAll('no', 'no', 'no', 'next');
    expect(await stored(adapter, kitchen)).toMatchObject({
      progress: { routineId: 'afterRun', stepIndex: 1 },
    });
    // The bedroom's session still holds the store as it read it: before the kitchen's progress.
    await bedroom.say('make the holds longer');
    expect(await stored(adapter, kitchen)).toMatchObject({
      progress: { routineId: 'afterRun', stepIndex: 1 },
      preferences: { holdScale: 1.5, rate: 'medium' },
      welcomed: true,
    });
    // And the kitchen's next write keeps the bedroom's preference.
    await kitchen.say('next');
    expect(await stored(adapter, kitchen)).toMatchObject({
      progress: { routineId: 'afterRun', stepIndex: 2 },
      preferences: { holdScale: 1.5 },
    });
    expect((await new Conversation({ adapter }).say('open calf coach')).text).toMatch(
      /step three of the after-run stretch/,
    );
  });

  it('both change the same field: the newest progress wins, and different preferences both stay', async () => {
    const { adapter } = await make();
    const { kitchen, bedroom } = devices(adapter);
    await kitchen.say('open calf coach');
    await bedroom.say('open calf coach');
    await kitchen.say('speak slower');
    await bedroom.say('speak quietly');
    expect(await stored(adapter, kitchen)).toMatchObject({ preferences: { rate: 'slow', quiet: true } });
    await kitchen.sayAll('bedtime', 'no', 'no');
    bedroom.wait(60_000);
    await bedroom.sayAll('ask calf coach for a stretch after my run', 'no', 'no', 'no');
    // The bedroom's turn is the newer one: its place is kept.
    expect(await stored(adapter, kitchen)).toMatchObject({
      progress: { routineId: 'afterRun', stepIndex: 0 },
    });
    // The kitchen's clock is behind: a turn from before the bedroom's does not undo it.
    await kitchen.say('next');
    expect(await stored(adapter, kitchen)).toMatchObject({
      progress: { routineId: 'afterRun', stepIndex: 0 },
      preferences: { rate: 'slow', quiet: true },
    });
    // A later turn in the kitchen moves it on again.
    kitchen.wait(120_000);
    await kitchen.say('repeat');
    expect(await stored(adapter, kitchen)).toMatchObject({ progress: { routineId: 'bedtime' } });
  });
});

describe('what the merge costs, against dynalite', () => {
  it('nothing in the common case; one read and one more write on a conflict', async () => {
    const { adapter, calls } = await dynamoAdapter();
    const { kitchen, bedroom } = devices(adapter);
    await kitchen.sayAll('ask calf coach for a stretch after my run', 'no', 'no', 'no');
    // One session alone: one read, and one conditional write per change.
    expect(calls).toEqual({ GetItem: 1, UpdateItem: 1 });
    await bedroom.say('open calf coach');
    await kitchen.say('next');
    expect(calls).toEqual({ GetItem: 2, UpdateItem: 2 });
    // The bedroom read before the kitchen's last write: its write conflicts, is read again, merged, written.
    await bedroom.say('speak slower');
    expect(calls).toEqual({ GetItem: 3, UpdateItem: 4 });
    const [item] = await scanTable(dynamo.endpoint, `two-devices-${String(tables)}`);
    expect(item).toMatchObject({
      id: USER,
      version: 3,
      attributes: { progress: { routineId: 'afterRun', stepIndex: 1 }, preferences: { rate: 'slow' } },
    });
  });
});
