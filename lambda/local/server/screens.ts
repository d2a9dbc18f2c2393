import type { ResponseInterceptor } from 'ask-sdk-core';
import type { Directive } from 'ask-sdk-model';
import { DOCUMENT_LINKS } from '../../display/screens';
import flag from '../../../skill-package/response/display/flag/document.json';
import message from '../../../skill-package/response/display/message/document.json';
import step from '../../../skill-package/response/display/step/document.json';

/**
 * `npm run serve` sends the Echo Show screens inline: Lambda's responses link to the documents saved in
 * the skill package (`doc://alexa/apl/documents/…`), which exist only once `ask deploy` has uploaded
 * it; a skill run from the developer console with this server may never have had its package
 * uploaded, so the documents themselves go in the response (the server's bundle carries them; size
 * does not matter there).
 */
const INLINE: ReadonlyMap<string, unknown> = new Map<string, unknown>([
  [DOCUMENT_LINKS.step, step],
  [DOCUMENT_LINKS.message, message],
  [DOCUMENT_LINKS.flag, flag],
]);

function inlined(directive: Directive): Directive {
  if (directive.type !== 'Alexa.Presentation.APL.RenderDocument') return directive;
  const document = (directive as { document?: { type?: unknown; src?: unknown } }).document;
  const inline =
    document?.type === 'Link' && typeof document.src === 'string' ? INLINE.get(document.src) : undefined;
  return inline ? { ...directive, document: inline } : directive;
}

/** Replaces each linked screen document of the response with the document itself. */
export const InlineScreens: ResponseInterceptor = {
  process(_input, response) {
    if (response?.directives) response.directives = response.directives.map(inlined);
  },
};
