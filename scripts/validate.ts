import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { BUILT_IN_PHRASES, normalise, Resolver, type InteractionModel } from '../lambda/local/simulator/nlu';

/**
 * Checks the interaction models and the skill manifest the way the Alexa build would, and more.
 * Every problem names the file and the line: `interaction-models/de-DE.json:42: …`.
 */

export interface Problem {
  readonly file: string;
  readonly line: number;
  readonly message: string;
  /** Reported, but does not fail the check (for example a placeholder URL to replace before certification). */
  readonly warning?: boolean;
}

/** Built-in intents Alexa requires, and the ones the design note's navigation table needs. */
export const REQUIRED_BUILT_INS = [
  'AMAZON.CancelIntent',
  'AMAZON.HelpIntent',
  'AMAZON.StopIntent',
  'AMAZON.NavigateHomeIntent',
  'AMAZON.FallbackIntent',
  'AMAZON.NextIntent',
  'AMAZON.PreviousIntent',
  'AMAZON.RepeatIntent',
  'AMAZON.StartOverIntent',
  'AMAZON.PauseIntent',
  'AMAZON.ResumeIntent',
  'AMAZON.YesIntent',
  'AMAZON.NoIntent',
];

const LAUNCH_WORDS = [
  'ask',
  'tell',
  'open',
  'launch',
  'start',
  'begin',
  'load',
  'run',
  'use',
  'play',
  'enable',
  'resume',
];
const WAKE_WORDS = ['alexa', 'amazon', 'echo', 'computer', 'skill', 'app'];
const CONNECTING_WORDS = ['the', 'a', 'an', 'for', 'to', 'of', 'by', 'from', 'in', 'on', 'with'];
const MAX_SAMPLE_CHARS = 200;

interface Located {
  readonly file: string;
  readonly text: string;
}

/** The line of the first occurrence of a JSON string value in the file (1 if not found). */
function lineOf(source: Located, value: string, after = 0): number {
  const at = source.text.indexOf(JSON.stringify(value), after);
  return at < 0 ? 1 : source.text.slice(0, at).split('\n').length;
}

