import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTemplateTable } from '../tests/helpers/dev-table';
import { ROOT, TABLE } from './settings';

/** A local DynamoDB (dynalite) with the progress table, for cold starts with a table and persistence calls. */
export interface LocalTable {
  readonly server: Server;
  readonly endpoint: string;
}

export async function startLocalTable(): Promise<LocalTable> {
  const server = dynalite({ createTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
  const client = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await createTemplateTable(client, ROOT, TABLE);
  client.destroy();
  return { server, endpoint };
}

export function stopLocalTable(table: LocalTable): Promise<void> {
  return new Promise<void>((resolve) =>
    table.server.close(() => {
      resolve();
    }),
  );
}
