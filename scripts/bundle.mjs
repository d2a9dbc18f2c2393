// Bundles an entry point into one minified CommonJS file: `node scripts/bundle.mjs <target> [outfile]`.
// Targets: lambda (the Lambda handler), console (`npm start`), server (`npm run serve`).
import { build } from 'esbuild';

// In the Lambda bundle, AWS SDK modules that never run there are replaced by small stand-ins (see
// lambda/persistence/stubs/): the full credential chain, a browser user-agent parser, event streams.
const LAMBDA_ALIASES = {
  '@aws-sdk/credential-provider-node': './lambda/persistence/stubs/credentials.ts',
  bowser: './lambda/persistence/stubs/bowser.ts',
  '@smithy/core/event-streams': './lambda/persistence/stubs/event-streams.ts',
};

const TARGETS = {
  lambda: { entry: 'lambda/index.ts', outfile: 'dist/index.js', report: true, alias: LAMBDA_ALIASES },
  console: { entry: 'lambda/local/console-main.ts', outfile: 'dist/console.js', report: false },
  server: { entry: 'lambda/local/server-main.ts', outfile: 'dist/server.js', report: false },
};

const target = TARGETS[process.argv[2] ?? 'lambda'];
if (!target) {
  console.error(`Unknown target ${process.argv[2]}; use one of ${Object.keys(TARGETS).join(', ')}`);
  process.exit(2);
}
const outfile = process.argv[3] ?? target.outfile;
const result = await build({
  entryPoints: [target.entry],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  outfile,
  metafile: true,
  logLevel: 'warning',
  alias: target.alias ?? {},
  // ES module builds first, so unused AWS SDK commands and schemas are tree-shaken.
  mainFields: ['module', 'main'],
});
if (target.report) {
  const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
  console.log(`${outfile}: ${bytes} bytes`);
}
