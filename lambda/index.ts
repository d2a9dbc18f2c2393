import { configFromEnv, lambdaPersistenceAdapter } from './persistence/from-config';
import { lambdaHandler } from './skill';

/**
 * The Lambda entry point. With CALF_COACH_TABLE set, progress lives in DynamoDB (AWS_REGION, and
 * DYNAMODB_ENDPOINT for a local server); without it, in memory for the life of the container.
 */
export const handler = lambdaHandler({
  persistenceAdapter: lambdaPersistenceAdapter(configFromEnv(process.env)),
  ...(process.env.CALF_COACH_SKILL_ID ? { skillId: process.env.CALF_COACH_SKILL_ID } : {}),
});
