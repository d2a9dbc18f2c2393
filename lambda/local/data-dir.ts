import { homedir } from 'node:os';
import * as path from 'node:path';

/** Where local runs keep progress: CALF_COACH_DATA_DIR, else the user's data directory (XDG). */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CALF_COACH_DATA_DIR) return env.CALF_COACH_DATA_DIR;
  const base = env.XDG_DATA_HOME ?? path.join(homedir(), '.local', 'share');
  return path.join(base, 'calf-coach');
}

export function progressFile(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(dataDir(env), 'progress.json');
}
