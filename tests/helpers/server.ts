import { startServer, type RunningServer, type ServerOptions } from '../../lambda/local/server/server';
import { MemoryPersistenceAdapter } from '../../lambda/persistence/memory';

/** Starts the self-hosted endpoint on an ephemeral port for a describe block, and stops it after. */
export function useServer(options: Partial<Omit<ServerOptions, 'port'>> = {}): () => RunningServer {
  let server: RunningServer | undefined;
  beforeAll(async () => {
    server = await startServer({
      persistenceAdapter: new MemoryPersistenceAdapter(),
      verify: false,
      ...options,
      port: 0,
    });
  });
  afterAll(async () => {
    await server?.close();
  });
  return () => {
    if (!server) throw new Error('server not started');
    return server;
  };
}
