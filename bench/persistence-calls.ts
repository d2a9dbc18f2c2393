import { loadModel } from '../lambda/local/simulator/models';
import { Resolver } from '../lambda/local/simulator/nlu';
import { Simulator } from '../lambda/local/simulator/simulator';
import { localDevice } from '../lambda/local/simulator/envelope';
import { DynamoDbPersistenceAdapter } from '../lambda/persistence/dynamodb';
import { skillBuilder } from '../lambda/skill';
import { CRAMP, TABLE } from './settings';

export interface PersistenceCalls {
  readonly reads: number;
  readonly writes: number;
  readonly turns: number;
  /**
   * Two devices of one user, their turns interleaved (the second opens the skill and changes a
   * preference mid-way): all their calls, and the conflicts among them (each one more read and write).
   */
  readonly twoDevices: { readonly reads: number; readonly writes: number; readonly conflicts: number };
}

function counting(endpoint: string): {
  adapter: DynamoDbPersistenceAdapter;
  calls: Record<string, number>;
} {
  const calls: Record<string, number> = {};
  const adapter = new DynamoDbPersistenceAdapter({
    tableName: TABLE,
    endpoint,
    region: 'us-east-1',
    onCall: (operation) => {
      calls[operation] = (calls[operation] ?? 0) + 1;
    },
  });
  return { adapter, calls };
}

const simulatorFor = (adapter: DynamoDbPersistenceAdapter, userId: string, deviceId: string): Simulator =>
  new Simulator(
    skillBuilder({ persistenceAdapter: adapter }).create(),
    new Resolver(loadModel('en-US'), 'en-US'),
    localDevice({ userId, deviceId }),
  );

const writesOf = (calls: Record<string, number>): number => (calls.PutItem ?? 0) + (calls.UpdateItem ?? 0);

/**
 * Counts the DynamoDB reads and writes of one whole cramp conversation against the local table at
 * `endpoint`; then of the same conversation on one device while a second device of the same user opens
 * the skill and changes a preference halfway (the merge's extra calls).
 */
export async function persistenceCalls(endpoint: string): Promise<PersistenceCalls> {
  const one = counting(endpoint);
  const alone = simulatorFor(one.adapter, 'bench-db', 'kitchen');
  for (const words of CRAMP) await alone.say(words);

  const two = counting(endpoint);
  const kitchen = simulatorFor(two.adapter, 'bench-db-two', 'kitchen');
  const bedroom = simulatorFor(two.adapter, 'bench-db-two', 'bedroom');
  for (const [turn, words] of CRAMP.entries()) {
    await kitchen.say(words);
    if (turn === 2) await bedroom.say('open calf coach');
    if (turn === 7) await bedroom.say('speak slower');
  }
  const reads = two.calls.GetItem ?? 0;
  return {
    reads: one.calls.GetItem ?? 0,
    writes: writesOf(one.calls),
    turns: CRAMP.length,
    // One read per session; every other read is a conflict's.
    twoDevices: { reads, writes: writesOf(two.calls), conflicts: reads - 2 },
  };
}
