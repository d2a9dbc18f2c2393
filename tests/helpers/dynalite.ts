import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import dynalite from 'dynalite';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createTemplateTable } from './dev-table';
import { DynamoDbPersistenceAdapter } from '../../lambda/persistence/dynamodb';
import { close, listen } from './loopback';
import { ROOT } from './model';

export interface LocalDynamo {
  readonly endpoint: string;
  close(): Promise<void>;
}

/** A real DynamoDB-compatible server (dynalite, in memory) on an ephemeral loopback port. */
export async function startDynalite(): Promise<LocalDynamo> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0 });
  const endpoint = await listen(server);
  return { endpoint, close: () => close(server) };
}

const local = { region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };

/** Creates the table exactly as the deploy template defines it. */
export async function createTable(endpoint: string, tableName: string): Promise<void> {
  const client = new DynamoDBClient({ ...local, endpoint });
  await createTemplateTable(client, ROOT, tableName);
  client.destroy();
}

export async function scanTable(endpoint: string, tableName: string): Promise<Record<string, unknown>[]> {
  const client = new DynamoDBClient({ ...local, endpoint });
  const result = await client.send(new ScanCommand({ TableName: tableName }));
  client.destroy();
  return (result.Items ?? []).map((item) => unmarshall(item));
}

/** The DynamoDB adapter against a local endpoint, counting the calls it sends. */
export function countingAdapter(
  endpoint: string,
  tableName: string,
): { adapter: DynamoDbPersistenceAdapter; calls: Record<string, number> } {
  const calls: Record<string, number> = {};
  const adapter = new DynamoDbPersistenceAdapter({
    tableName,
    endpoint,
    region: 'us-east-1',
    onCall: (operation) => {
      calls[operation] = (calls[operation] ?? 0) + 1;
    },
  });
  return { adapter, calls };
}

export type FaultMode = 'pass' | 'throttle' | 'slow' | 'error';

/**
 * A real HTTP hop in front of dynalite that can fail on demand: throttling answers, a server that
 * stops answering, or server errors. Faults a test cannot cause against the real server otherwise.
 */
export class FaultyProxy {
  mode: FaultMode = 'pass';
  /** In 'pass' mode, each call waits this long before it reaches dynalite: a slow table. */
  delayMs = 0;
  /** Runs before a call of this operation (e.g. UpdateItem) reaches dynalite: another device's write. */
  before: ((operation: string) => Promise<void>) | undefined;
  private server: Server | undefined;
  private slowResponses: ServerResponse[] = [];

  constructor(private readonly target: string) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      this.handle(req, res);
    });
    return listen(this.server);
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (this.mode === 'slow') {
        this.slowResponses.push(res);
        return;
      }
      if (this.mode === 'throttle' || this.mode === 'error') {
        const throttled = this.mode === 'throttle';
        res.writeHead(throttled ? 400 : 500, { 'content-type': 'application/x-amz-json-1.0' });
        res.end(
          JSON.stringify({
            __type: throttled
              ? 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException'
              : 'com.amazonaws.dynamodb.v20120810#InternalServerError',
            message: throttled ? 'Rate of requests exceeds the allowed throughput.' : 'Internal error',
          }),
        );
        return;
      }
      const operation =
        String(req.headers['x-amz-target'] ?? '')
          .split('.')
          .pop() ?? '';
      const timer = setTimeout(() => {
        void (this.before?.(operation) ?? Promise.resolve()).then(() => {
          this.forward(req, res, Buffer.concat(chunks));
        });
      }, this.delayMs);
      res.on('close', () => {
        clearTimeout(timer);
      });
    });
  }

  private forward(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
    if (res.destroyed) return;
    const url = new URL(this.target);
    const forward = request(
      { host: url.hostname, port: url.port, path: req.url, method: req.method, headers: req.headers },
      (upstream) => {
        res.writeHead(upstream.statusCode ?? 500, upstream.headers);
        upstream.pipe(res);
      },
    );
    forward.on('error', () => res.destroy());
    forward.end(body);
  }

  async close(): Promise<void> {
    for (const res of this.slowResponses) res.destroy();
    if (this.server) await close(this.server);
  }
}

/** A loopback port with nothing listening on it. */
export async function closedPortEndpoint(): Promise<string> {
  const server = createServer();
  const endpoint = await listen(server);
  await close(server);
  return endpoint;
}
