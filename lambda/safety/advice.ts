import { writtenNumber, type FlagScreen } from '../display/screens';
import { conditionKey, reasonKey } from '../speech/keys';
import { say, type Part, type Speech } from '../speech/ssml';
import type { MessageKey, Translate } from '../speech/translate';
import { routeOf, type FlagLevel, type FlagReason } from './red-flags';
import { numbersFor, type LocaleNumbers } from './phone-numbers';

const MARK = '\u0000';

/**
 * A translated sentence whose {{number}} placeholders (number, ambulance) are spoken digit by digit:
 * the sentence is split around them, so translations can put the numbers anywhere.
 */
export function sentenceWithNumbers(
  t: Translate,
  key: MessageKey,
  numbers: Readonly<Record<string, string | Part>>,
  slow = false,
  words: Readonly<Record<string, string>> = {},
): Part[] {
  const marks = Object.fromEntries(Object.keys(numbers).map((name) => [name, `${MARK}${name}${MARK}`]));
  const pieces = t(key, { ...words, ...marks }).split(MARK);
  const parts: Part[] = [];
  pieces.forEach((piece, i) => {
    const number = numbers[piece];
    if (i % 2 === 1 && number !== undefined)
      parts.push(typeof number === 'string' ? { digits: number, slow } : number);
    else if (piece.trim()) parts.push(say(piece.trim()));
  });
  return parts;
}

function emergencyNumbers(numbers: LocaleNumbers): Record<string, string | Part> {
  return {
    number: numbers.emergencySaid ? say(numbers.emergencySaid) : numbers.emergency,
    ...(numbers.ambulance ? { ambulance: numbers.ambulance } : {}),
  };
}

/** "Call 911 now. 911.": the number first, and twice, slowly the second time; never implies the skill calls. */
function callNow(locale: string, t: Translate): Part[] {
  const numbers = numbersFor(locale);
  if (!numbers) return [say(t('flag.callLocal'))];
  return [
    ...sentenceWithNumbers(t, 'flag.call', emergencyNumbers(numbers)),
    ...sentenceWithNumbers(t, 'flag.numberAgain', emergencyNumbers(numbers), true),
  ];
}

/** Where to get seen today, with the advice line where the locale has a verified one. */
function seenToday(locale: string, t: Translate): Part[] {
  const advice = numbersFor(locale)?.advice;
  return advice
    ? sentenceWithNumbers(t, 'flag.seenTodayWithNumber', { number: advice })
    : [say(t('flag.seenToday'))];
}

function ifWorse(locale: string, t: Translate): Part[] {
  const numbers = numbersFor(locale);
  return numbers
    ? sentenceWithNumbers(t, 'flag.ifWorse', emergencyNumbers(numbers))
    : [say(t('flag.ifWorseLocal'))];
}

const HARD_STOP_REASONS: ReadonlySet<FlagReason> = new Set(['longCramp', 'painWorse']);

/** Flags about the body, not a leg the person named (dark urine): the advice names no leg. */
const NO_LEG_NAMED: ReadonlySet<FlagReason> = new Set(['runUrine']);

/**
 * The advice for a red flag after a clear yes or a confirmed report, as imperatives: facts §5(a)
 * emergency (the number first) or §5(b) urgent (the reason the person gave, and where to go today).
 */
export function flagAdvice(level: FlagLevel, reason: FlagReason, locale: string, t: Translate): Speech {
  if (level === 'emergency') {
    return [...callNow(locale, t), say(t('flag.emergencyStop')), say(t('flag.noDriving'))];
  }
  const where = routeOf(reason) === 'emergencyDept' ? [say(t('flag.emergencyDept'))] : seenToday(locale, t);
  return [
    say(
      t(
        HARD_STOP_REASONS.has(reason)
          ? 'flag.hardStop'
          : NO_LEG_NAMED.has(reason)
            ? 'flag.urgentStopNoLeg'
            : 'flag.urgentStop',
      ),
    ),
    say(t(reasonKey(reason))),
    ...where,
    ...ifWorse(locale, t),
    say(t('flag.cannotCall')),
  ];
}

