import { existsSync, readFileSync } from 'node:fs';
import { run } from './process';

/** Whether a process is still running (a zombie waiting to be reaped counts as gone). */
function alive(pid: number): boolean {
  const stat = `/proc/${String(pid)}/stat`;
  return existsSync(stat) && !/\) Z /.test(readFileSync(stat, 'utf8'));
}

describe('programs the tests start', () => {
  it('leave nothing running when they exit: a child holding the output is killed with them', async () => {
    const done = await run('sh', ['-c', 'sleep 300 & echo $!'], { timeoutMs: 20_000 });
    expect(done.status).toBe(0);
    const orphan = Number(done.stdout.trim());
    expect(orphan).toBeGreaterThan(0);
    expect(alive(orphan)).toBe(false);
  });

  it('are killed with everything they started when their time is up, and say so', async () => {
    const done = await run('sh', ['-c', 'sleep 300 & echo $!; wait'], { timeoutMs: 500 });
    expect(done.status).toBeNull();
    expect(done.stderr).toMatch(/\[killed after 500 ms\]/);
    expect(alive(Number(done.stdout.trim()))).toBe(false);
  });
});
