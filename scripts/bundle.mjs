// Bundles the Lambda entry into one minified CommonJS file: `node scripts/bundle.mjs [outfile]`.
import { build } from 'esbuild';

const outfile = process.argv[2] ?? 'dist/index.js';
const result = await build({
  entryPoints: ['lambda/index.ts'],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  outfile,
  metafile: true,
  logLevel: 'warning',
});
const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
console.log(`${outfile}: ${bytes} bytes`);
