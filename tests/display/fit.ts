import { writtenNumber } from '../../lambda/display/screens';
import type { Value } from './apl-expr';
import {
  applyBudgets,
  AVERAGE_CHAR_EM,
  BOLD_CHAR_EM,
  boxes,
  render,
  ROUND_MARGIN,
  visible,
  type Box,
} from './apl-layout';
import { budgetsFor, DOCUMENT_NAMES, type DocumentName } from './budgets';
import type { Screen } from './screens';
import { profileOf, type Device, type ProfileId } from './viewports';
import { overlong, wrap } from './wrap';

/**
 * The checks of one screen on one device: each document's layout
 * is the one its viewport profile asks for, each text stays within the budget its profile sets
 * (characters a line, lines a block), the budget fits the text's width at its font size, the blocks at
 * their budget fit the screen (inside the circle on Echo Spot, inside the overscan-safe area on a TV),
 * and a red flag's screen holds its action and every number the speech says, written as people write it.
 */

/** The layout each profile family gets, per document. */
export const LAYOUTS: Readonly<Record<DocumentName, Readonly<Record<ProfileId, string>>>> = {
  step: {
    hubRoundSmall: 'StepRound',
    hubLandscapeSmall: 'StepCompact',
    hubLandscapeMedium: 'StepLandscape',
    hubLandscapeLarge: 'StepLandscape',
    hubLandscapeXLarge: 'StepWall',
    tvLandscapeXLarge: 'StepLandscape',
  },
  message: {
    hubRoundSmall: 'MessageRound',
    hubLandscapeSmall: 'MessageCard',
    hubLandscapeMedium: 'MessageCard',
    hubLandscapeLarge: 'MessageCard',
    hubLandscapeXLarge: 'MessageWall',
    tvLandscapeXLarge: 'MessageCard',
  },
  flag: {
    hubRoundSmall: 'FlagRound',
    hubLandscapeSmall: 'FlagCard',
    hubLandscapeMedium: 'FlagCard',
    hubLandscapeLarge: 'FlagCard',
    hubLandscapeXLarge: 'FlagCard',
    tvLandscapeXLarge: 'FlagCard',
  },
};

export const documentOf = (screen: Screen): DocumentName => {
  const name = DOCUMENT_NAMES.find((n) => n in screen.datasources);
  if (!name) throw new Error(`${screen.where}: unknown datasource ${Object.keys(screen.datasources).join()}`);
  return name;
};

/** Text the person reads as safety advice: a red flag's screen, a safety question, a step. */
function isSafety(name: DocumentName, screen: Screen): boolean {
  if (name !== 'message') return true;
  return (screen.datasources.message as { safety?: boolean }).safety === true;
}

/** The numbers the speech says digit by digit, as the screen must write them. */
const spokenNumbers = (ssml: string): string[] =>
  [...ssml.matchAll(/<say-as interpret-as="digits">(\d+)<\/say-as>/g)].map((m) => writtenNumber(m[1] ?? ''));

const TOLERANCE = 0.5;

