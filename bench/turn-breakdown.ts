import { SkillBuilders, type RequestHandler } from 'ask-sdk-core';
import type { SkillLike } from '../lambda/local/simulator/simulator';
import { loadTurn } from '../lambda/turn/load';
import { saveTurn } from '../lambda/turn/save';
import { MemoryPersistenceAdapter } from '../lambda/persistence/memory';
import { createSkill, REQUEST_HANDLERS } from '../lambda/skill';
import { Hello } from './hello-skill';
import { replay } from './requests';
import { WARM_CONVERSATIONS } from './settings';
import { median } from './stats';

export interface TurnPart {
  readonly what: string;
  readonly median: number;
}

/**
 * Where a warm turn's time goes, in process, on the same recorded envelopes: the baseline, the
 * baseline behind as many handlers as Calf Coach has, the baseline with Calf Coach's state
 * interceptors, and Calf Coach.
 */
export async function turnBreakdown(recorded: string): Promise<TurnPart[]> {
  const skip: RequestHandler = { canHandle: () => false, handle: (input) => Hello.handle(input) };
  const handlerCount = REQUEST_HANDLERS.length;
  const store = new MemoryPersistenceAdapter();
  const skills: Record<string, SkillLike> = {
    'hello world (the baseline)': SkillBuilders.custom().addRequestHandlers(Hello).create(),
    [`hello world behind ${String(handlerCount - 1)} handlers that decline`]: SkillBuilders.custom()
      .addRequestHandlers(...Array<RequestHandler>(handlerCount - 1).fill(skip), Hello)
      .create(),
    "hello world with Calf Coach's state interceptors (memory store)": SkillBuilders.custom()
      .withPersistenceAdapter(store)
      .addRequestInterceptors(loadTurn(store))
      .addResponseInterceptors(saveTurn(store))
      .addRequestHandlers(Hello)
      .create(),
    // As Lambda and the server run it: the checked skill (its own state is not deep-copied by ask-sdk).
    'Calf Coach (memory store)': createSkill({ persistenceAdapter: new MemoryPersistenceAdapter() }),
  };
  const samples = await replay(skills, recorded, WARM_CONVERSATIONS);
  return Object.entries(samples).map(([what, times]) => ({ what, median: median(times) }));
}
