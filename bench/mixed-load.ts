import autocannon from 'autocannon';
import type { RequestEnvelope } from 'ask-sdk-model';
import { MemoryPersistenceAdapter } from '../lambda/persistence/memory';
import { skillBuilder } from '../lambda/skill';
import { loadOf, serverBundle, startServerProcess, type HttpLoad } from './http-load';
import { recordConversation } from './requests';
import { LOAD_CONNECTIONS, LOAD_SECONDS } from './settings';

/** Distinct users the mixed load cycles through, each with a progress file of their own. */
export const MIXED_USERS = 2000;

export interface MixedLoad extends HttpLoad {
  readonly users: number;
  readonly turns: number;
  /** Conversations that ran all their turns. */
  readonly conversations: number;
}

/**
 * Mixed load on `npm run serve` with its default file store: every connection holds 15-turn cramp
 * conversations one after another (the recorded envelopes, each turn carrying the session attributes
 * the previous answer returned), each conversation for the next of MIXED_USERS users. Every turn that
 * changes progress writes that user's file, so this is the load the file store sees.
 */
export async function mixedLoad(bundle: string = serverBundle()): Promise<MixedLoad> {
  const recorded = JSON.parse(
    (await recordConversation(skillBuilder({ persistenceAdapter: new MemoryPersistenceAdapter() }).create()))
      .requests,
  ) as RequestEnvelope[];
  const server = await startServerProcess(bundle);
  let nextUser = 0;
  let conversations = 0;
  try {
    const requests: autocannon.Request[] = recorded.map((template, turn) => ({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      setupRequest: (request, context) => {
        if (turn === 0) {
          context.user = `amzn1.ask.account.BENCH-${String(nextUser++ % MIXED_USERS)}`;
          context.session = `amzn1.echo-api.session.bench-${String(nextUser)}`;
          context.attributes = {};
        }
        const event = structuredClone(template) as RequestEnvelope & {
          session: NonNullable<RequestEnvelope['session']>;
        };
        const user = String(context.user);
        event.context.System.user.userId = user;
        event.session.user.userId = user;
        event.session.sessionId = String(context.session);
        event.session.attributes = context.attributes as Record<string, unknown>;
        return { ...request, body: JSON.stringify(event) };
      },
      onResponse: (_status, body, context) => {
        try {
          context.attributes = (JSON.parse(body) as { sessionAttributes?: unknown }).sessionAttributes ?? {};
        } catch {
          context.attributes = {};
        }
        if (turn === recorded.length - 1) conversations++;
      },
    }));
    const result = await autocannon({
      url: `${server.url}/`,
      connections: LOAD_CONNECTIONS,
      duration: LOAD_SECONDS,
      requests,
    });
    return { ...loadOf(result), users: MIXED_USERS, turns: recorded.length, conversations };
  } finally {
    await server.stop();
  }
}
