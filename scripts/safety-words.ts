import type { Heard } from '../lambda/conversation/heard';
import type { Ctx, Outcome } from '../lambda/conversation/outcome';
import { hearAnywhere, hearWaiting } from '../lambda/conversation/questions';
import { translatorFor } from '../lambda/speech/i18n';
import { toPlainText } from '../lambda/speech/ssml';
import { newSession, stateWith, type Pending, type SessionState } from '../lambda/state/session';

/**
 * The table of words in context for docs/safety.md (facts §5, product decision 3): for each kind of
 * waiting question, what each class of words leads to, found by running the questions' own modules.
 */

const NOW = Date.parse('2026-11-25T02:30:00Z');
const ctx: Ctx = { t: translatorFor('en-US'), locale: 'en-US', nowMs: NOW, granted: new Set() };

const CLASSES: readonly [string, Heard][] = [
  ['clear yes ("yes", "yeah", "I do")', { kind: 'yes' }],
  ['clear no, or a denial naming a symptom ("no", "none of those", "no chest pain")', { kind: 'no' }],
  ['hedge ("a bit", "sort of", "maybe", "not really")', { kind: 'hedge' }],
  ['cramp words, eased ("it\'s gone", "better")', { kind: 'cramp', eased: true }],
  ['cramp words, not eased ("still tight", "the same")', { kind: 'cramp', eased: false }],
  ['the cramp\'s pain ("ow", "it still hurts")', { kind: 'pain', how: 'cramp' }],
  ['sharp pain', { kind: 'pain', how: 'sharp' }],
  ['a plain-word red flag ("my foot has gone blue")', { kind: 'report', report: 'coldLeg' }],
  ['a command ("go back", "start over")', { kind: 'command', command: 'back' }],
];

const inCramp = (pending: Pending | undefined, changes: Partial<SessionState> = {}): SessionState =>
  stateWith(newSession(NOW), {
    routineId: 'cramp',
    stepIndex: 0,
    tries: 1,
    screening: { short: true, full: false, skipTouch: false },
    pending,
    ...changes,
  });

const QUESTIONS: readonly [string, SessionState][] = [
  [
    'a red-flag question ("Chest pain, trouble breathing, or feeling faint?")',
    inCramp({ kind: 'screen', stage: 'short', question: 0, from: 0, unclear: 0 }, { stepIndex: -1 }),
  ],
  [
    'a report check ("…Is that what\'s happening?")',
    inCramp({ kind: 'reportCheck', reason: 'coldLeg', unclear: 0 }),
  ],
  [
    'the pain check ("Is the pain severe, or still getting worse?")',
    inCramp({ kind: 'painCheck', unclear: 0 }, { eased: true, stepIndex: 2 }),
  ],
  ['"Is the cramp easing?"', inCramp({ kind: 'easing' })],
  ['a step, nothing asked', inCramp(undefined, { stepIndex: 1 })],
  [
    'the resume offer',
    stateWith(newSession(NOW), {
      pending: { kind: 'resume' },
      stored: { ...newSession(NOW).stored, progress: { routineId: 'cramp', stepIndex: 1 } },
    }),
  ],
];

/** What an outcome does, in a few words. */
function describe(before: SessionState, outcome: Outcome | undefined): string {
  if (!outcome) return 'a command: done as anywhere else';
  const { state } = outcome;
  const text = toPlainText(outcome.speech);
  const has = (key: Parameters<Ctx['t']>[0]): boolean => text.includes(ctx.t(key));
  if (state.flag)
    return state.flag.confirmed
      ? 'the action, as an imperative; session ends'
      : 'the advice as a condition; session ends';
  const pending = state.pending;
  if (pending?.kind === 'reportCheck' && before.pending?.kind !== 'reportCheck')
    return 'the advice at once, as a condition, and one yes/no check';
  if (pending?.kind === 'painCheck' && before.pending?.kind !== 'painCheck')
    return 'stop and let go; the pain check';
  if (has('pain.easeOff')) return 'ease off to a gentler stretch, and carry on';
  if (state.routineId === 'cramp' && before.routineId === undefined) return 'the cramp routine starts';
  if (state.eased && !before.eased) return 'eased: the next step';
  if (state.stepIndex === before.stepIndex && state.tries > before.tries)
    return 'not eased: the stretch once more';
  if (state.screening.skipTouch && !before.screening.skipTouch)
    return 'massage, heat and cold left out; carries on';
  const same = (p: Pending | undefined): string => JSON.stringify({ ...p, unclear: 0 });
  if (pending && same(pending) === same(before.pending))
    return has('screen.unclear') ? 'asked again, counted as unclear' : 'asked again, not counted as unclear';
  if (before.pending?.kind === 'reportCheck') return 'back where the person was';
  if (pending?.kind === 'screen' && before.pending?.kind === 'screen') return 'the next question';
  if (has('nav.noQuestion')) return 'nothing was asked: says so, and carries on';
  if (before.pending?.kind === 'resume')
    return state.routineId ? 'carries on with the routine' : 'the routines menu';
  return 'carries on';
}

export function wordsTable(): string[] {
  const lines = [
    '## Words in context (facts §5, product decision 3)',
    '',
    'What each class of words leads to at each kind of waiting question, found by running the questions themselves (`lambda/conversation/questions/`). Not an answer at one question, a class of words may be one at another.',
    '',
    `| words | ${QUESTIONS.map(([name]) => name).join(' | ')} |`,
    `| --- | ${QUESTIONS.map(() => '---').join(' | ')} |`,
  ];
  for (const [name, heard] of CLASSES) {
    const cells = QUESTIONS.map(([, state]) =>
      describe(state, hearWaiting(state, heard, ctx) ?? hearAnywhere(state, heard, ctx)),
    );
    lines.push(`| ${name} | ${cells.join(' | ')} |`);
  }
  return lines;
}
