// Bundles an entry point into one minified CommonJS file: `node scripts/bundle.mjs <target> [outfile]`.
// Targets: lambda (the Lambda handler), console (`npm start`), server (`npm run serve`), validate.
import { build } from 'esbuild';
import { pathToFileURL } from 'node:url';

// In the Lambda bundle, AWS SDK modules that never run there are replaced by small stand-ins (see
// lambda/persistence/stubs/): the full credential chain, a browser user-agent parser, event streams,
// and the endpoint-discovery cache (discovery is off).
export const LAMBDA_ALIASES = {
  '@aws-sdk/endpoint-cache': './lambda/persistence/stubs/endpoint-cache.ts',
  '@aws-sdk/credential-provider-node': './lambda/persistence/stubs/credentials.ts',
  bowser: './lambda/persistence/stubs/bowser.ts',
  '@smithy/core/event-streams': './lambda/persistence/stubs/event-streams.ts',
};

export const TARGETS = {
  lambda: { entry: 'lambda/index.ts', outfile: 'dist/index.js', report: true, alias: LAMBDA_ALIASES },
  console: { entry: 'lambda/local/console-main.ts', outfile: 'dist/console.js', report: false },
  server: { entry: 'lambda/local/server-main.ts', outfile: 'dist/server.js', report: false },
  validate: { entry: 'scripts/validate.ts', outfile: 'dist/validate.js', report: false },
  hello: { entry: 'bench/hello-skill.ts', outfile: 'dist/bench/hello.js', report: false },
  bench: { entry: 'bench/run.ts', outfile: 'dist/bench/run.js', report: false, external: true },
};

/** How much of the Lambda bundle's trimming to apply, for the benchmark's "what each choice saves". */
const VARIANTS = {
  shipped: {},
  esm: { alias: {} },
  naive: { alias: {}, mainFields: ['main', 'module'] },
};

/** Builds one target; returns the bundle's size in bytes. */
export async function bundle(name, outfile, overrides = {}) {
  const target = TARGETS[name];
  if (!target) throw new Error(`Unknown target ${name}; use one of ${Object.keys(TARGETS).join(', ')}`);
  const result = await build({
    entryPoints: [target.entry],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    outfile: outfile ?? target.outfile,
    metafile: true,
    logLevel: 'warning',
    alias: target.alias ?? {},
    // ES module builds first, so unused AWS SDK commands and schemas are tree-shaken.
    mainFields: ['module', 'main'],
    // The benchmark runs from the repo and loads its tools (dynalite, autocannon) from node_modules.
    ...(target.external ? { packages: 'external' } : {}),
    ...overrides,
  });
  return Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [name = 'lambda', out, flag, variant = 'shipped'] = process.argv.slice(2);
  const outfile = out ?? TARGETS[name]?.outfile;
  const overrides = flag === '--variant' ? VARIANTS[variant] : {};
  const bytes = await bundle(name, outfile, overrides).catch((error) => {
    console.error(error.message);
    process.exit(2);
  });
  if (TARGETS[name].report) console.log(`${outfile}: ${bytes} bytes`);
}