/**
 * The same advice as a condition, for an answer that was never a clear yes (facts §5, how to ask):
 * "If you have chest pain…, call 911 now: 911."
 */
export function conditionalAdvice(
  level: FlagLevel,
  reason: FlagReason,
  locale: string,
  t: Translate,
): Speech {
  const condition = t(conditionKey(reason));
  const numbers = numbersFor(locale);
  if (level === 'emergency') {
    return numbers
      ? sentenceWithNumbers(t, 'flag.ifEmergency', emergencyNumbers(numbers), false, { condition })
      : [say(t('flag.ifEmergencyLocal', { condition }))];
  }
  const key =
    routeOf(reason) === 'emergencyDept'
      ? 'flag.ifUrgentDept'
      : NO_LEG_NAMED.has(reason)
        ? 'flag.ifUrgentNoLeg'
        : 'flag.ifUrgent';
  return [say(t(key, { condition }))];
}

/**
 * The screen for a red flag, written for reading rather than copied from the speech: the action and its
 * number first, then at most two short lines; the full wording stays in the speech. Advice given as a
 * condition (the answer was never a clear yes) shows the condition above it.
 */
export function flagDisplay(
  flag: {
    readonly level: FlagLevel;
    readonly reason: FlagReason;
    readonly confirmed: boolean;
    /** Given as a condition while the routine goes on, leaving out only massage, warmth and cold. */
    readonly goesOn?: boolean;
  },
  locale: string,
  t: Translate,
): FlagScreen {
  const numbers = numbersFor(locale);
  const { level, reason, confirmed } = flag;
  const unclear = t(flag.goesOn === true ? 'display.flag.goesOn' : 'display.flag.unclear');
  // Written for the screen for every advice the routines give as a condition (a short screen's questions,
  // and the clot question a locked session falls back to); any other reads as spoken.
  const written = `display.flag.if.${reason}` as MessageKey;
  const condition = confirmed ? '' : t(written) === written ? `${t(conditionKey(reason))}?` : t(written);
  const emergencyNumber = numbers ? writtenNumber(numbers.emergency) : '';
  const ambulance = numbers?.ambulance ? writtenNumber(numbers.ambulance) : '';
  const ifWorse = numbers
    ? t('display.flag.ifWorse', {
        number: ambulance
          ? t('display.flag.numbers', { number: emergencyNumber, ambulance })
          : emergencyNumber,
      })
    : t('display.flag.ifWorseLocal');
  if (level === 'emergency') {
    return {
      kind: 'flag',
      level,
      condition,
      action: t(numbers ? 'display.flag.callNow' : 'display.flag.callLocal'),
      numberLabel: '',
      number: emergencyNumber,
      alternative: ambulance ? t('display.flag.ambulance', { ambulance }) : '',
      lines: [t('display.flag.cannotCall'), confirmed ? t('display.flag.stop') : unclear],
    };
  }
  // The emergency department's local name ("A&E") comes from the spoken line, a short imperative already.
  const dept = routeOf(reason) === 'emergencyDept';
  const advice = !dept && confirmed && numbers?.advice ? writtenNumber(numbers.advice) : '';
  const noTouch = confirmed
    ? t(HARD_STOP_REASONS.has(reason) ? 'display.flag.noMoreToday' : 'display.flag.noTouch')
    : t('display.flag.noTouchIf');
  return {
    kind: 'flag',
    level,
    condition,
    action: dept ? t('flag.emergencyDept').replace(/\.$/, '') : t('display.flag.checkedToday'),
    numberLabel: advice ? t('display.flag.orCall') : '',
    number: advice,
    alternative: '',
    lines: [noTouch, confirmed ? ifWorse : unclear],
  };
}
