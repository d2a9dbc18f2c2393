// Bundles an entry point into one minified CommonJS file: `node scripts/bundle.mjs <target> [outfile]`.
// Targets: lambda (the Lambda handler), console (`npm start`), server (`npm run serve`), validate, safety-doc.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

export const TARGETS = {
  // The Lambda bundle has a folder of its own: ask deploy uploads that folder (ask-resources.json).
  lambda: { entry: 'lambda/index.ts', outfile: 'dist/lambda/index.js', report: true, slim: true },
  console: { entry: 'lambda/local/console/main.ts', outfile: 'dist/console.js', report: false },
  server: { entry: 'lambda/local/server/main.ts', outfile: 'dist/server.js', report: false },
  validate: { entry: 'scripts/validate.ts', outfile: 'dist/validate.js', report: false },
  'safety-doc': { entry: 'scripts/safety-doc.ts', outfile: 'dist/safety-doc.js', report: false },
  hello: { entry: 'bench/hello-skill.ts', outfile: 'dist/bench/hello.js', report: false },
  sdk: { entry: 'bench/sdk-skill.ts', outfile: 'dist/bench/sdk.js', report: false },
  bench: { entry: 'bench/run.ts', outfile: 'dist/bench/run.js', report: false, external: true },
};

/**
 * ask-sdk-core is CommonJS: esbuild wraps it for every file that imports it, and each wrapper copies
 * its exports (a getter apiece) when the bundle loads, some 20 KB of allocation each. Imports from the
 * project's files go through one module that re-exports it by name instead, so it is wrapped once.
 */
const askSdkCoreOnce = {
  name: 'ask-sdk-core-once',
  setup(builder) {
    const names = Object.keys(createRequire(import.meta.url)('ask-sdk-core')).filter(
      (name) => name !== '__esModule' && name !== 'default',
    );
    builder.onResolve({ filter: /^ask-sdk-core$/ }, (args) =>
      args.namespace === 'file' ? { path: 'ask-sdk-core', namespace: 'ask-sdk-core-once' } : undefined,
    );
    builder.onLoad({ filter: /.*/, namespace: 'ask-sdk-core-once' }, () => ({
      contents: `export { ${names.join(', ')} } from 'ask-sdk-core';`,
      resolveDir: process.cwd(),
      loader: 'js',
    }));
  },
};

/**
 * ask-sdk-core needs ask-sdk-model's ServiceClientFactory, and with it comes every Alexa service client
 * (one CommonJS file, so esbuild cannot shake it): a fifth of the Lambda bundle. The skill calls three
 * (reminders, timers, settings); the others' namespaces are left empty. A getter for one of them would
 * throw a ServiceClientFactoryError, as ask-sdk does for any client it cannot build.
 */
export const UNUSED_SERVICES = [
  'datastore',
  'deviceAddress',
  'directive',
  'endpointEnumeration',
  'listManagement',
  'monetization',
  'proactiveEvents',
  'skillMessaging',
];
export const usedServicesOnly = {
  name: 'used-alexa-services-only',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]ask-sdk-model[\\/]index\.js$/ }, async (args) => {
      let source = await readFile(args.path, 'utf8');
      for (const name of UNUSED_SERVICES) {
        const body = new RegExp(
          `\\(function \\(${name}\\) \\{[\\s\\S]*?\\}\\)\\(${name} = services\\.${name} \\|\\| \\(services\\.${name} = \\{\\}\\)\\);`,
        );
        if (!body.test(source)) throw new Error(`ask-sdk-model: no services.${name} namespace to leave out`);
        source = source.replace(body, `${name} = services.${name} || (services.${name} = {});`);
      }
      return { contents: source, loader: 'js' };
    });
  },
};

/**
 * ask-sdk reads only `version` from its package.json files (for its user agent), but esbuild would inline
 * the whole files (some 2 KB): only the version is bundled.
 */
const askSdkVersionsOnly = {
  name: 'ask-sdk-versions-only',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]node_modules[\\/]ask-sdk-[a-z-]+[\\/]package\.json$/ }, async (args) => {
      const { version } = JSON.parse(await readFile(args.path, 'utf8'));
      return { contents: JSON.stringify({ version }), loader: 'json' };
    });
  },
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
    // ES module builds first, so unused exports of dependencies are tree-shaken.
    mainFields: ['module', 'main'],
    // The benchmark runs from the repo and loads its tools (dynalite, autocannon) from node_modules.
    ...(target.external
      ? { packages: 'external' }
      : {
          plugins: target.slim
            ? [askSdkCoreOnce, askSdkVersionsOnly, usedServicesOnly]
            : [askSdkCoreOnce, askSdkVersionsOnly],
        }),
    ...overrides,
  });
  return Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [name = 'lambda', out, flag] = process.argv.slice(2);
  const outfile = out ?? TARGETS[name]?.outfile;
  // --cjs: CommonJS builds of dependencies (no tree shaking), for the benchmark's comparison.
  const overrides = flag === '--cjs' ? { mainFields: ['main', 'module'] } : {};
  const bytes = await bundle(name, outfile, overrides).catch((error) => {
    console.error(error.message);
    process.exit(2);
  });
  if (TARGETS[name].report) console.log(`${outfile}: ${bytes} bytes`);
}
