import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  BUILT_IN_PHRASES,
  nameFreeOf,
  normalise,
  Resolver,
  type InteractionModel,
} from '../lambda/local/simulator/nlu';

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

/**
 * A sample's syntax. A sample that is only a slot ("{time}") takes any words said, so it is refused, unless
 * the slot is one of `answerSlots`: a custom slot type of the model with its own values, said on its own as
 * the answer to a question ("better", "still tight" for CrampStatusIntent's {status}). Alexa fills such a
 * slot with words outside its values too: the skill reads only a value that resolved to one of the ids.
 */
export function checkSample(
  sample: string,
  slotNames: ReadonlySet<string>,
  answerSlots: ReadonlySet<string> = new Set(),
): string[] {
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
  const only = /^\{([^{}]*)\}$/.exec(sample.trim());
  if (only && !answerSlots.has(only[1] ?? ''))
    problems.push(
      `sample "${sample}" is only a slot: any words land on it; collect the value with a dialog (a required slot with an elicitation prompt)`,
    );
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
    const answerSlots = new Set(
      (intent.slots ?? [])
        .filter((slot) => (types.get(slot.type ?? '')?.values ?? []).length > 0)
        .map((slot) => slot.name),
    );
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
      for (const message of checkSample(sample, slotNames, answerSlots))
        at(line, `${intent.name}: ${message}`);
      const key = normalise(sample);
      const claimed = owner.get(key);
      if (claimed && claimed !== intent.name)
        at(line, `sample "${sample}" is claimed by both ${claimed} and ${intent.name}`);
      owner.set(key, intent.name);
    }
  }
  problems.push(...checkUnderstanding(source, model, locale));
  return { problems, model };
}

