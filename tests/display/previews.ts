import * as path from 'node:path';
import { renderDocument, type Display } from '../../lambda/display/screens';
import { flagDisplay } from '../../lambda/safety/advice';
import { translatorFor } from '../../lambda/speech/i18n';
import { ROOT } from '../helpers/model';
import { linkedDocument } from './documents';
import { layOut } from './layout';
import { preview } from './preview';
import { DEVICES, type Device } from './viewports';

/**
 * The previews in docs/screens/, shown in the README: the first step of the cramp routine and the
 * emergency answer's red-flag screen, in English and German, on Echo Show 8 and Echo Spot (and the German
 * step card on Echo Show 5, the tightest). `npm run screens` writes them; a test fails when one is out
 * of date.
 */

const device = (name: string): Device => {
  const found = DEVICES.find((d) => d.name === name);
  if (!found) throw new Error(`no device ${name}`);
  return found;
};

function display(kind: 'step' | 'flag', locale: string): Display {
  const t = translatorFor(locale);
  return kind === 'step'
    ? { kind: 'step', routineId: 'cramp', index: 0, holdSeconds: 30, holdStartsAfterMs: 0 }
    : flagDisplay({ level: 'emergency', reason: 'emergencySigns', confirmed: true }, locale, t);
}

export const PREVIEWS = [
  ['step', 'en-US', 'Echo Show 8'],
  ['flag', 'en-US', 'Echo Show 8'],
  ['step', 'en-US', 'Echo Spot'],
  ['flag', 'en-US', 'Echo Spot'],
  ['step', 'de-DE', 'Echo Show 8'],
  ['step', 'de-DE', 'Echo Show 5'],
  ['flag', 'de-DE', 'Echo Spot'],
].map(([kind, locale, name]) => {
  const slug = (name ?? '').toLowerCase().replace(/ /g, '-');
  return {
    file: `docs/screens/${kind ?? ''}-${locale ?? ''}-${slug}.png`,
    draw: (): Buffer => {
      const k = kind === 'flag' ? 'flag' : 'step';
      const lng = locale ?? 'en-US';
      const { document, datasources } = renderDocument(display(k, lng), translatorFor(lng));
      const saved = linkedDocument(document);
      const d = device(name ?? '');
      return preview(layOut(saved, datasources, d), d, saved.background);
    },
  };
});

export const previewPath = (file: string): string => path.join(ROOT, file);
