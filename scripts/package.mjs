// `npm run package`: the Lambda zip (build/lambda.zip, handler index.handler) and the skill package
// ask-cli deploys (skill-package/ with the interaction models copied in from interaction-models/).
import AdmZip from 'adm-zip';
import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { bundle } from './bundle.mjs';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist', 'lambda', 'index.js');
await bundle('lambda', dist);

mkdirSync(path.join(root, 'build'), { recursive: true });
const zipFile = path.join(root, 'build', 'lambda.zip');
const zip = new AdmZip();
zip.addLocalFile(dist);
zip.writeZip(zipFile);

const modelsOut = path.join(root, 'skill-package', 'interactionModels', 'custom');
rmSync(modelsOut, { recursive: true, force: true });
mkdirSync(modelsOut, { recursive: true });
const models = readdirSync(path.join(root, 'interaction-models')).filter((name) => name.endsWith('.json'));
for (const name of models)
  copyFileSync(path.join(root, 'interaction-models', name), path.join(modelsOut, name));

console.log(
  `build/lambda.zip: ${statSync(zipFile).size} bytes (dist/lambda/index.js, handler index.handler)`,
);
console.log(`skill-package/interactionModels/custom: ${models.join(', ')}`);
