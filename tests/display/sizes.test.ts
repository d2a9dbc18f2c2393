import { readFileSync, writeFileSync } from 'node:fs';
import { END, README, sizeTables, START } from './sizes';

/**
 * lambda/display/README.md lists the type sizes the documents set. After changing one:
 * CALF_COACH_WRITE_SIZES=1 npx jest tests/display/sizes.test.ts rewrites the tables.
 */
it('lambda/display/README.md lists the type sizes the documents set, per viewport profile', () => {
  const readme = readFileSync(README, 'utf8');
  const tables = `${START}\n\n${sizeTables()}\n\n${END}`;
  const current = readme.slice(readme.indexOf(START), readme.indexOf(END) + END.length);
  if (process.env.CALF_COACH_WRITE_SIZES && current !== tables) {
    writeFileSync(README, readme.replace(current, tables));
    return;
  }
  expect(readme).toContain(START);
  expect(current).toBe(tables);
});
