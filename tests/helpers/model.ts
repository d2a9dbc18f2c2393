import * as path from 'node:path';

export { loadModel } from '../../lambda/local/simulator/models';

export const ROOT = path.resolve(__dirname, '..', '..');
