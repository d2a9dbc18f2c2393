import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  CreateTableCommand,
  type CreateTableCommandInput,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';

/** The progress table exactly as the deploy template defines it, for local servers in tests and the bench. */
export function templateTable(root: string, tableName: string): CreateTableCommandInput {
  const file = path.join(root, 'infrastructure', 'cfn-deployer', 'skill-stack.json');
  const template = JSON.parse(readFileSync(file, 'utf8')) as {
    Resources: { ProgressTable: { Properties: Omit<CreateTableCommandInput, 'TableName'> } };
  };
  const { AttributeDefinitions, KeySchema, BillingMode } = template.Resources.ProgressTable.Properties;
  return { TableName: tableName, AttributeDefinitions, KeySchema, BillingMode };
}

export async function createTemplateTable(
  client: DynamoDBClient,
  root: string,
  tableName: string,
): Promise<void> {
  await client.send(new CreateTableCommand(templateTable(root, tableName)));
}
