import { StaticAplTemplateValidator } from 'apl-suggester';
import { DOCUMENT_NAMES, savedDocument } from './documents';
import { collectScreens, type Screen } from './screens';
import { viewportProfilesPackage } from './viewports';

/**
 * Amazon's APL linter (apl-suggester) on every document and every datasource the skill sends. The
 * documents (saved in skill-package/response/display/, sent as links) import alexa-viewport-profiles, which
 * apl-suggester downloads from Amazon's package host:
 * with no network in the tests, it gets the stand-in of ./viewports.ts instead, and the test checks it
 * asked for the package and version the documents name.
 */

const requested: string[] = [];
jest.mock('axios', () => ({
  __esModule: true,
  default: {
    get: (url: string): Promise<{ data: unknown }> => {
      requested.push(url);
      if (url.includes('/alexa-viewport-profiles/'))
        return Promise.resolve({ data: viewportProfilesPackage() });
      return Promise.reject(new Error(`no network in the tests: ${url}`));
    },
  },
}));

const NAMES = DOCUMENT_NAMES;
const readDocument = savedDocument;

let screens: Screen[] = [];
beforeAll(async () => {
  screens = await collectScreens();
}, 120_000);

beforeEach(() => {
  // apl-suggester says on the console which components have no schema mixin: not a finding.
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  jest.restoreAllMocks();
});

describe('apl-suggester', () => {
  it.each(NAMES)('finds nothing to say about the %s document', async (name) => {
    const document = readDocument(name);
    expect(await new StaticAplTemplateValidator().validate(document)).toEqual([]);
    expect(document.import).toEqual([{ name: 'alexa-viewport-profiles', version: '1.6.0' }]);
    expect(requested).toContain(
      'https://arl.assets.apl-alexa.com/packages/alexa-viewport-profiles/1.6.0/document-w-desc.json',
    );
  });

  it('finds nothing to say about any datasource the skill sends, and it sends only these documents', async () => {
    const validator = new StaticAplTemplateValidator();
    const documents = new Set(NAMES.map((name) => JSON.stringify(readDocument(name))));
    const findings: unknown[] = [];
    for (const screen of screens) {
      expect(documents.has(JSON.stringify(screen.document))).toBe(true);
      for (const finding of await validator.validateDataSources(screen.datasources))
        findings.push({ where: `${screen.locale} · ${screen.where}`, finding });
    }
    expect(screens.length).toBeGreaterThan(500);
    expect(findings).toEqual([]);
  });
});
