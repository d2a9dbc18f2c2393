import { homedir } from 'node:os';
import * as path from 'node:path';

/**
 * Where local runs keep progress: CALF_COACH_DATA_DIR, else the user's data directory. XDG_DATA_HOME
 * counts only when it is an absolute path: the XDG spec says to ignore an empty or relative value (else
 * `XDG_DATA_HOME=` would write ./calf-coach into whatever folder the command runs in).
 */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CALF_COACH_DATA_DIR) return path.resolve(env.CALF_COACH_DATA_DIR);
  const xdg = env.XDG_DATA_HOME;
  const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(homedir(), '.local', 'share');
  return path.join(base, 'calf-coach');
}

export function progressFile(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(dataDir(env), 'progress.json');
}
