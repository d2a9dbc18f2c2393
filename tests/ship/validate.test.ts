import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  checkInvocationName,
  checkSample,
  pngSize,
  validateProject,
  type Problem,
} from '../../scripts/validate';
import { ROOT } from '../helpers/model';

type Json = Record<string, unknown>;

/** A copy of the project's models and manifest to break on purpose. */
function scratch(): { dir: string; edit: (file: string, change: (json: Json) => void) => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'calf-coach-validate-'));
  cpSync(path.join(ROOT, 'interaction-models'), path.join(dir, 'interaction-models'), { recursive: true });
  cpSync(path.join(ROOT, 'skill-package', 'skill.json'), path.join(dir, 'skill-package', 'skill.json'));
  cpSync(path.join(ROOT, 'skill-package', 'assets'), path.join(dir, 'skill-package', 'assets'), {
    recursive: true,
  });
  return {
    dir,
    edit: (file, change) => {
      const full = path.join(dir, file);
      const json = JSON.parse(readFileSync(full, 'utf8')) as Json;
      change(json);
      writeFileSync(full, JSON.stringify(json, null, 2));
    },
  };
}

interface Intent {
  name: string;
  samples: string[];
  slots?: { name: string; type: string }[];
}
const intentsOf = (json: Json): Intent[] =>
  (json as { interactionModel: { languageModel: { intents: Intent[] } } }).interactionModel.languageModel
    .intents;
const intent = (json: Json, name: string): Intent => {
  const found = intentsOf(json).find((i) => i.name === name);
  if (!found) throw new Error(name);
  return found;
};

const messages = (problems: Problem[]): string[] =>
  problems.filter((p) => !p.warning).map((p) => `${p.file}:${String(p.line)}: ${p.message}`);

