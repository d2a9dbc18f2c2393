import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DOCUMENT_LINKS } from '../../lambda/display/screens';
import { ROOT } from '../helpers/model';

/**
 * The APL documents the skill links to, as saved in the skill package: what Alexa renders for a
 * RenderDocument whose document is `{ type: 'Link', src: 'doc://alexa/apl/documents/<name>' }`.
 */

export type DocumentName = keyof typeof DOCUMENT_LINKS;
export const DOCUMENT_NAMES = Object.keys(DOCUMENT_LINKS) as DocumentName[];
export const SAVED_DOCUMENTS = path.join(ROOT, 'skill-package', 'response', 'display');
const PREFIX = 'doc://alexa/apl/documents/';

const saved = new Map<DocumentName, string>();

/** A saved document, read afresh each call (a copy the caller may change). */
export function savedDocument(name: DocumentName): Record<string, unknown> {
  const text = saved.get(name) ?? readFileSync(path.join(SAVED_DOCUMENTS, name, 'document.json'), 'utf8');
  saved.set(name, text);
  return JSON.parse(text) as Record<string, unknown>;
}

/** The saved document a RenderDocument links to, as Alexa resolves it; an error for anything else. */
export function linkedDocument(document: unknown): Record<string, unknown> {
  const { type, src } = (document ?? {}) as { type?: unknown; src?: unknown };
  const name = typeof src === 'string' && src.startsWith(PREFIX) ? src.slice(PREFIX.length) : '';
  if (type !== 'Link' || !Object.hasOwn(DOCUMENT_LINKS, name))
    throw new Error(`not a link to a saved document: ${JSON.stringify(document)}`);
  return savedDocument(name as DocumentName);
}
