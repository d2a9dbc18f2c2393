import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROUTINES } from '../lambda/routines/data';
import { conditionalAdvice, flagAdvice } from '../lambda/safety/advice';
import { numbersFor } from '../lambda/safety/phone-numbers';
import {
  EPISODE_LIMIT_MS,
  HARD_STOPS,
  MAX_UNCLEAR_ANSWERS,
  REPORTS,
  SCREEN_QUESTIONS,
  isScreenQuestionId,
  type FlagLevel,
  type FlagReason,
} from '../lambda/safety/red-flags';
import { translatorFor } from '../lambda/speech/i18n';
import { screenKey } from '../lambda/speech/keys';
import { toPlainText } from '../lambda/speech/ssml';
import type { Translate } from '../lambda/speech/translate';
import { wordsTable } from './safety-words';

/**
 * docs/safety.md, for a clinician's review: built from the skill's own tables and strings, so it says
 * exactly what the skill says. `npm run safety-doc` writes it; a test fails when it is out of date.
 */

const LOCALES = ['en-US', 'en-GB', 'en-CA', 'en-AU', 'en-IN', 'de-DE', 'es-US'] as const;

/** One table cell: pipes escaped, white space folded, no space before punctuation. */
const cell = (text: string): string =>
  text
    .replace(/\|/g, '\\|')
    .replace(/\s+/g, ' ')
    .replace(/ ([.,?!:])/g, '$1')
    .trim();

function advice(level: FlagLevel, reason: FlagReason, locale: string, t: Translate): string {
  return cell(toPlainText(flagAdvice(level, reason, locale, t)));
}

function condition(level: FlagLevel, reason: FlagReason, locale: string, t: Translate): string {
  return cell(toPlainText(conditionalAdvice(level, reason, locale, t)));
}

function screenTable(
  ids: readonly string[],
  stage: 'short' | 'full',
  locale: string,
  t: Translate,
): string[] {
  const rows = [
    '| question, as spoken | yes | no | unclear twice | facts |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const id of ids) {
    if (!isScreenQuestionId(id)) continue;
    const question = SCREEN_QUESTIONS[id];
    const facts = question.facts.map((ref) => `§${ref}`).join(', ');
    const next = 'the next question, then the step';
    if (question.onYes === 'skipTouch') {
      const skip = cell(t('screen.skipTouch'));
      rows.push(
        `| ${cell(t(screenKey(id)))} | ${skip} | ${next} | ${cell(t('screen.skipTouchUnclear'))} | ${facts} |`,
      );
      continue;
    }
    const unclear =
      stage === 'short'
        ? `${cell(t('flag.stillUnclear'))} ${condition(question.onYes, id, locale, t)} ${cell(t('flag.startAgain'))} (session ends)`
        : `${cell(t('screen.skipTouchUnclear'))} ${condition(question.onYes, id, locale, t)} (no massage, heat or cold)`;
    rows.push(
      `| ${cell(t(screenKey(id)))} | ${advice(question.onYes, id, locale, t)} (session ends) | ${next} | ${unclear} | ${facts} |`,
    );
  }
  return rows;
}

function localeSection(locale: string): string[] {
  const t = translatorFor(locale);
  const numbers = numbersFor(locale);
  const lines = [
    `## ${locale}`,
    '',
    numbers
      ? `Numbers said: emergency ${numbers.emergency}${numbers.ambulance ? ` (ambulance ${numbers.ambulance})` : ''}${numbers.advice ? `, advice line ${numbers.advice}` : ''} (facts §6).`
      : 'Numbers said: none; "your local emergency number" (facts §6).',
    '',
  ];
  for (const routine of Object.values(ROUTINES)) {
    lines.push(`### ${t(`routines.${routine.id}.name`)}`, '');
    lines.push('Before the first step:', '', ...screenTable(routine.shortScreen, 'short', locale, t), '');
    if (routine.fullScreen.length > 0) {
      lines.push(
        'Before massage, heat or cold:',
        '',
        ...screenTable(routine.fullScreen, 'full', locale, t),
        '',
      );
    }
    if (routine.resumeScreen.length > 0) {
      lines.push(
        'A session that starts at massage, heat or cold (both screens, merged):',
        '',
        ...screenTable(routine.resumeScreen, 'full', locale, t),
        '',
      );
    }
  }
  lines.push('### Reports at any moment', '');
  lines.push('| report | said at once, as a condition, with one check | yes, or no answer | no | facts |');
  lines.push('| --- | --- | --- | --- | --- |');
  for (const [id, report] of Object.entries(REPORTS) as [
    keyof typeof REPORTS,
    (typeof REPORTS)[keyof typeof REPORTS],
  ][]) {
    const check = `${condition(report.level, id, locale, t)} ${cell(t('flag.check'))}`;
    const facts = report.facts.map((ref) => `§${ref}`).join(', ');
    lines.push(
      `| ${id} | ${check} | ${advice(report.level, id, locale, t)} (session ends) | back to where the person was; the full screen is asked again before massage | ${facts} |`,
    );
  }
  lines.push('', '### Hard stops', '');
  lines.push('| stop | what is said | facts |', '| --- | --- | --- |');
  for (const [id, stop] of Object.entries(HARD_STOPS) as [
    keyof typeof HARD_STOPS,
    (typeof HARD_STOPS)[keyof typeof HARD_STOPS],
  ][]) {
    lines.push(
      `| ${id} | ${advice(stop.level, id, locale, t)} (session ends; saved progress cleared) | ${stop.facts.map((ref) => `§${ref}`).join(', ')} |`,
    );
  }
  lines.push('');
  return lines;
}

export function safetyDoc(): string {
  return [
    '# The safety screen, as Calf Coach says it',
    '',
    "Generated by `npm run safety-doc` from the skill's own tables (`lambda/safety/`, `lambda/routines/data.ts`)",
    'and strings (`lambda/speech/locales/`); a test fails when this file is out of date. Do not edit by hand.',
    '',
    'Rules for every question (facts §5, product decision 2):',
    '',
    '- "Yes" always means worrying; a clear yes gives the action in the "yes" column at once.',
    `- An unclear answer is asked once more (${String(MAX_UNCLEAR_ANSWERS)} more try); still unclear gives the "unclear twice" column: advice as a condition, never an imperative.`,
    '- Stop, cancel and pause end the session with progress kept; help, repeat and "what?" ask the same question again, slowly; next and go back never pass an unanswered question. None of them counts as unclear or leads to advice.',
    `- A cramp that has not eased after ${String(EPISODE_LIMIT_MS / 60000)} minutes, and pain confirmed as severe or getting worse, are hard stops. After any flag or hard stop nothing but the advice follows in that session, and the saved progress is cleared.`,
    '- Pain that got worse but is not severe leaves out every massage, heat and cold step.',
    '',
    ...wordsTable(),
    '',
    ...LOCALES.flatMap(localeSection),
  ].join('\n');
}

function main(): void {
  const file = path.resolve(process.argv[2] ?? process.cwd(), 'docs', 'safety.md');
  writeFileSync(file, safetyDoc());
  console.log(`Wrote ${file}`);
}

if (require.main === module) main();
