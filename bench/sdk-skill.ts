import { DeleteItemCommand, DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { PersistenceAdapter } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import { lambdaHandler } from '../lambda/skill';

/**
 * For the benchmark only: Calf Coach with the usual AWS SDK v3 DynamoDBClient in place of the shipped
 * signed-HTTP adapter, to measure what that choice costs in bundle size and cold start.
 */
const table = process.env.CALF_COACH_TABLE ?? 'calf-coach';
const client = new DynamoDBClient({
  region: process.env.AWS_REGION ?? 'us-east-1',
  ...(process.env.DYNAMODB_ENDPOINT ? { endpoint: process.env.DYNAMODB_ENDPOINT } : {}),
});
const key = (envelope: RequestEnvelope): Record<string, { S: string }> => ({
  id: { S: envelope.context.System.user.userId },
});

const adapter: PersistenceAdapter = {
  async getAttributes(envelope) {
    const { Item } = await client.send(
      new GetItemCommand({ TableName: table, Key: key(envelope), ConsistentRead: true }),
    );
    const stored = Item?.attributes;
    return stored ? (unmarshall({ value: stored }).value as Record<string, unknown>) : {};
  },
  async saveAttributes(envelope, attributes) {
    await client.send(
      new PutItemCommand({ TableName: table, Item: { ...key(envelope), ...marshall({ attributes }) } }),
    );
  },
  async deleteAttributes(envelope) {
    await client.send(new DeleteItemCommand({ TableName: table, Key: key(envelope) }));
  },
};

export const handler = lambdaHandler({ persistenceAdapter: adapter });
