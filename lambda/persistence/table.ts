/**
 * The DynamoDB table layout, shared by the adapter, the tests' table set-up and the deploy template:
 * one item per Alexa user, partition key `id` (the user id), the stored state in the map `attributes`,
 * and its write count in `version`.
 */
export const PARTITION_KEY = 'id';
export const ATTRIBUTES = 'attributes';
/** A number beside the map, one more on every write: a write names the version it read (two devices). */
export const VERSION = 'version';

export interface TableDefinition {
  readonly TableName: string;
  readonly AttributeDefinitions: { AttributeName: string; AttributeType: 'S' }[];
  readonly KeySchema: { AttributeName: string; KeyType: 'HASH' }[];
  readonly BillingMode: 'PAY_PER_REQUEST';
}

export function tableDefinition(tableName: string): TableDefinition {
  return {
    TableName: tableName,
    AttributeDefinitions: [{ AttributeName: PARTITION_KEY, AttributeType: 'S' }],
    KeySchema: [{ AttributeName: PARTITION_KEY, KeyType: 'HASH' }],
    BillingMode: 'PAY_PER_REQUEST',
  };
}
