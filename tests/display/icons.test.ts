import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../helpers/model';
import { drawIcon, ICONS, png } from './icons';

/**
 * The store icons in skill-package/assets/images/ are the ones ./icons.ts draws. After changing the
 * drawing: CALF_COACH_WRITE_ICONS=1 npx jest tests/display/icons.test.ts writes them.
 */
it.each(ICONS)('$file is Calf Coach’s icon, $size × $size', ({ file, size }) => {
  const drawn = png(size, drawIcon(size));
  const full = path.join(ROOT, file);
  if (process.env.CALF_COACH_WRITE_ICONS) {
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, drawn);
  }
  expect(existsSync(full)).toBe(true);
  expect(readFileSync(full).equals(drawn)).toBe(true);
});
