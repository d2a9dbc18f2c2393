import { run } from '../helpers/process';

/**
 * The layer rule in eslint.config.mjs, proven on code that breaks it and code that keeps it. ESLint
 * loads its (ES module) config in a child process, as `npm run lint` does.
 */
const CASES: readonly { file: string; code: string; wrongWay: boolean }[] = [
  {
    file: 'lambda/routines/data.ts',
    code: "import { menu } from '../conversation/prompts';",
    wrongWay: true,
  },
  {
    file: 'lambda/conversation/outcome.ts',
    code: "import { render } from '../turn/render';",
    wrongWay: true,
  },
  { file: 'lambda/conversation/outcome.ts', code: "import { getSlot } from 'ask-sdk-core';", wrongWay: true },
  {
    file: 'lambda/state/session.ts',
    code: "import { answer } from '../conversation/answers';",
    wrongWay: true,
  },
  { file: 'lambda/handlers/help.ts', code: "import { skillBuilder } from '../skill';", wrongWay: true },
  { file: 'lambda/skill.ts', code: "import { Resolver } from './local/simulator/nlu';", wrongWay: true },
  {
    file: 'lambda/conversation/outcome.ts',
    code: "import { ROUTINES } from '../routines/data';",
    wrongWay: false,
  },
  {
    file: 'lambda/conversation/outcome.ts',
    code: "import { parseTime } from '../reminders/schedule';",
    wrongWay: false,
  },
  { file: 'lambda/handlers/help.ts', code: "import { render } from '../turn/render';", wrongWay: false },
];

const LINT = `
const { ESLint } = require('eslint');
const cases = JSON.parse(process.argv[1]);
(async () => {
  const eslint = new ESLint();
  const counts = [];
  for (const { file, code } of cases) {
    const [result] = await eslint.lintText(code + '\\nexport {};\\n', { filePath: file });
    counts.push(result.messages.filter((m) => m.ruleId === 'no-restricted-imports').length);
  }
  console.log(JSON.stringify(counts));
})();
`;

it('a wrong-way import fails the lint; a downward one passes', async () => {
  const done = await run(process.execPath, ['-e', LINT, JSON.stringify(CASES)], { timeoutMs: 90_000 });
  expect(done.stderr).toBe('');
  const counts = JSON.parse(done.stdout) as number[];
  expect(CASES.map((c, i) => [c.file, c.code, counts[i]])).toEqual(
    CASES.map((c) => [c.file, c.code, c.wrongWay ? 1 : 0]),
  );
}, 100_000);