describe('npm run validate', () => {
  it('passes on the project as it is (the placeholder privacy URL is only a warning)', () => {
    const problems = validateProject(ROOT);
    expect(messages(problems.filter((p) => !p.warning))).toEqual([]);
    expect(problems.filter((p) => p.warning).map((p) => p.message)[0]).toMatch(
      /privacy policy URL .* is a placeholder/,
    );
  });

  it('names the file and the line of a sample claimed by two intents', () => {
    const { dir, edit } = scratch();
    try {
      edit('interaction-models/en-GB.json', (json) =>
        intent(json, 'PainWorseIntent').samples.push('i have a cramp'),
      );
      const problems = messages(validateProject(dir));
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(
        /^interaction-models\/en-GB\.json:\d+: sample "i have a cramp" is claimed by both CrampReliefIntent and PainWorseIntent$/,
      );
      const line = Number(/:(\d+):/.exec(problems[0] ?? '')?.[1]);
      expect(
        readFileSync(path.join(dir, 'interaction-models', 'en-GB.json'), 'utf8').split('\n')[line - 1],
      ).toContain('"i have a cramp"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails on a cramp-status phrase or a hedge among the yes and no samples, in every model', () => {
    const { dir, edit } = scratch();
    try {
      edit('interaction-models/en-US.json', (json) =>
        intent(json, 'AMAZON.YesIntent').samples.push("it's gone"),
      );
      edit('interaction-models/en-GB.json', (json) =>
        intent(json, 'AMAZON.NoIntent').samples.push('nope not really'),
      );
      edit('interaction-models/de-DE.json', (json) =>
        intent(json, 'AMAZON.NoIntent').samples.push('nein noch nicht'),
      );
      edit('interaction-models/es-US.json', (json) =>
        intent(json, 'AMAZON.YesIntent').samples.push('sí ya se quitó'),
      );
      const problems = messages(validateProject(dir));
      expect(problems).toEqual([
        expect.stringMatching(
          /^interaction-models\/de-DE\.json:\d+: AMAZON\.NoIntent sample "nein noch nicht" is the cramp's status \(CrampStatusIntent "[^"]*", status notEasing\): cramp words answer only "is the cramp easing\?", never a yes or a no \(facts §5, product decision 3\)$/,
        ),
        expect.stringMatching(
          /^interaction-models\/en-GB\.json:\d+: AMAZON\.NoIntent sample "nope not really" is a hedge \(HedgeIntent "not really"\): a hedge is neither a clear yes nor a clear no \(facts §5, product decision 3\)$/,
        ),
        expect.stringMatching(
          /^interaction-models\/en-US\.json:\d+: AMAZON\.YesIntent sample "it's gone" is the cramp's status \(CrampStatusIntent "it's \{status\}", status gone\)/,
        ),
        expect.stringMatching(
          /^interaction-models\/es-US\.json:\d+: AMAZON\.YesIntent sample "sí ya se quitó" is the cramp's status \(CrampStatusIntent "[^"]*", status gone\)/,
        ),
      ]);
      const line = Number(/:(\d+):/.exec(problems[2] ?? '')?.[1]);
      expect(
        readFileSync(path.join(dir, 'interaction-models', 'en-US.json'), 'utf8').split('\n')[line - 1],
      ).toContain('"it\'s gone"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('knows the answer intents and the cramp status ids the skill reads', () => {
    const { dir, edit } = scratch();
    try {
      edit('interaction-models/es-US.json', (json) => {
        const model = json as {
          interactionModel: {
            languageModel: { intents: Intent[]; types: { name: string; values: { id: string }[] }[] };
          };
        };
        const language = model.interactionModel.languageModel;
        language.intents = language.intents.filter((i) => i.name !== 'HedgeIntent');
        const status = language.types.find((t) => t.name === 'CRAMP_STATUS');
        if (status) status.values = status.values.filter((v) => v.id !== 'stillTight');
        intent(json, 'CrampStatusIntent').slots = [{ name: 'estado', type: 'CRAMP_STATUS' }];
      });
      const problems = messages(validateProject(dir)).join('\n');
      expect(problems).toMatch(
        /es-US\.json:\d+: intent HedgeIntent is missing: the skill reads it as an answer or a report/,
      );
      expect(problems).toMatch(
        /es-US\.json:\d+: CrampStatusIntent must have exactly one slot, status of type CRAMP_STATUS/,
      );
      expect(problems).toMatch(
        /es-US\.json:\d+: slot type CRAMP_STATUS must have exactly the value ids easing, gone, better, notEasing, same, stillTight, worse; missing stillTight/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds missing built-ins, undefined slot types, bad samples, and intents missing in another locale', () => {
    const { dir, edit } = scratch();
    try {
      edit('interaction-models/de-DE.json', (json) => {
        const model = json as { interactionModel: { languageModel: { intents: Intent[] } } };
        model.interactionModel.languageModel.intents = intentsOf(json).filter(
          (i) => i.name !== 'AMAZON.HelpIntent',
        );
        intent(json, 'SetPreferenceIntent').slots = [{ name: 'preference', type: 'MOOD' }];
        intent(json, 'TellMeMoreIntent').samples.push('erzähl mir {mehr}', 'schritt 2');
      });
      const problems = messages(validateProject(dir)).join('\n');
      expect(problems).toMatch(/de-DE\.json:\d+: required built-in intent AMAZON\.HelpIntent is missing/);
      expect(problems).toMatch(
        /de-DE\.json:\d+: slot preference of SetPreferenceIntent uses undefined slot type MOOD/,
      );
      expect(problems).toMatch(
        /de-DE\.json:\d+: TellMeMoreIntent: sample "erzähl mir \{mehr\}" uses slot \{mehr\}, which the intent does not declare/,
      );
      expect(problems).toMatch(
        /de-DE\.json:\d+: TellMeMoreIntent: sample "schritt 2" has digits: spell numbers out/,
      );
      expect(problems).toMatch(
        /de-DE\.json:1: intent AMAZON\.HelpIntent \(in [a-z]{2}-[A-Z]{2}\) is missing|intent AMAZON\.HelpIntent is not in de-DE/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('checks the manifest: example phrases resolve, disclaimer present, every locale covered', () => {
    const { dir, edit } = scratch();
    try {
      edit('skill-package/skill.json', (json) => {
        const locales = (json as { manifest: { publishingInformation: { locales: Record<string, Json> } } })
          .manifest.publishingInformation.locales;
        const us = locales['en-US'] ?? {};
        us.examplePhrases = ['Alexa, open calf coach', 'Alexa, ask calf coach to sing a song'];
        us.description = 'A calf stretch skill.';
        delete locales['es-US'];
      });
      const problems = messages(validateProject(dir)).join('\n');
      expect(problems).toMatch(
        /skill\.json:\d+: example phrase "Alexa, ask calf coach to sing a song" does not resolve in the en-US model/,
      );
      expect(problems).toMatch(/skill\.json:\d+: en-US description lacks the health disclaimer/);
      expect(problems).toMatch(/skill\.json:\d+: no publishing information for es-US, which has a model/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('checks the store icons: both in every locale, files in the skill package, PNGs of 108 and 512 pixels', () => {
    const { dir, edit } = scratch();
    try {
      expect(messages(validateProject(dir))).toEqual([]);
      edit('skill-package/skill.json', (json) => {
        const locales = (json as { manifest: { publishingInformation: { locales: Record<string, Json> } } })
          .manifest.publishingInformation.locales;
        delete locales['de-DE']?.largeIconUri;
        if (locales['es-US']) locales['es-US'].smallIconUri = 'file://assets/images/missing.png';
        if (locales['en-GB']) locales['en-GB'].smallIconUri = 'file://assets/images/icon-512.png';
        if (locales['en-IN']) locales['en-IN'].largeIconUri = 'file://skill.json';
      });
      const problems = messages(validateProject(dir));
      expect(problems).toEqual([
        expect.stringMatching(
          /^skill-package\/skill\.json:\d+: en-GB smallIconUri: file:\/\/assets\/images\/icon-512\.png is 512 × 512, not 108 × 108$/,
        ),
        expect.stringMatching(/: en-IN largeIconUri: file:\/\/skill\.json is not a PNG$/),
        expect.stringMatching(/: de-DE largeIconUri: missing: certification needs a 512 × 512 PNG$/),
        expect.stringMatching(/: es-US smallIconUri: file:\/\/assets\/images\/missing\.png does not exist$/),
      ]);
      const line = Number(/:(\d+):/.exec(problems[0] ?? '')?.[1]);
      const lines = readFileSync(path.join(dir, 'skill-package', 'skill.json'), 'utf8').split('\n');
      expect(lines[line - 1]).toContain('"smallIconUri": "file://assets/images/icon-512.png"');
      expect(
        lines
          .slice(0, line)
          .reverse()
          .find((l) => /"[a-z]{2}-[A-Z]{2}": \{/.test(l)),
      ).toContain('en-GB');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads the size of a PNG from its header, and nothing from other bytes', () => {
    const icon = readFileSync(path.join(ROOT, 'skill-package', 'assets', 'images', 'icon-108.png'));
    expect(pngSize(icon)).toEqual({ width: 108, height: 108 });
    expect(pngSize(Buffer.from('GIF89a not a png at all, just bytes'))).toBeUndefined();
    expect(pngSize(icon.subarray(0, 20))).toBeUndefined();
  });

  it('knows the invocation name rules', () => {
    expect(checkInvocationName('calf coach')).toEqual([]);
    expect(checkInvocationName('coach')).toEqual(['invocation name "coach" needs at least two words']);
    expect(checkInvocationName('open calf coach').join()).toMatch(/launch word "open"/);
    expect(checkInvocationName('alexa calf').join()).toMatch(/reserved word "alexa"/);
    expect(checkInvocationName('the calf').join()).toMatch(/articles or connecting words/);
    expect(checkInvocationName('Calf Coach 2').join()).toMatch(/only lowercase letters/);
  });

  it('knows the sample syntax', () => {
    const slots = new Set(['preference']);
    expect(checkSample('speak {preference}', slots)).toEqual([]);
    expect(checkSample('{preference}', slots).join()).toMatch(/is only a slot/);
    expect(checkSample('{preference}', slots, new Set(['preference']))).toEqual([]);
    expect(checkSample('speak {preference', slots).join()).toMatch(/unbalanced braces/);
    expect(checkSample('speak {preference} {preference}', slots).join()).toMatch(/twice/);
    expect(checkSample('hello!', slots).join()).toMatch(/characters Alexa does not accept/);
  });
});
