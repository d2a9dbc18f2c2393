import { loadModel } from '../lambda/local/simulator/models';
import { localDevice, type Device } from '../lambda/local/simulator/envelope';
import { Resolver } from '../lambda/local/simulator/nlu';
import { Simulator } from '../lambda/local/simulator/simulator';
import { DynamoDbPersistenceAdapter } from '../lambda/persistence/dynamodb';
import { REMINDERS_SCOPE } from '../lambda/reminders/schedule';
import { skillBuilder } from '../lambda/skill';
import { FakeAlexaApi } from '../tests/helpers/alexa-api';
import { FaultyProxy } from '../tests/helpers/dynalite';
import { QUICK, TABLE } from './settings';

/**
 * A turn with every dependency slow: the table at 0.95 s a call (behind a proxy on loopback, with
 * another device writing while the turn's write is on its way) and the Alexa APIs at 2.9 s a call (a
 * server on loopback). The time from request to answer of "speak slower" in a new session, a one-shot
 * reminder, and "cancel my stretch reminder" with three reminders and no saved token; the worst of
 * a few runs. Each must stay under 3 s (one deadline per turn, lambda/deadline.ts).
 */
export interface SlowTurns {
  readonly runs: number;
  readonly slower: number;
  readonly reminder: number;
  readonly cancel: number;
}

const SLOW_TABLE_MS = 950;
const SLOW_API_MS = 2900;
const RUNS = QUICK ? 1 : 3;

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

export async function slowTurns(endpoint: string): Promise<SlowTurns> {
  const proxy = new FaultyProxy(endpoint);
  const api = new FakeAlexaApi();
  const proxied = await proxy.start();
  const apiEndpoint = await api.start();
  const adapter = (url: string): DynamoDbPersistenceAdapter =>
    new DynamoDbPersistenceAdapter({ tableName: TABLE, endpoint: url, region: 'us-east-1' });
  const slow = adapter(proxied);
  const direct = adapter(endpoint);
  const simulator = (store: DynamoDbPersistenceAdapter, device: Partial<Device>): Simulator =>
    new Simulator(
      skillBuilder({ persistenceAdapter: store }).create(),
      new Resolver(loadModel('en-US'), 'en-US'),
      localDevice(device),
    );
  const worst = { slower: 0, reminder: 0, cancel: 0 };
  try {
    for (let run = 0; run < RUNS; run++) {
      const userId = `amzn1.ask.account.SLOW-${String(run)}`;
      const granted = {
        userId,
        apiEndpoint,
        permissions: {
          consentToken: 'consent',
          scopes: { [REMINDERS_SCOPE]: { status: 'GRANTED' as const } },
        },
      };
      await simulator(direct, { userId }).say('ask calf coach to speak quietly');
      proxy.delayMs = SLOW_TABLE_MS;
      api.delayMs = SLOW_API_MS;
      let conflicted = false;
      proxy.before = async (operation) => {
        if (operation !== 'UpdateItem' || conflicted) return;
        conflicted = true;
        await simulator(direct, { userId, deviceId: 'amzn1.ask.device.KITCHEN' }).say(
          'ask calf coach to make the holds longer',
        );
      };
      const slower = await timed(() => simulator(slow, { userId }).say('ask calf coach to speak slower'));
      const reminder = await timed(() =>
        simulator(slow, granted).say('ask calf coach to remind me to stretch every night at nine pm'),
      );
      api.reminders.clear();
      for (const token of ['a', 'b', 'c']) api.reminders.set(token, { alertToken: token });
      const cancel = await timed(() =>
        simulator(slow, { ...granted, userId: `${userId}-NEW` }).say(
          'ask calf coach to cancel my stretch reminder',
        ),
      );
      worst.slower = Math.max(worst.slower, slower);
      worst.reminder = Math.max(worst.reminder, reminder);
      worst.cancel = Math.max(worst.cancel, cancel);
      proxy.delayMs = 0;
      api.delayMs = 0;
      proxy.before = undefined;
    }
  } finally {
    await api.close();
    await proxy.close();
  }
  return { runs: RUNS, ...worst };
}
