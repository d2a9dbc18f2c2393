import { homedir } from 'node:os';
import * as path from 'node:path';
import { dataDir, progressFile } from '../../lambda/local/data-dir';

/** Where local runs keep progress, by the XDG Base Directory rules. */
describe('the data folder', () => {
  const home = path.join(homedir(), '.local', 'share', 'calf-coach');

  it('is CALF_COACH_DATA_DIR when set, made absolute', () => {
    expect(dataDir({ CALF_COACH_DATA_DIR: '/srv/calf' })).toBe('/srv/calf');
    expect(dataDir({ CALF_COACH_DATA_DIR: 'data' })).toBe(path.resolve('data'));
  });

  it('is $XDG_DATA_HOME/calf-coach when XDG_DATA_HOME is an absolute path', () => {
    expect(progressFile({ XDG_DATA_HOME: '/home/ann/.data' })).toBe(
      '/home/ann/.data/calf-coach/progress.json',
    );
  });

  it('ignores an empty or relative XDG_DATA_HOME, as the XDG spec says: never the current folder', () => {
    expect(dataDir({ XDG_DATA_HOME: '' })).toBe(home);
    expect(dataDir({ XDG_DATA_HOME: 'relative/dir' })).toBe(home);
    expect(dataDir({ XDG_DATA_HOME: './' })).toBe(home);
    expect(dataDir({})).toBe(home);
  });
});
