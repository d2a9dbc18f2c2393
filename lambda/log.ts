/** One JSON line per event, as CloudWatch and the console read it. Silenced with CALF_COACH_LOG=silent. */
type Level = 'info' | 'warn' | 'error';

function write(level: Level, event: string, fields: Readonly<Record<string, unknown>>): void {
  if (process.env.CALF_COACH_LOG === 'silent') return;
  const line = JSON.stringify({ level, event, ...fields });
  if (level === 'info') console.log(line);
  else if (level === 'warn') console.warn(line);
  else console.error(line);
}

export const log = {
  info: (event: string, fields: Readonly<Record<string, unknown>> = {}): void => {
    write('info', event, fields);
  },
  warn: (event: string, fields: Readonly<Record<string, unknown>> = {}): void => {
    write('warn', event, fields);
  },
  error: (event: string, fields: Readonly<Record<string, unknown>> = {}): void => {
    write('error', event, fields);
  },
};

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