export function checkInvocationName(name: string): string[] {
  const problems: string[] = [];
  const words = name.split(' ');
  if (!/^[a-z][a-z' .]*[a-z.]$/.test(name)) {
    problems.push(
      `invocation name "${name}" may use only lowercase letters, spaces, apostrophes and periods`,
    );
  }
  if (words.length < 2) problems.push(`invocation name "${name}" needs at least two words`);
  for (const word of words) {
    if (LAUNCH_WORDS.includes(word))
      problems.push(`invocation name "${name}" contains the launch word "${word}"`);
    if (WAKE_WORDS.includes(word))
      problems.push(`invocation name "${name}" contains the reserved word "${word}"`);
  }
  if (words.length === 2 && words.some((word) => CONNECTING_WORDS.includes(word))) {
    problems.push(`two-word invocation name "${name}" may not contain articles or connecting words`);
  }
  return problems;
}

export function checkSample(sample: string, slotNames: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  if (sample.trim() === '') return ['empty sample'];
  if (sample.length > MAX_SAMPLE_CHARS)
    problems.push(`sample is longer than ${String(MAX_SAMPLE_CHARS)} characters`);
  if (/\d/.test(sample)) problems.push(`sample "${sample}" has digits: spell numbers out`);
  const outside = sample.replace(/\{[^{}]*\}/g, '');
  if (/[{}]/.test(outside)) problems.push(`sample "${sample}" has unbalanced braces`);
  if (/[^\p{L}' .{}_]/u.test(sample))
    problems.push(`sample "${sample}" has characters Alexa does not accept`);
  if (sample !== sample.trim() || / {2}/.test(sample)) problems.push(`sample "${sample}" has stray spaces`);
  const seen = new Set<string>();
  for (const [, slot] of sample.matchAll(/\{([^{}]*)\}/g)) {
    const name = slot ?? '';
    if (!/^[A-Za-z_][A-Za-z_]*$/.test(name))
      problems.push(`sample "${sample}" has an invalid slot reference {${name}}`);
    else if (!slotNames.has(name))
      problems.push(`sample "${sample}" uses slot {${name}}, which the intent does not declare`);
    if (seen.has(name)) problems.push(`sample "${sample}" uses slot {${name}} twice`);
    seen.add(name);
  }
  return problems;
}

export function validateModel(
  source: Located,
  locale: string,
): { problems: Problem[]; model?: InteractionModel } {
  const problems: Problem[] = [];
  const at = (line: number, message: string): void => {
    problems.push({ file: source.file, line, message });
  };
  let model: InteractionModel;
  try {
    model = JSON.parse(source.text) as InteractionModel;
  } catch (error) {
    at(1, `not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
    return { problems };
  }
  const language = model.interactionModel.languageModel;
  for (const message of checkInvocationName(language.invocationName))
    at(lineOf(source, language.invocationName), message);
  const names = language.intents.map((intent) => intent.name);
  for (const required of REQUIRED_BUILT_INS) {
    if (!names.includes(required))
      at(lineOf(source, 'intents'), `required built-in intent ${required} is missing`);
  }
  const types = new Map((language.types ?? []).map((type) => [type.name, type]));
  for (const type of language.types ?? []) {
    if ((type.values ?? []).length === 0)
      at(lineOf(source, type.name), `slot type ${type.name} has no values`);
  }
  const owner = new Map<string, string>();
  const builtIns = BUILT_IN_PHRASES[locale.split('-')[0] ?? 'en'] ?? {};
  for (const [intent, phrases] of Object.entries(builtIns)) {
    if (names.includes(intent)) for (const phrase of phrases) owner.set(normalise(phrase), intent);
  }
  for (const intent of language.intents) {
    const intentLine = lineOf(source, intent.name);
    if (names.indexOf(intent.name) !== names.lastIndexOf(intent.name))
      at(intentLine, `intent ${intent.name} is declared twice`);
    const after = source.text.indexOf(JSON.stringify(intent.name));
    const slotNames = new Set((intent.slots ?? []).map((slot) => slot.name));
    for (const slot of intent.slots ?? []) {
      if (slot.type === undefined) {
        at(lineOf(source, slot.name, after), `slot ${slot.name} of ${intent.name} has no type`);
      } else if (!slot.type.startsWith('AMAZON.') && !types.has(slot.type)) {
        at(
          lineOf(source, slot.type, after),
          `slot ${slot.name} of ${intent.name} uses undefined slot type ${slot.type}`,
        );
      }
    }
    if (!intent.name.startsWith('AMAZON.') && (intent.samples ?? []).length === 0) {
      at(intentLine, `custom intent ${intent.name} has no samples`);
    }
    for (const sample of intent.samples ?? []) {
      const line = lineOf(source, sample, after);
      for (const message of checkSample(sample, slotNames)) at(line, `${intent.name}: ${message}`);
      const key = normalise(sample);
      const claimed = owner.get(key);
      if (claimed && claimed !== intent.name)
        at(line, `sample "${sample}" is claimed by both ${claimed} and ${intent.name}`);
      owner.set(key, intent.name);
    }
  }
  return { problems, model };
}

interface LocaleManifest {
  readonly name?: string;
  readonly summary?: string;
  readonly description?: string;
  readonly examplePhrases?: readonly string[];
}

interface Manifest {
  readonly manifest: {
    readonly publishingInformation: {
      readonly locales: Readonly<Record<string, LocaleManifest>>;
      readonly category?: string;
    };
    readonly privacyAndCompliance?: {
      readonly locales?: Readonly<Record<string, { privacyPolicyUrl?: string }>>;
    };
    readonly permissions?: readonly { readonly name: string }[];
  };
}

/** Words a health disclaimer must carry in the store description, per language. */
const DISCLAIMER: Readonly<Record<string, RegExp>> = {
  en: /not a substitute for professional medical advice/i,
  de: /ersetzt keine ärztliche Beratung/i,
  es: /no sustituye el consejo/i,
};

export function validateManifest(source: Located, models: ReadonlyMap<string, InteractionModel>): Problem[] {
  const problems: Problem[] = [];
  const at = (line: number, message: string): void => {
    problems.push({ file: source.file, line, message });
  };
  const skill = JSON.parse(source.text) as Manifest;
  const locales = skill.manifest.publishingInformation.locales;
  for (const locale of models.keys()) {
    if (!(locale in locales))
      at(lineOf(source, 'locales'), `no publishing information for ${locale}, which has a model`);
  }
  for (const [locale, info] of Object.entries(locales)) {
    const localeLine = lineOf(source, locale);
    const model = models.get(locale);
    if (!model) {
      at(localeLine, `publishing information for ${locale}, which has no interaction model`);
      continue;
    }
    for (const field of ['name', 'summary', 'description'] as const) {
      if (!info[field]) at(localeLine, `${locale} has no ${field}`);
    }
    const disclaimer = DISCLAIMER[locale.split('-')[0] ?? 'en'];
    if (disclaimer && !disclaimer.test(info.description ?? '')) {
      at(lineOf(source, info.description ?? locale), `${locale} description lacks the health disclaimer`);
    }
    const phrases = info.examplePhrases ?? [];
    if (phrases.length === 0 || phrases.length > 3)
      at(localeLine, `${locale} needs one to three example phrases`);
    const resolver = new Resolver(model, locale);
    phrases.forEach((phrase, i) => {
      const line = lineOf(source, phrase);
      if (!/^Alexa, /.test(phrase)) at(line, `example phrase "${phrase}" must start with "Alexa, "`);
      const understood = resolver.understand(phrase);
      if (i === 0 && understood.kind !== 'launch')
        at(line, `the first example phrase "${phrase}" must open the skill`);
      if (
        understood.kind === 'intent' &&
        (understood.intent.name === 'AMAZON.FallbackIntent' || !understood.invokedSkill)
      ) {
        at(line, `example phrase "${phrase}" does not resolve in the ${locale} model`);
      }
    });
  }
  const permissions = skill.manifest.permissions ?? [];
  if (permissions.length > 0) {
    for (const locale of Object.keys(locales)) {
      const url = skill.manifest.privacyAndCompliance?.locales?.[locale]?.privacyPolicyUrl;
      if (!url) {
        at(
          lineOf(source, 'privacyAndCompliance'),
          `${locale} needs a privacy policy URL: the skill asks for permissions`,
        );
      } else if (/\.example(\/|$)/.test(url)) {
        problems.push({
          file: source.file,
          line: lineOf(source, url),
          message: `privacy policy URL ${url} is a placeholder: publish docs/privacy-policy.md and put its address here before certification`,
          warning: true,
        });
      }
    }
  }
  return problems;
}

/** Every locale must declare the same intents, slots and slot types. */
export function compareLocales(
  models: ReadonlyMap<string, InteractionModel>,
  fileOf: (locale: string) => string,
): Problem[] {
  const shape = (model: InteractionModel): Map<string, string> =>
    new Map(
      model.interactionModel.languageModel.intents.map((intent) => [
        intent.name,
        JSON.stringify((intent.slots ?? []).map((slot) => `${slot.name}:${slot.type ?? ''}`).sort()),
      ]),
    );
  const [first, ...rest] = [...models.entries()].sort(([a], [b]) => a.localeCompare(b));
  if (!first) return [];
  const reference = shape(first[1]);
  const problems: Problem[] = [];
  for (const [locale, model] of rest) {
    const mine = shape(model);
    for (const [intent, slots] of reference) {
      if (!mine.has(intent))
        problems.push({
          file: fileOf(locale),
          line: 1,
          message: `intent ${intent} (in ${first[0]}) is missing`,
        });
      else if (mine.get(intent) !== slots)
        problems.push({
          file: fileOf(locale),
          line: 1,
          message: `intent ${intent} has other slots than in ${first[0]}`,
        });
    }
    for (const intent of mine.keys()) {
      if (!reference.has(intent))
        problems.push({ file: fileOf(locale), line: 1, message: `intent ${intent} is not in ${first[0]}` });
    }
  }
  return problems;
}

export function validateProject(root: string): Problem[] {
  const modelsDir = path.join(root, 'interaction-models');
  const models = new Map<string, InteractionModel>();
  const problems: Problem[] = [];
  const relative = (file: string): string => path.relative(root, file);
  for (const name of readdirSync(modelsDir)
    .filter((file) => file.endsWith('.json'))
    .sort()) {
    const file = path.join(modelsDir, name);
    const locale = name.replace(/\.json$/, '');
    if (!/^[a-z]{2}-[A-Z]{2}$/.test(locale)) {
      problems.push({
        file: relative(file),
        line: 1,
        message: `file name must be a locale such as en-US.json`,
      });
      continue;
    }
    const result = validateModel({ file: relative(file), text: readFileSync(file, 'utf8') }, locale);
    problems.push(...result.problems);
    if (result.model) models.set(locale, result.model);
  }
  problems.push(...compareLocales(models, (locale) => relative(path.join(modelsDir, `${locale}.json`))));
  const manifest = path.join(root, 'skill-package', 'skill.json');
  if (existsSync(manifest))
    problems.push(
      ...validateManifest({ file: relative(manifest), text: readFileSync(manifest, 'utf8') }, models),
    );
  else problems.push({ file: 'skill-package/skill.json', line: 1, message: 'missing' });
  return problems;
}

function main(): void {
  const root = path.resolve(process.argv[2] ?? process.cwd());
  const all = validateProject(root);
  const problems = all.filter((problem) => !problem.warning);
  // A warning per message, not per locale.
  for (const message of new Set(all.filter((problem) => problem.warning).map((problem) => problem.message))) {
    console.warn(`warning: skill-package/skill.json: ${message}`);
  }
  for (const problem of problems)
    console.error(`${problem.file}:${String(problem.line)}: ${problem.message}`);
  if (problems.length > 0) {
    console.error(`${String(problems.length)} problem(s) in the interaction models or the manifest`);
    process.exitCode = 1;
  } else {
    console.log('Interaction models and skill manifest: OK');
  }
}

if (require.main === module) main();