interface LocaleManifest {
  readonly name?: string;
  readonly smallIconUri?: string;
  readonly largeIconUri?: string;
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

/** The store icons certification asks for: a PNG of exactly this size, per field. */
export const ICON_SIZES = { smallIconUri: 108, largeIconUri: 512 } as const;

/** Width and height from a PNG's IHDR chunk, or undefined when the bytes are not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } | undefined {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature)) return undefined;
  if (bytes.toString('ascii', 12, 16) !== 'IHDR') return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/**
 * Every locale names both store icons, as files in the skill package (`file://assets/…`, which ask-cli
 * uploads), and each is a PNG of its size: 108 × 108 small, 512 × 512 large.
 */
export function checkIcons(source: Located, packageDir: string): Problem[] {
  const problems: Problem[] = [];
  const skill = JSON.parse(source.text) as Manifest;
  for (const [locale, info] of Object.entries(skill.manifest.publishingInformation.locales)) {
    for (const [field, size] of Object.entries(ICON_SIZES) as [keyof typeof ICON_SIZES, number][]) {
      const uri = info[field];
      const at = (message: string, warning = false): void => {
        problems.push({
          file: source.file,
          line: lineOf(source, uri ?? locale, source.text.indexOf(JSON.stringify(locale))),
          message: `${locale} ${field}: ${message}`,
          ...(warning ? { warning } : {}),
        });
      };
      if (!uri) {
        at(`missing: certification needs a ${String(size)} × ${String(size)} PNG`);
        continue;
      }
      if (!uri.startsWith('file://')) {
        at(`${uri} is not a file in the skill package, so its size is not checked`, true);
        continue;
      }
      const file = path.join(packageDir, uri.slice('file://'.length));
      if (!existsSync(file)) {
        at(`${uri} does not exist`);
        continue;
      }
      const found = pngSize(readFileSync(file));
      if (!found) at(`${uri} is not a PNG`);
      else if (found.width !== size || found.height !== size)
        at(
          `${uri} is ${String(found.width)} × ${String(found.height)}, not ${String(size)} × ${String(size)}`,
        );
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
  problems.push(...checkHeldOut(root, models));
  const manifest = path.join(root, 'skill-package', 'skill.json');
  if (existsSync(manifest)) {
    const source = { file: relative(manifest), text: readFileSync(manifest, 'utf8') };
    problems.push(
      ...validateManifest(source, models),
      ...checkCanFulfillInterface(source, models),
      ...checkIcons(source, path.dirname(manifest)),
    );
  } else problems.push({ file: 'skill-package/skill.json', line: 1, message: 'missing' });
  return problems;
}

/**
 * Understanding beyond the samples (the dialog model, name-free entry, held-out phrases): what the Alexa
 * build checks of them, and what this project asks of them.
 */

/** Routines people start without the skill's name ("Alexa, I have a calf cramp"): each an intent launch point. */
export const NAME_FREE_INTENTS = ['CrampReliefIntent', 'AfterRunIntent', 'BedtimeIntent'];
/** Alexa takes up to five skill launch phrases, and up to five phrases per intent launch point. */
const MAX_INGRESS_PHRASES = 5;

/** Every dialog prompt and elicitation refers to an existing intent, slot and prompt id; slot samples are valid. */
export function checkDialog(source: Located, model: InteractionModel): Problem[] {
  const problems: Problem[] = [];
  const at = (value: string, message: string): void => {
    problems.push({ file: source.file, line: lineOf(source, value), message });
  };
  const { languageModel, dialog, prompts = [] } = model.interactionModel;
  const promptIds = new Set(prompts.map((prompt) => prompt.id));
  const used = new Set<string>();
  const refer = (id: string | undefined, what: string): void => {
    if (id === undefined) return;
    used.add(id);
    if (!promptIds.has(id)) at(id, `${what} refers to prompt ${id}, which is not in prompts`);
  };
  for (const intent of dialog?.intents ?? []) {
    const declared = languageModel.intents.find((candidate) => candidate.name === intent.name);
    if (!declared) {
      at(
        intent.name,
        `the dialog model has intent ${intent.name}, which the language model does not declare`,
      );
      continue;
    }
    refer(intent.prompts?.elicitation, `intent ${intent.name}`);
    refer(intent.prompts?.confirmation, `intent ${intent.name}`);
    if (intent.confirmationRequired && !intent.prompts?.confirmation)
      at(intent.name, `intent ${intent.name} requires confirmation but has no confirmation prompt`);
    for (const slot of intent.slots ?? []) {
      const own = (declared.slots ?? []).find((candidate) => candidate.name === slot.name);
      const where = `slot ${slot.name} of ${intent.name}`;
      if (!own) {
        at(slot.name, `the dialog model has ${where}, which the intent does not declare`);
        continue;
      }
      if (own.type !== slot.type)
        at(slot.name, `${where} is ${String(own.type)} in the intent but ${slot.type} in the dialog model`);
      refer(slot.prompts.elicitation, where);
      refer(slot.prompts.confirmation, where);
      if (slot.elicitationRequired && !slot.prompts.elicitation)
        at(slot.name, `${where} is required but has no elicitation prompt`);
      if (slot.elicitationRequired && (own.samples ?? []).length === 0)
        at(slot.name, `${where} is required but has no slot samples for the answer`);
    }
  }
  for (const prompt of prompts) {
    if (!used.has(prompt.id)) at(prompt.id, `prompt ${prompt.id} is not used by the dialog model`);
    if (!prompt.variations.some((variation) => variation.value.trim() !== ''))
      at(prompt.id, `prompt ${prompt.id} has no variation to say`);
  }
  for (const intent of languageModel.intents) {
    const names = new Set((intent.slots ?? []).map((slot) => slot.name));
    for (const slot of intent.slots ?? []) {
      for (const sample of slot.samples ?? []) {
        const message = [...sample.matchAll(/\{([^{}]*)\}/g)].some(([, name]) => name === slot.name)
          ? checkSample(sample, names).find((problem) => !problem.includes('is only a slot'))
          : `slot sample "${sample}" of ${slot.name} does not say the slot {${slot.name}}`;
        if (message) at(sample, `${intent.name}: ${message}`);
      }
    }
  }
  return problems;
}

/**
 * English models carry name-free entry (`_nameFreeInteraction`): skill launch phrases, and an intent
 * launch point for each routine, every phrase a whole phrase without slots, five at most per point, and
 * none of them exactly a sample of another intent.
 */
export function checkNameFree(source: Located, model: InteractionModel, locale: string): Problem[] {
  const problems: Problem[] = [];
  const at = (value: string, message: string): void => {
    problems.push({ file: source.file, line: lineOf(source, value), message });
  };
  const points = nameFreeOf(model);
  const english = locale.startsWith('en-');
  if (points.length === 0) {
    if (english) at('interactionModel', `${locale} has no _nameFreeInteraction ingress points`);
    return problems;
  }
  if (!english) at('_nameFreeInteraction', `name-free interaction is for English models only, not ${locale}`);
  const intents = model.interactionModel.languageModel.intents.map((intent) => intent.name);
  const launches = points.filter((point) => point.type === 'LAUNCH');
  if (launches.length !== 1)
    at('_nameFreeInteraction', `needs exactly one LAUNCH ingress point, not ${String(launches.length)}`);
  for (const name of NAME_FREE_INTENTS) {
    if (!points.some((point) => point.type === 'INTENT' && point.name === name))
      at('_nameFreeInteraction', `no intent launch phrases for ${name}`);
  }
  const resolver = new Resolver(model, locale);
  for (const point of points) {
    const label = point.type === 'LAUNCH' ? 'skill launch' : `${String(point.name)} launch`;
    if (point.type === 'INTENT' && (point.name === undefined || !intents.includes(point.name)))
      at(
        point.name ?? '_nameFreeInteraction',
        `intent launch point for ${String(point.name)}, which the model does not declare`,
      );
    if (point.phrases.length === 0 || point.phrases.length > MAX_INGRESS_PHRASES)
      at(
        point.name ?? '_nameFreeInteraction',
        `${label} needs one to ${String(MAX_INGRESS_PHRASES)} phrases`,
      );
    for (const phrase of point.phrases) {
      if (!/^[\p{L}' ]+$/u.test(phrase))
        at(phrase, `${label} phrase "${phrase}" must be whole words, no slots`);
      const sample = resolver.sampleMatch(phrase);
      if (point.type === 'INTENT' && sample && sample.name !== point.name)
        at(phrase, `${label} phrase "${phrase}" is a sample of ${sample.name}`);
    }
  }
  return problems;
}

function checkUnderstanding(source: Located, model: InteractionModel, locale: string): Problem[] {
  return [
    ...checkDialog(source, model),
    ...checkNameFree(source, model, locale),
    ...checkAnswerWords(source, model, locale),
  ];
}

/**
 * The intents the skill reads as answers and reports (lambda/handlers/heard.ts, facts §5 product decision
 * 3): each model declares them all, by these names.
 */
export const ANSWER_INTENTS = [
  'CrampStatusIntent',
  'HedgeIntent',
  'ChestPainIntent',
  'FaintIntent',
  'ColdLegIntent',
  'NumbLegIntent',
  'SwollenCalfIntent',
  'NoWeightIntent',
  'InjuryPopIntent',
  'CrampPainIntent',
  'PainWorseIntent',
  'SharpPainIntent',
];
/** CrampStatusIntent's one slot, its type, and the type's value ids the skill reads (lambda/conversation/heard.ts). */
export const CRAMP_STATUS_SLOT = { name: 'status', type: 'CRAMP_STATUS' } as const;
export const CRAMP_STATUS_IDS = ['easing', 'gone', 'better', 'notEasing', 'same', 'stillTight', 'worse'];

/** Plain yes and no words that may lead a phrase ("yes it's gone", "no not really"), per language. */
const YES_NO_WORDS: Readonly<Record<string, readonly string[]>> = {
  en: ['yes', 'yeah', 'yep', 'yup', 'no', 'nope', 'nah'],
  de: ['ja', 'jo', 'jep', 'nein', 'nee', 'no'],
  es: ['si', 'no'],
};

/**
 * AMAZON.YesIntent and AMAZON.NoIntent hold only plain yes and no forms (facts §5, product decision 3). A
 * cramp-status phrase (a CrampStatusIntent sample said with any value of its slot, or a value on its own)
 * or a hedge (a HedgeIntent sample) among their samples or built-in phrases, as it is or after a leading
 * yes or no, would answer every safety question: "it's gone" a yes, "not really" a clear no. Also checks
 * that the answer intents are declared, and CrampStatusIntent's slot and the ids of its type.
 */
export function checkAnswerWords(source: Located, model: InteractionModel, locale: string): Problem[] {
  const problems: Problem[] = [];
  const at = (value: string, message: string, after = 0): void => {
    problems.push({ file: source.file, line: lineOf(source, value, after), message });
  };
  const language = model.interactionModel.languageModel;
  const intents = new Map(language.intents.map((intent) => [intent.name, intent]));
  for (const name of ANSWER_INTENTS) {
    if (!intents.has(name))
      at('intents', `intent ${name} is missing: the skill reads it as an answer or a report`);
  }
  const status = intents.get('CrampStatusIntent');
  const slots = status?.slots ?? [];
  if (
    status &&
    (slots.length !== 1 ||
      slots[0]?.name !== CRAMP_STATUS_SLOT.name ||
      slots[0].type !== CRAMP_STATUS_SLOT.type)
  )
    at(
      'CrampStatusIntent',
      `CrampStatusIntent must have exactly one slot, ${CRAMP_STATUS_SLOT.name} of type ${CRAMP_STATUS_SLOT.type}`,
    );
  const type = (language.types ?? []).find((candidate) => candidate.name === CRAMP_STATUS_SLOT.type);
  if (status && !type) at('types', `slot type ${CRAMP_STATUS_SLOT.type} is missing`);
  if (type) {
    const ids = (type.values ?? []).map((value) => value.id ?? value.name.value);
    const missing = CRAMP_STATUS_IDS.filter((id) => !ids.includes(id));
    const extra = ids.filter((id) => !CRAMP_STATUS_IDS.includes(id));
    if (missing.length > 0 || extra.length > 0)
      at(
        CRAMP_STATUS_SLOT.type,
        `slot type ${CRAMP_STATUS_SLOT.type} must have exactly the value ids ${CRAMP_STATUS_IDS.join(', ')}` +
          (missing.length > 0 ? `; missing ${missing.join(', ')}` : '') +
          (extra.length > 0 ? `; unknown ${extra.join(', ')}` : ''),
      );
  }

  // What each forbidden phrase is, normalised.
  const forbidden = new Map<string, string>();
  const values = (type?.values ?? []).flatMap((value) =>
    [value.name.value, ...(Array.isArray(value.name.synonyms) ? value.name.synonyms : [])].map(
      (phrase) => [phrase, value.id ?? value.name.value] as const,
    ),
  );
  for (const sample of status?.samples ?? []) {
    for (const [phrase, id] of values) {
      const said = sample.replace(`{${CRAMP_STATUS_SLOT.name}}`, phrase);
      if (/\{[^{}]*\}/.test(said)) continue;
      const key = normalise(said);
      if (!forbidden.has(key))
        forbidden.set(
          key,
          `the cramp's status (CrampStatusIntent "${sample}", ${CRAMP_STATUS_SLOT.name} ${id}): cramp words answer only "is the cramp easing?", never a yes or a no`,
        );
    }
  }
  for (const [phrase, id] of values) {
    const key = normalise(phrase);
    if (!forbidden.has(key))
      forbidden.set(
        key,
        `the cramp's status (${CRAMP_STATUS_SLOT.type} value ${id}): cramp words answer only "is the cramp easing?", never a yes or a no`,
      );
  }
  for (const sample of intents.get('HedgeIntent')?.samples ?? []) {
    forbidden.set(
      normalise(sample),
      `a hedge (HedgeIntent "${sample}"): a hedge is neither a clear yes nor a clear no`,
    );
  }
  const lead = new Set((YES_NO_WORDS[locale.split('-')[0] ?? 'en'] ?? []).map(normalise));
  const builtIns = BUILT_IN_PHRASES[locale.split('-')[0] ?? 'en'] ?? {};
  for (const name of ['AMAZON.YesIntent', 'AMAZON.NoIntent']) {
    const after = source.text.indexOf(JSON.stringify(name));
    const phrases = [
      ...(intents.get(name)?.samples ?? []).map((sample) => ({ sample, builtIn: false })),
      ...(builtIns[name] ?? []).map((sample) => ({ sample, builtIn: true })),
    ];
    for (const { sample, builtIn } of phrases) {
      const words = normalise(sample).split(' ');
      while (words.length > 1 && lead.has(words[0] ?? '')) words.shift();
      const what = forbidden.get(normalise(sample)) ?? forbidden.get(words.join(' '));
      if (what === undefined) continue;
      const where = builtIn ? ' (a built-in phrase in lambda/local/simulator/built-ins.ts)' : '';
      at(
        builtIn ? name : sample,
        `${name} sample "${sample}"${where} is ${what} (facts §5, product decision 3)`,
        builtIn ? 0 : after,
      );
    }
  }
  return problems;
}

interface HeldOut {
  readonly phrases?: readonly { readonly text: string; readonly intent: string }[];
  readonly unclear?: readonly string[];
  readonly gibberish?: readonly string[];
  readonly offTopic?: readonly string[];
}

/**
 * The held-out phrases (tests/nlu/held-out/<locale>.json) measure how the models generalise: none may be
 * a sample (said exactly, with any value of its slots), and each expects an intent the model declares.
 */
export function checkHeldOut(root: string, models: ReadonlyMap<string, InteractionModel>): Problem[] {
  const dir = path.join(root, 'tests', 'nlu', 'held-out');
  if (!existsSync(dir)) return [];
  const problems: Problem[] = [];
  for (const [locale, model] of models) {
    const file = path.join(dir, `${locale}.json`);
    const name = path.relative(root, file);
    if (!existsSync(file)) {
      problems.push({ file: name, line: 1, message: `no held-out phrases for ${locale}` });
      continue;
    }
    const source = { file: name, text: readFileSync(file, 'utf8') };
    const heldOut = JSON.parse(source.text) as HeldOut;
    const resolver = new Resolver(model, locale);
    const intents = new Set(model.interactionModel.languageModel.intents.map((intent) => intent.name));
    const texts = [
      ...(heldOut.phrases ?? []).map((phrase) => phrase.text),
      ...(heldOut.unclear ?? []),
      ...(heldOut.gibberish ?? []),
      ...(heldOut.offTopic ?? []),
    ];
    for (const text of texts) {
      const sample = resolver.sampleMatch(text);
      if (sample)
        problems.push({
          file: name,
          line: lineOf(source, text),
          message: `held-out phrase "${text}" is a sample of ${sample.name} in ${locale}`,
        });
    }
    for (const { text, intent } of heldOut.phrases ?? []) {
      if (!intents.has(intent))
        problems.push({
          file: name,
          line: lineOf(source, text),
          message: `"${text}" expects ${intent}, not in the ${locale} model`,
        });
    }
  }
  return problems;
}

/** Name-free entry needs the CanFulfillIntentRequest interface in the manifest. */
export function checkCanFulfillInterface(
  source: Located,
  models: ReadonlyMap<string, InteractionModel>,
): Problem[] {
  const manifest = JSON.parse(source.text) as {
    manifest: { apis?: { custom?: { interfaces?: readonly { type?: string }[] } } };
  };
  const interfaces = manifest.manifest.apis?.custom?.interfaces ?? [];
  const nameFree = [...models.values()].some((model) => nameFreeOf(model).length > 0);
  if (!nameFree || interfaces.some((entry) => entry.type === 'CAN_FULFILL_INTENT_REQUEST')) return [];
  return [
    {
      file: source.file,
      line: lineOf(source, 'interfaces'),
      message:
        'the models have name-free ingress points but the manifest does not declare CAN_FULFILL_INTENT_REQUEST',
    },
  ];
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
