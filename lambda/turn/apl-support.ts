import { getSupportedInterfaces, type HandlerInput } from 'ask-sdk-core';
import { APL_VERSION } from '../display/screens';

function versionAtLeast(version: string, wanted: string): boolean {
  const a = version.split('.').map(Number);
  const b = wanted.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (Number.isNaN(x) || Number.isNaN(y)) return false;
    if (x !== y) return x > y;
  }
  return true;
}

/** A screen device whose APL runtime can render the documents; devices without APL never get one. */
export function supportsApl(input: HandlerInput): boolean {
  try {
    const apl: unknown = getSupportedInterfaces(input.requestEnvelope)['Alexa.Presentation.APL'];
    if (typeof apl !== 'object' || apl === null) return false;
    const maxVersion = (apl as { runtime?: { maxVersion?: unknown } }).runtime?.maxVersion;
    return typeof maxVersion !== 'string' || versionAtLeast(maxVersion, APL_VERSION);
  } catch {
    return false;
  }
}
