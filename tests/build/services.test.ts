import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { run } from '../helpers/process';

/**
 * The Lambda bundle keeps only the Alexa service clients the skill calls (scripts/bundle.mjs): a small
 * entry built the same way shows reminders, timers and settings still there, and a left-out one failing
 * as ask-sdk fails for a client it cannot build.
 */
describe('the Alexa service clients in the Lambda bundle', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'calf-coach-services-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('are the reminders, timers and settings clients; the others are left out', async () => {
    const entry = path.join(dir, 'entry.js');
    const outfile = path.join(dir, 'out.js');
    writeFileSync(
      entry,
      `const { services } = require('ask-sdk-model');
       const factory = new services.ServiceClientFactory({ apiClient: {}, apiEndpoint: 'https://api.amazonalexa.com', authorizationValue: 'token' });
       const made = (get) => { try { return typeof factory[get]().constructor === 'function'; } catch { return false; } };
       process.stdout.write(JSON.stringify(['getReminderManagementServiceClient', 'getTimerManagementServiceClient', 'getUpsServiceClient', 'getListManagementServiceClient', 'getMonetizationServiceClient'].map(made)));`,
    );
    const script = `import('./scripts/bundle.mjs').then(async ({ usedServicesOnly }) => {
      const { build } = await import('esbuild');
      await build({ entryPoints: [${JSON.stringify(entry)}], outfile: ${JSON.stringify(outfile)}, bundle: true, platform: 'node', nodePaths: [${JSON.stringify(path.resolve('node_modules'))}], plugins: [usedServicesOnly] });
    })`;
    const built = await run(process.execPath, ['-e', script], { timeoutMs: 60_000 });
    expect(built.stderr).toBe('');
    const ran = await run(process.execPath, [outfile], { timeoutMs: 30_000 });
    expect(JSON.parse(ran.stdout)).toEqual([true, true, true, false, false]);
  }, 90_000);
});
