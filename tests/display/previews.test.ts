import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { PREVIEWS, previewPath } from './previews';

/**
 * docs/screens/ holds the previews of today's documents. `npm run screens` (CALF_COACH_WRITE_SCREENS=1)
 * draws them afresh.
 */
it.each(PREVIEWS)('$file is the preview of today’s layout', ({ file, draw }) => {
  const full = previewPath(file);
  const drawn = draw();
  if (process.env.CALF_COACH_WRITE_SCREENS) {
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, drawn);
  }
  expect(existsSync(full)).toBe(true);
  expect(readFileSync(full).equals(drawn)).toBe(true);
});
