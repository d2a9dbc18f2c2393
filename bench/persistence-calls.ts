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
}

/** Counts the DynamoDB reads and writes of one whole cramp conversation against the local table at `endpoint`. */
export async function persistenceCalls(endpoint: string): Promise<PersistenceCalls> {
  const calls: Record<string, number> = {};
  const adapter = new DynamoDbPersistenceAdapter({
    tableName: TABLE,
    endpoint,
    region: 'us-east-1',
    onCall: (operation) => {
      calls[operation] = (calls[operation] ?? 0) + 1;
    },
  });
  const skill = skillBuilder({ persistenceAdapter: adapter }).create();
  const simulator = new Simulator(
    skill,
    new Resolver(loadModel('en-US'), 'en-US'),
    localDevice({ userId: 'bench-db' }),
  );
  for (const words of CRAMP) await simulator.say(words);
  return { reads: calls.GetItem ?? 0, writes: calls.PutItem ?? 0, turns: CRAMP.length };
}
