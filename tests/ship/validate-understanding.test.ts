import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { checkSample, validateProject, type Problem } from '../../scripts/validate';
import { ROOT } from '../helpers/model';

/**
 * `npm run validate` on understanding: no bare-slot samples, a dialog model whose every prompt and
 * elicitation refers to an intent, slot and prompt that exist, name-free ingress points in every English
 * model with the CanFulfillIntentRequest interface declared, and held-out phrases that are not samples.
 */

type Json = Record<string, unknown>;

interface Model {
  interactionModel: {
    languageModel: {
      intents: { name: string; samples?: string[]; slots?: { name: string; samples?: string[] }[] }[];
    };
    dialog?: {
      intents: {
        name: string;
        slots?: { name: string; type: string; elicitationRequired?: boolean; prompts: Json }[];
      }[];
    };
    prompts?: { id: string; variations: { type: string; value: string }[] }[];
    _nameFreeInteraction?: {
      ingressPoints: { type: string; name?: string; sampleUtterances: { format: string; value: string }[] }[];
    };
  };
}

/** Edits one JSON file of the scratch copy; the change says how it reads the file. */
type Edit = (file: string, change: (json: never) => void) => void;

function scratch(): { dir: string; edit: Edit } {
  const dir = mkdtempSync(path.join(tmpdir(), 'calf-coach-understanding-'));
  cpSync(path.join(ROOT, 'interaction-models'), path.join(dir, 'interaction-models'), { recursive: true });
  cpSync(path.join(ROOT, 'tests', 'nlu', 'held-out'), path.join(dir, 'tests', 'nlu', 'held-out'), {
    recursive: true,
  });
  mkdirSync(path.join(dir, 'skill-package'));
  cpSync(path.join(ROOT, 'skill-package', 'skill.json'), path.join(dir, 'skill-package', 'skill.json'));
  return {
    dir,
    edit: (file, change) => {
      const full = path.join(dir, file);
      const json: unknown = JSON.parse(readFileSync(full, 'utf8'));
      change(json as never);
      writeFileSync(full, JSON.stringify(json, null, 2));
    },
  };
}

const messages = (problems: Problem[]): string =>
  problems
    .filter((p) => !p.warning)
    .map((p) => `${p.file}:${String(p.line)}: ${p.message}`)
    .join('\n');

