import { readFileSync, writeFileSync } from 'node:fs';
import { budgetTables, END, README, START } from './budgets';

/**
 * lambda/display/README.md lists the text budgets the documents hold. After changing a budget:
 * CALF_COACH_WRITE_BUDGETS=1 npx jest tests/display/budgets.test.ts rewrites the tables.
 */
it('lambda/display/README.md lists the text budgets the documents set, per viewport profile', () => {
  const readme = readFileSync(README, 'utf8');
  const tables = `${START}\n\n${budgetTables()}\n\n${END}`;
  const current = readme.slice(readme.indexOf(START), readme.indexOf(END) + END.length);
  if (process.env.CALF_COACH_WRITE_BUDGETS && current !== tables) {
    writeFileSync(README, readme.replace(current, tables));
    return;
  }
  expect(readme).toContain(START);
  expect(current).toBe(tables);
});
