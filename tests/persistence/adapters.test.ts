import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { FilePersistenceAdapter } from '../../lambda/persistence/file';
import { MemoryPersistenceAdapter } from '../../lambda/persistence/memory';
import { Conversation } from '../helpers/conversation';
import { toAfterRunStepTwo } from '../helpers/routes';

describe('pause in one session, resume in the next', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'calf-coach-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('with the file adapter, across two separate skill instances (two runs)', async () => {
    const file = path.join(dir, 'progress.json');
    const first = new Conversation({ adapter: new FilePersistenceAdapter(file) });
    await toAfterRunStepTwo(first);
    expect((await first.say('pause')).ended).toBe(true);

    const adapter = new FilePersistenceAdapter(file);
    const userId = 'amzn1.ask.account.LOCAL-USER';
    expect(readdirSync(path.join(dir, 'progress'))).toEqual([path.basename(adapter.fileFor(userId))]);
    const onDisk = JSON.parse(readFileSync(adapter.fileFor(userId), 'utf8')) as Record<string, unknown>;
    expect(onDisk).toEqual({
      userId,
      version: expect.any(Number) as number,
      attributes: {
        schemaVersion: 1,
        preferences: { holdScale: 1, rate: 'medium', quiet: false },
        welcomed: true,
        progress: { routineId: 'afterRun', stepIndex: 1, at: expect.any(Number) as number },
      },
    });

    const second = new Conversation({ adapter: new FilePersistenceAdapter(file) });
    const back = await second.say('ask calf coach to resume');
    expect(back.request.session?.new).toBe(true);
    expect(back.text).toMatch(
      /^Let's carry on with the after-run stretch, at step two\. This isn't medical advice\. Three quick safety questions first\./,
    );
    await second.sayAll('no', 'no');
    expect((await second.say('no')).text).toMatch(/^Okay\. Step two of five\. Stand facing a wall/);
  });

  it('a resumed routine asks its screen again before its massage, at most three questions: answers are never stored', async () => {
    const adapter = new MemoryPersistenceAdapter();
    const first = new Conversation({ adapter });
    await first.sayAll('ask calf coach for help with a cramp', 'no', 'no', 'yes', 'next');
    for (let i = 0; i < 3; i++) await first.say('no');
    await first.say('pause');
    const second = new Conversation({ adapter });
    // Both screens merged into three grouped questions (facts §5, decision 3 rule 6).
    const asked = await second.say('ask calf coach to resume');
    expect(asked.text).toMatch(/Before you touch the calf, a few quick safety questions\./);
    expect(asked.text).toMatch(/Do you have chest pain, trouble breathing, or feel faint\?/);
    const answers = [await second.say('no'), await second.say('no'), await second.say('no')];
    expect(answers.slice(0, 2).every((a) => a.text.endsWith('?') && !/Rub the calf/.test(a.text))).toBe(true);
    expect(answers[2]?.text).toMatch(/Rub the calf/);
  });

  it("two users never see each other's progress", async () => {
    const adapter = new MemoryPersistenceAdapter();
    const ann = new Conversation({ adapter, device: { userId: 'amzn1.ask.account.ANN' } });
    const bob = new Conversation({ adapter, device: { userId: 'amzn1.ask.account.BOB' } });
    await toAfterRunStepTwo(ann);
    await bob.sayAll('ask calf coach for a bedtime stretch', 'no', 'no');
    await ann.say('pause');
    await bob.say('pause');
    expect((await ann.say('open calf coach')).text).toMatch(/step two of the after-run stretch/);
    expect((await bob.say('open calf coach')).text).toMatch(/step one of the bedtime stretch/);
  });
});

describe('stored state', () => {
  it('an unknown schema version or corrupt progress counts as no progress, with a log line', async () => {
    const adapter = new MemoryPersistenceAdapter();
    const c = new Conversation({ adapter });
    await c.say('open calf coach');
    const request = c.exchanges[0]?.request;
    if (!request) throw new Error('no request');
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    process.env.CALF_COACH_LOG = 'on';
    try {
      for (const stored of [
        { schemaVersion: 7, progress: { routineId: 'cramp', stepIndex: 2 } },
        { schemaVersion: 1, progress: { routineId: 'yoga', stepIndex: -3 }, preferences: 'loud' },
      ]) {
        await adapter.saveAttributes(request, stored);
        await c.say('stop');
        const answer = await c.say('open calf coach');
        expect(answer.text).not.toMatch(/You were on step/);
        expect(answer.text).toMatch(/Which would you like\?$/);
      }
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('"stored-state-ignored"'));
    } finally {
      process.env.CALF_COACH_LOG = 'silent';
      warn.mockRestore();
    }
  });

  it('a turn that changes nothing stored writes nothing; the store is read once per session', async () => {
    const adapter = new MemoryPersistenceAdapter();
    const c = new Conversation({ adapter });
    await c.say('open calf coach');
    // The welcome mark waits for the first progress write (or the end of the session).
    expect(adapter.calls).toEqual({ get: 1, save: 0, delete: 0, conflict: 0 });
    await c.sayAll('help', 'repeat', 'blah');
    expect(adapter.calls).toEqual({ get: 1, save: 0, delete: 0, conflict: 0 });
    await c.sayAll('bedtime', 'no', 'no');
    expect(adapter.calls).toEqual({ get: 1, save: 1, delete: 0, conflict: 0 });
    expect(adapter.peek('amzn1.ask.account.LOCAL-USER')).toMatchObject({
      welcomed: true,
      progress: { routineId: 'bedtime', stepIndex: 0 },
    });
    await c.say('repeat');
    expect(adapter.calls).toEqual({ get: 1, save: 1, delete: 0, conflict: 0 });
  });

  it('the file adapter moves a corrupt file aside with a log line: the turn answers, and saves go on', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'calf-coach-'));
    const file = path.join(dir, 'progress.json');
    writeFileSync(file, '{ not json');
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    process.env.CALF_COACH_LOG = 'on';
    try {
      const c = new Conversation({ adapter: new FilePersistenceAdapter(file) });
      const answer = await c.say('open calf coach');
      expect(answer.text).toMatch(/Which would you like\?$/);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('"file-store-corrupt-moved-aside"'));
      expect((await c.say('speak slower')).text).not.toMatch(/couldn't save/);
      expect(await c.stored()).toMatchObject({ preferences: { rate: 'slow' } });
    } finally {
      process.env.CALF_COACH_LOG = 'silent';
      warn.mockRestore();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
