import type { HandlerInput } from 'ask-sdk-core';
import { CRAMP_STATUS, type Command, type Heard } from '../conversation/heard';
import type { ReportId } from '../safety/red-flags';
import { Intents, KNOWN_INTENTS } from './intents';
import { intentName, resolvedSlotId } from './match';

/** Which intents are which class of words (facts §5, product decision 3); the questions say what each means. */
const REPORT_INTENTS: ReadonlyMap<string, ReportId> = new Map<string, ReportId>([
  [Intents.chestPain, 'chestPain'],
  [Intents.faint, 'faint'],
  [Intents.coldLeg, 'coldLeg'],
  [Intents.numbLeg, 'numbLeg'],
  [Intents.swollenCalf, 'swollenCalf'],
  [Intents.injuryPop, 'injuryPop'],
  [Intents.noWeight, 'noWeight'],
]);

const PAIN_INTENTS: ReadonlyMap<string, 'cramp' | 'worse' | 'sharp'> = new Map([
  [Intents.crampPain, 'cramp'],
  [Intents.painWorse, 'worse'],
  [Intents.sharpPain, 'sharp'],
] as const);

const COMMAND_INTENTS: ReadonlyMap<string, Command> = new Map<string, Command>([
  [Intents.repeat, 'repeat'],
  [Intents.help, 'help'],
  [Intents.next, 'next'],
  [Intents.resume, 'resume'],
  [Intents.previous, 'back'],
  [Intents.startOver, 'startOver'],
  [Intents.tellMore, 'tellMore'],
]);

/** Every intent that is an answer word, for the router. */
export const ANSWER_INTENTS: readonly string[] = [
  Intents.yes,
  Intents.no,
  Intents.hedge,
  Intents.crampStatus,
  ...PAIN_INTENTS.keys(),
  ...REPORT_INTENTS.keys(),
];

/** The words of this request as a class: what a waiting question reads. */
export function heardOf(input: HandlerInput): Heard {
  const name = intentName(input);
  if (name === undefined) return { kind: 'other' };
  if (name === Intents.yes) return { kind: 'yes' };
  if (name === Intents.no) return { kind: 'no' };
  if (name === Intents.hedge) return { kind: 'hedge' };
  if (name === Intents.crampStatus) {
    const status = resolvedSlotId(input, 'status');
    return { kind: 'cramp', eased: status === undefined ? undefined : CRAMP_STATUS[status] };
  }
  const pain = PAIN_INTENTS.get(name);
  if (pain) return { kind: 'pain', how: pain };
  const report = REPORT_INTENTS.get(name);
  if (report) return { kind: 'report', report };
  const command = COMMAND_INTENTS.get(name);
  if (command) return { kind: 'command', command };
  if (name === Intents.fallback || name === Intents.otherQuestion || !KNOWN_INTENTS.has(name))
    return { kind: 'unclear' };
  return { kind: 'other' };
}