/** The problems of one screen on one device; [] when it fits. */
export function check(screen: Screen, device: Device): string[] {
  const name = documentOf(screen);
  const rendered = render(screen.document, screen.datasources, device);
  const where = `${screen.locale} · ${device.name} · ${name} (${screen.where})`;
  const budgets = budgetsFor(name, device, screen.datasources);
  const problems = applyBudgets(rendered, device, budgets).map((p) => `${where}: ${p}`);
  const profile = profileOf(device)?.id;
  if (!profile) return [`${where}: no viewport profile`];
  if (rendered.layout !== LAYOUTS[name][profile])
    problems.push(`${where}: layout ${rendered.layout}, not ${LAYOUTS[name][profile]}`);
  const safety = isSafety(name, screen);
  const texts: string[] = [];
  for (const box of boxes(rendered.root)) {
    const t = box.text;
    if (!t) continue;
    texts.push(t.text);
    const at = `${where}: ${t.id} "${t.text}"`;
    const needed = t.chars * t.fontSize * (t.bold ? BOLD_CHAR_EM : AVERAGE_CHAR_EM);
    if (needed > t.contentWidth + TOLERANCE)
      problems.push(
        `${at}: ${String(t.chars)} characters need ${needed.toFixed(0)} dp, the text is ${t.contentWidth.toFixed(0)} dp wide`,
      );
    const lines = wrap(t.text, t.chars).length;
    if (t.maxLines > 0) {
      if (safety) problems.push(`${at}: safety text with maxLines`);
      if (t.maxLines !== t.lines)
        problems.push(`${at}: maxLines ${String(t.maxLines)}, budget ${String(t.lines)} lines`);
      // Text that may be cut is never cut before a phone number it gives.
      const shown = wrap(t.text, t.chars).slice(0, t.maxLines).join(' ');
      for (const number of t.text.match(/\d[\d ]*\d|\d/g) ?? [])
        if (!shown.includes(number.trim())) problems.push(`${at}: cut before ${number}`);
    } else if (lines > t.lines) {
      problems.push(
        `${at}: ${String(lines)} lines of ${String(t.chars)} characters, budget ${String(t.lines)}`,
      );
    }
    const long = overlong(t.text, t.chars);
    if (long.length > 0) problems.push(`${at}: ${long.join(', ')} longer than a line`);
    if (/\d \d/.test(t.text.replace(/\b1[38]00 \d{3} \d{3}\b/g, '')))
      problems.push(`${at}: a number spaced out`);
    if (t.text.includes('…')) problems.push(`${at}: an ellipsis`);
  }
  problems.push(...fits(rendered.root, device).map((p) => `${where}: ${p}`));
  // On a rectangle, any text within its budget fits: the layout holds every block at its budget's last line.
  if (device.shape !== 'round') {
    const worst = render(screen.document, screen.datasources, device);
    applyBudgets(worst, device, budgets, true);
    problems.push(...fits(worst.root, device).map((p) => `${where}: at the budgets' full lines, ${p}`));
  }
  if (name === 'flag') {
    const flag = screen.datasources.flag as Record<string, Value>;
    if (!flag.action) problems.push(`${where}: no action`);
    const shown = texts.join(' ');
    for (const number of spokenNumbers(screen.ssml))
      if (!shown.includes(number)) problems.push(`${where}: the speech says ${number}, the screen does not`);
  }
  return problems;
}

/** Every visible box inside the screen: the circle, or the rectangle less the TV's overscan margins. */
function fits(root: Box, device: Device): string[] {
  const problems: string[] = [];
  if (root.h > device.height + TOLERANCE || root.w > device.width + TOLERANCE)
    problems.push(`the layout is ${root.w.toFixed(0)} × ${root.h.toFixed(0)} dp`);
  for (const box of boxes(root))
    if (box.overflow > TOLERANCE)
      problems.push(`${box.path}: its content overruns it by ${box.overflow.toFixed(0)} dp`);
  const r = device.width / 2;
  for (const box of visible(root)) {
    const name = `${box.path} at ${box.x.toFixed(0)},${box.y.toFixed(0)} ${box.w.toFixed(0)} × ${box.h.toFixed(0)}`;
    if (device.shape === 'round') {
      const dx = Math.max(Math.abs(box.x - r), Math.abs(box.x + box.w - r));
      const dy = Math.max(Math.abs(box.y - r), Math.abs(box.y + box.h - r));
      if (Math.hypot(dx, dy) > r - ROUND_MARGIN + TOLERANCE) problems.push(`${name} leaves the circle`);
    } else if (
      box.x < device.safe.x - TOLERANCE ||
      box.y < device.safe.y - TOLERANCE ||
      box.x + box.w > device.width - device.safe.x + TOLERANCE ||
      box.y + box.h > device.height - device.safe.y + TOLERANCE
    ) {
      problems.push(`${name} leaves the ${device.safe.x > 0 ? 'safe area' : 'screen'}`);
    }
  }
  return problems;
}
