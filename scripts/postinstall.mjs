// `npm ci` installs Node 24 (the `node` devDependency) for tests/build/node24.test.ts, which runs the
// Lambda bundle the way Lambda's nodejs24.x runtime does. npm also links that binary as
// node_modules/.bin/node, which would put every npm script (jest, the bundler, npm start) on Node 24
// instead of the Node that runs npm; the link is removed, and the test calls the binary by its path.
import { rmSync } from 'node:fs';
import path from 'node:path';

rmSync(path.join(import.meta.dirname, '..', 'node_modules', '.bin', 'node'), { force: true });
