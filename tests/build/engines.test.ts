import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../helpers/model';
import { run } from '../helpers/process';

/**
 * The Node versions the project names (package.json `engines`, the README) are ones `npm ci` accepts
 * without an EBADENGINE warning: every dependency in the lock file takes them.
 */
describe('the Node versions the project names', () => {
  const engines = (
    JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      engines: { node: string };
    }
  ).engines.node;

  it('package.json and the README name the same floor, and this machine meets it', () => {
    const floor = /^>=(\d+)\.(\d+)$/.exec(engines);
    expect(floor).not.toBeNull();
    const [, major = '', minor = ''] = floor ?? [];
    expect(readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toContain(
      `Node.js ${major}.${minor} or newer`,
    );
    const [runningMajor = 0, runningMinor = 0] = process.versions.node.split('.').map(Number);
    expect(runningMajor * 1000 + runningMinor).toBeGreaterThanOrEqual(Number(major) * 1000 + Number(minor));
  });

  it('npm ci takes the lock file on this Node without an engine warning', async () => {
    const done = await run('npm', ['ci', '--dry-run', '--ignore-scripts', '--no-audit', '--no-fund'], {
      timeoutMs: 60_000,
    });
    expect(done.status).toBe(0);
    expect(`${done.stdout}${done.stderr}`).not.toMatch(/EBADENGINE/);
  }, 70_000);
});