function withScratch(run: (edit: ReturnType<typeof scratch>['edit'], dir: string) => void): void {
  const { dir, edit } = scratch();
  try {
    run(edit, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const intent = (
  model: Model,
  name: string,
): Model['interactionModel']['languageModel']['intents'][number] => {
  const found = model.interactionModel.languageModel.intents.find((candidate) => candidate.name === name);
  if (!found) throw new Error(name);
  return found;
};

it('passes on the project as it is, held-out phrases included', () => {
  expect(messages(validateProject(ROOT))).toBe('');
});

it('rejects a sample that is only a slot', () => {
  expect(checkSample('{time}', new Set(['time'])).join()).toMatch(/"\{time\}" is only a slot/);
  expect(checkSample('at {time}', new Set(['time']))).toEqual([]);
  withScratch((edit, dir) => {
    edit('interaction-models/es-US.json', (model: Model) =>
      intent(model, 'SetReminderIntent').samples?.push('{time}'),
    );
    expect(messages(validateProject(dir))).toMatch(
      /es-US\.json:\d+: SetReminderIntent: sample "\{time\}" is only a slot: any words land on it; collect the value with a dialog/,
    );
  });
});

it('checks that the dialog model refers to intents, slots and prompts that exist', () => {
  withScratch((edit, dir) => {
    edit('interaction-models/en-GB.json', (model: Model) => {
      const { dialog, prompts } = model.interactionModel;
      const reminder = dialog?.intents[0];
      if (!reminder?.slots?.[0] || !prompts?.[0]) throw new Error('no dialog model');
      reminder.slots[0].prompts = { elicitation: 'Elicit.Slot.Nowhere' };
      reminder.slots.push({ name: 'when', type: 'AMAZON.TIME', prompts: {} });
      dialog?.intents.push({ name: 'RemindLaterIntent' });
      prompts.push({ id: 'Unused.Prompt', variations: [{ type: 'PlainText', value: 'Hm?' }] });
      intent(model, 'SetReminderIntent').slots?.forEach((slot) => {
        if (slot.name === 'time') slot.samples = ['please'];
      });
    });
    const problems = messages(validateProject(dir));
    expect(problems).toMatch(
      /en-GB\.json:\d+: slot time of SetReminderIntent refers to prompt Elicit\.Slot\.Nowhere, which is not in prompts/,
    );
    expect(problems).toMatch(
      /en-GB\.json:\d+: the dialog model has slot when of SetReminderIntent, which the intent does not declare/,
    );
    expect(problems).toMatch(
      /en-GB\.json:\d+: the dialog model has intent RemindLaterIntent, which the language model does not declare/,
    );
    expect(problems).toMatch(
      /en-GB\.json:\d+: prompt Elicit\.Slot\.SetReminderIntent\.time is not used by the dialog model/,
    );
    expect(problems).toMatch(/en-GB\.json:\d+: prompt Unused\.Prompt is not used by the dialog model/);
    expect(problems).toMatch(
      /en-GB\.json:\d+: SetReminderIntent: slot sample "please" of time does not say the slot \{time\}/,
    );
  });
  withScratch((edit, dir) => {
    edit('interaction-models/de-DE.json', (model: Model) => {
      const slot = model.interactionModel.dialog?.intents[0]?.slots?.[0];
      if (slot) slot.prompts = {};
    });
    expect(messages(validateProject(dir))).toMatch(
      /de-DE\.json:\d+: slot time of SetReminderIntent is required but has no elicitation prompt/,
    );
  });
});

it('checks name-free entry: ingress points in every English model, and the interface in the manifest', () => {
  withScratch((edit, dir) => {
    edit('interaction-models/en-AU.json', (model: Model) => {
      delete model.interactionModel._nameFreeInteraction;
    });
    edit('interaction-models/en-IN.json', (model: Model) => {
      const points = model.interactionModel._nameFreeInteraction?.ingressPoints ?? [];
      const cramp = points.find((point) => point.name === 'CrampReliefIntent');
      cramp?.sampleUtterances.push(
        { format: 'RAW_TEXT', value: 'cramp in my {side} leg' },
        { format: 'RAW_TEXT', value: 'i need help with my calf' },
      );
      const bedtime = points.findIndex((point) => point.name === 'BedtimeIntent');
      points.splice(bedtime, 1);
      const afterRun = points.find((point) => point.name === 'AfterRunIntent');
      afterRun?.sampleUtterances.splice(0, 1, { format: 'RAW_TEXT', value: 'i have a cramp' });
    });
    edit('skill-package/skill.json', (json: Json) => {
      const custom = (json.manifest as { apis: { custom: { interfaces: { type: string }[] } } }).apis.custom;
      custom.interfaces = custom.interfaces.filter((entry) => entry.type !== 'CAN_FULFILL_INTENT_REQUEST');
    });
    const problems = messages(validateProject(dir));
    expect(problems).toMatch(/en-AU\.json:\d+: en-AU has no _nameFreeInteraction ingress points/);
    expect(problems).toMatch(/en-IN\.json:\d+: no intent launch phrases for BedtimeIntent/);
    expect(problems).toMatch(/en-IN\.json:\d+: CrampReliefIntent launch needs one to 5 phrases/);
    expect(problems).toMatch(
      /en-IN\.json:\d+: CrampReliefIntent launch phrase "cramp in my \{side\} leg" must be whole words, no slots/,
    );
    expect(problems).toMatch(
      /en-IN\.json:\d+: AfterRunIntent launch phrase "i have a cramp" is a sample of CrampReliefIntent/,
    );
    expect(problems).toMatch(
      /skill\.json:\d+: the models have name-free ingress points but the manifest does not declare CAN_FULFILL_INTENT_REQUEST/,
    );
  });
});

it('fails when a held-out phrase becomes a sample, with any value of its slot', () => {
  withScratch((edit, dir) => {
    edit('interaction-models/en-CA.json', (model: Model) => {
      intent(model, 'CrampReliefIntent').samples?.push('my calf just seized up on me');
      intent(model, 'PostureIntent').samples?.push("i'm still {posture} on the bed");
    });
    const problems = messages(validateProject(dir));
    expect(problems).toMatch(
      /tests\/nlu\/held-out\/en-CA\.json:\d+: held-out phrase "my calf just seized up on me" is a sample of CrampReliefIntent in en-CA/,
    );
    expect(problems).toMatch(
      /tests\/nlu\/held-out\/en-CA\.json:\d+: held-out phrase "I'm still lying down on the bed" is a sample of PostureIntent in en-CA/,
    );
  });
});
