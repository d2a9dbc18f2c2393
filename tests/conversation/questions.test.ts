import type { Heard } from '../../lambda/conversation/heard';
import type { Ctx, Outcome } from '../../lambda/conversation/outcome';
import { hearAnywhere, hearWaiting, unansweredAtEnd } from '../../lambda/conversation/questions';
import { REPORTS, type ReportId } from '../../lambda/safety/red-flags';
import { translatorFor } from '../../lambda/speech/i18n';
import { toPlainText } from '../../lambda/speech/ssml';
import { newSession, stateWith, type Pending, type SessionState } from '../../lambda/state/session';
import { givesImperative, givesStep } from '../helpers/safety';

/**
 * The rules of decisions 2 and 3 driven straight into the waiting questions by what was heard, with no
 * words and no model in between: a changed sample cannot weaken these.
 */

const LOCALES = ['en-US', 'de-DE', 'es-US'] as const;
const NOW = Date.parse('2026-11-25T02:30:00Z');

const ctxFor = (locale: string): Ctx => ({
  t: translatorFor(locale),
  locale,
  nowMs: NOW,
  granted: new Set(),
});

const REPORT_IDS = Object.keys(REPORTS) as ReportId[];

const HEARD: readonly { readonly name: string; readonly heard: Heard }[] = [
  { name: 'yes', heard: { kind: 'yes' } },
  { name: 'no', heard: { kind: 'no' } },
  { name: 'hedge', heard: { kind: 'hedge' } },
  { name: 'cramp eased', heard: { kind: 'cramp', eased: true } },
  { name: 'cramp not eased', heard: { kind: 'cramp', eased: false } },
  { name: 'cramp pain', heard: { kind: 'pain', how: 'cramp' } },
  { name: 'pain worse', heard: { kind: 'pain', how: 'worse' } },
  { name: 'sharp pain', heard: { kind: 'pain', how: 'sharp' } },
  ...REPORT_IDS.map((report) => ({ name: `report ${report}`, heard: { kind: 'report', report } as const })),
  ...(['repeat', 'help', 'next', 'back', 'startOver', 'tellMore', 'resume'] as const).map((command) => ({
    name: `command ${command}`,
    heard: { kind: 'command', command } as const,
  })),
  { name: 'unclear', heard: { kind: 'unclear' } },
];

/** A cramp-routine state at a step, with a question waiting. */
function waiting(pending: Pending, changes: Partial<SessionState> = {}): SessionState {
  return stateWith(newSession(NOW - 60_000), {
    routineId: 'cramp',
    stepIndex: 0,
    tries: 1,
    screening: { short: true, full: false, skipTouch: false },
    pending,
    ...changes,
  });
}

interface Case {
  readonly name: string;
  readonly state: SessionState;
  /** A red-flag question, a check, or a question that is not about safety. */
  readonly kind: 'redFlag' | 'reportCheck' | 'painCheck' | 'other';
}

const CASES: readonly Case[] = [
  {
    name: 'the chest-pain question',
    state: waiting({ kind: 'screen', stage: 'short', question: 0, from: 0, unclear: 0 }, { stepIndex: -1 }),
    kind: 'redFlag',
  },
  {
    name: 'the injury question',
    state: waiting({ kind: 'screen', stage: 'short', question: 1, from: 0, unclear: 0 }, { stepIndex: -1 }),
    kind: 'redFlag',
  },
  {
    name: 'the limb question before massage',
    state: waiting({ kind: 'screen', stage: 'full', question: 0, from: 2, unclear: 0 }, { stepIndex: 1 }),
    kind: 'redFlag',
  },
  {
    name: 'the first merged question of a resumed session',
    state: waiting({ kind: 'screen', stage: 'resume', question: 0, from: 2, unclear: 0 }, { stepIndex: -1 }),
    kind: 'redFlag',
  },
  {
    name: 'a report check',
    state: waiting({ kind: 'reportCheck', reason: 'coldLeg', unclear: 0 }),
    kind: 'reportCheck',
  },
  {
    name: 'the check after a hedge',
    state: waiting({
      kind: 'reportCheck',
      reason: 'emergencySigns',
      unclear: 0,
      hedged: true,
      back: { kind: 'screen', stage: 'short', question: 0, from: 0, unclear: 0 },
    }),
    kind: 'reportCheck',
  },
  {
    name: 'the pain check',
    state: waiting({ kind: 'painCheck', unclear: 0 }, { eased: true, stepIndex: 2 }),
    kind: 'painCheck',
  },
  { name: 'is the cramp easing?', state: waiting({ kind: 'easing' }), kind: 'other' },
  {
    name: 'the resume offer',
    state: stateWith(newSession(NOW), { pending: { kind: 'resume' } }),
    kind: 'other',
  },
  {
    name: 'the reminder offer',
    state: stateWith(newSession(NOW), { pending: { kind: 'reminderOffer' } }),
    kind: 'other',
  },
];

const said = (outcome: Outcome): string => toPlainText(outcome.speech);

