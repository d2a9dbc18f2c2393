import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { envelope, localDevice, newSessionId } from '../../lambda/local/simulator/envelope';
import { bundleTo } from '../helpers/process';

type LambdaHandler = (event: RequestEnvelope, context: unknown) => Promise<ResponseEnvelope>;

describe('the Lambda bundle', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'calf-coach-bundle-'));
  const outfile = path.join(dir, 'index.js');
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('is one file whose handler export answers a launch request', async () => {
    await bundleTo('lambda', outfile);
    expect(statSync(outfile).size).toBeLessThan(300 * 1024);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const bundle = require(outfile) as { handler: LambdaHandler };
    const event = envelope(
      localDevice(),
      { sessionId: newSessionId(), isNew: true, attributes: {} },
      { type: 'LaunchRequest' },
      new Date(),
    );
    expect(bundle.handler.length).toBeLessThanOrEqual(2);
    const response = await bundle.handler(event, {});
    expect(response.response.outputSpeech).toMatchObject({ type: 'SSML' });
    expect(JSON.stringify(response)).toMatch(/Welcome to Calf Coach/);
  }, 90_000);
});
