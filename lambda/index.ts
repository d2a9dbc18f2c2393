import { MemoryPersistenceAdapter } from './persistence/memory';
import { skillBuilder } from './skill';

/**
 * The Lambda entry point. Progress is kept in memory for the life of the container until a table is
 * configured (DynamoDB persistence is a separate piece of work).
 */
export const handler = skillBuilder({
  persistenceAdapter: new MemoryPersistenceAdapter(),
  ...(process.env.CALF_COACH_SKILL_ID ? { skillId: process.env.CALF_COACH_SKILL_ID } : {}),
}).lambda();