describe.each(LOCALES)('%s: each waiting question owns its answers', (locale) => {
  const ctx = ctxFor(locale);
  const t = ctx.t;

  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const broken: string[] = [];
    for (const { name, heard } of HEARD) {
      const outcome = hearWaiting(c.state, heard, ctx) ?? hearAnywhere(c.state, heard, ctx);
      if (!outcome) continue;
      const text = said(outcome);
      const where = `${name}: ${text}`;
      const ownReport =
        heard.kind === 'report' &&
        c.kind === 'redFlag' &&
        (c.name.includes('chest')
          ? ['chestPain', 'faint']
          : c.name.includes('injury')
            ? ['injuryPop', 'swollenCalf', 'noWeight']
            : ['chestPain', 'faint', 'coldLeg', 'numbLeg']
        ).includes(heard.report);
      const mayCommand =
        (c.kind === 'redFlag' && (heard.kind === 'yes' || ownReport)) ||
        (c.kind === 'reportCheck' && (heard.kind === 'yes' || heard.kind === 'report')) ||
        (c.kind === 'painCheck' && heard.kind === 'yes');
      if (givesImperative(text, locale) && !mayCommand) broken.push(`imperative: ${where}`);
      if (outcome.state.flag && givesStep(text, locale)) broken.push(`step after a flag: ${where}`);
      const safety = c.kind !== 'other';
      const pending = c.state.pending;
      if (safety && heard.kind === 'cramp') {
        if (
          outcome.state.pending !== pending &&
          JSON.stringify(outcome.state.pending) !== JSON.stringify(pending)
        )
          broken.push(`cramp words answered or counted as unclear: ${where}`);
      }
      if (c.kind === 'redFlag' && heard.kind === 'hedge' && outcome.state.pending?.kind !== 'reportCheck')
        broken.push(`hedge not checked: ${where}`);
      if (c.kind === 'redFlag' && heard.kind === 'no' && outcome.state.flag)
        broken.push(`no taken as yes: ${where}`);
      if (safety && heard.kind === 'command' && ['back', 'startOver', 'next'].includes(heard.command)) {
        const movedOn = outcome.state.pending === undefined || outcome.state.pending.kind !== pending?.kind;
        if (c.kind !== 'redFlag' && movedOn) broken.push(`a check passed by a command: ${where}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('the cramp’s own pain before it eased: ease off and carry on; once eased: the check', () => {
    const easing = waiting({ kind: 'easing' });
    const before = hearWaiting(easing, { kind: 'pain', how: 'cramp' }, ctx);
    expect(before && said(before)).toContain(t('pain.easeOff'));
    expect(before && said(before)).not.toContain(t('pain.check'));
    const stepping = waiting(undefined as unknown as Pending, { pending: undefined, stepIndex: 1 });
    expect(said(hearAnywhere(stepping, { kind: 'pain', how: 'worse' }, ctx) ?? fail())).toContain(
      t('pain.easeOff'),
    );
    const eased = stateWith(stepping, { eased: true });
    expect(said(hearAnywhere(eased, { kind: 'pain', how: 'worse' }, ctx) ?? fail())).toContain(
      t('pain.check'),
    );
    expect(said(hearAnywhere(stepping, { kind: 'pain', how: 'sharp' }, ctx) ?? fail())).toContain(
      t('pain.check'),
    );
  });

  it('"still tight" at "is the cramp easing?" is not eased, and three of them never say it eased', () => {
    let state = waiting({ kind: 'easing' });
    let outcome: Outcome | undefined;
    for (let i = 0; i < 3; i++) {
      outcome = hearWaiting(state, { kind: 'cramp', eased: false }, ctx);
      if (!outcome) throw new Error('not heard');
      expect(outcome.state.eased).toBe(false);
      state = outcome.state;
      if (state.pending?.kind !== 'easing') break;
    }
    const onward =
      outcome &&
      hearWaiting(stateWith(state, { pending: undefined }), { kind: 'command', command: 'next' }, ctx);
    expect(onward).toBeUndefined();
  });

  it('a hedge at the chest-pain question, then no: the question’s clear no, on to the next question', () => {
    const asked = CASES[0]?.state ?? fail();
    const check = hearWaiting(asked, { kind: 'hedge' }, ctx) ?? fail();
    expect(givesImperative(said(check), locale)).toBe(false);
    expect(said(check)).toContain(t('flag.check'));
    const no = hearWaiting(check.state, { kind: 'no' }, ctx) ?? fail();
    expect(no.state.pending).toMatchObject({ kind: 'screen', stage: 'short', question: 1 });
    expect(no.state.flag).toBeUndefined();
  });

  it('a report check the session ends on counts as yes: the saved progress is cleared', () => {
    const state = stateWith(CASES[4]?.state ?? fail(), {
      stored: { ...newSession(NOW).stored, progress: { routineId: 'cramp', stepIndex: 0 } },
    });
    expect(unansweredAtEnd(state)?.state.stored.progress).toBeUndefined();
    expect(unansweredAtEnd(waiting({ kind: 'easing' }))).toBeUndefined();
  });
});

function fail(): never {
  throw new Error('no outcome');
}
