import { writtenNumber } from '../../lambda/display/screens';
import type { Value } from './apl-expr';
import type { DocumentName } from './documents';
import { DOCUMENT_NAMES } from './documents';
import { draws, layOut, lineBoxes, withAncestors } from './layout';
import type { Screen } from './screens';
import { profileOf, type Device, type ProfileId } from './viewports';

/**
 * The checks of one screen on one device, on the layout Yoga gives the real document (./layout.ts):
 * the layout is the one its viewport profile asks for; every Text and every bar is wholly inside the
 * screen (the circle on Echo Spot, the overscan-safe area on a TV) and inside every component that holds
 * it (APL core does not draw a child laid out outside its parent); no text is cut, ellipsed or broken
 * inside a word; a step card with a timed hold shows its countdown bar; a red flag's screen holds its
 * action and every number the speech says, written as people write it.
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

/** Yoga rounds every edge to the device's pixels, a Text's outwards: up to 2 px (1.5 dp at 213 dpi) and a glyph's side bearing. */
const TOLERANCE = 2;
/** How far inside the circle a round screen's text and bars stay. */
export const ROUND_MARGIN = 4;

interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

const at = (r: Rect): string => `${r.x.toFixed(0)},${r.y.toFixed(0)} ${r.w.toFixed(0)} × ${r.h.toFixed(0)}`;

const inside = (inner: Rect, outer: Rect): boolean =>
  inner.x >= outer.x - TOLERANCE &&
  inner.y >= outer.y - TOLERANCE &&
  inner.x + inner.w <= outer.x + outer.w + TOLERANCE &&
  inner.y + inner.h <= outer.y + outer.h + TOLERANCE;

/** Where a rectangle leaves the screen: the circle, or the rectangle less the TV's overscan margins. */
function offScreen(r: Rect, device: Device): string | undefined {
  if (device.shape === 'round') {
    const radius = device.width / 2;
    const dx = Math.max(Math.abs(r.x - radius), Math.abs(r.x + r.w - radius));
    const dy = Math.max(Math.abs(r.y - radius), Math.abs(r.y + r.h - radius));
    const out = Math.hypot(dx, dy) - (radius - ROUND_MARGIN);
    return out > TOLERANCE ? `leaves the circle by ${out.toFixed(0)} dp` : undefined;
  }
  const safe = {
    x: device.safe.x,
    y: device.safe.y,
    w: device.width - 2 * device.safe.x,
    h: device.height - 2 * device.safe.y,
  };
  if (inside(r, safe)) return undefined;
  return `leaves the ${device.safe.x > 0 ? 'safe area' : 'screen'} (${at(r)})`;
}

const quoted = (text: string): string => `"${text.length > 48 ? `${text.slice(0, 45)}…` : text}"`;

/** The problems of one screen on one device; [] when it shows in full. */
export function check(screen: Screen, device: Device): string[] {
  const name = documentOf(screen);
  const where = `${screen.locale} · ${device.name} · ${name} (${screen.where})`;
  const profile = profileOf(device)?.id;
  if (!profile) return [`${where}: no viewport profile`];
  const laid = layOut(screen.document, screen.datasources, device);
  const problems: string[] = [];
  const say = (p: string): void => {
    problems.push(`${where}: ${p}`);
  };
  if (laid.layout !== LAYOUTS[name][profile]) say(`layout ${laid.layout}, not ${LAYOUTS[name][profile]}`);
  const safety = isSafety(name, screen);
  const texts: string[] = [];
  for (const { box, ancestors } of withAncestors(laid.root)) {
    if (!draws(box)) continue;
    const t = box.text;
    const what = t ? `${box.id || box.path} ${quoted(t.text)}` : box.id || box.path;
    // The component wholly inside every component that holds it, and inside the screen; on a round
    // screen, what it draws (a Frame, each line of a Text) inside the circle.
    const own = { x: box.x, y: box.y, w: box.w, h: box.h };
    const parent = ancestors.find((a) => !inside(own, a));
    if (parent) say(`${what} at ${at(own)} is outside ${parent.id || parent.path} at ${at(parent)}`);
    const screenRect = { x: 0, y: 0, w: device.width, h: device.height };
    const drawn: (Rect & { text?: string })[] =
      device.shape === 'round' ? (t ? lineBoxes(box) : [own]) : [own];
    const off = drawn.map((r) => ({
      r,
      off: inside(r, screenRect) ? offScreen(r, device) : 'leaves the screen',
    }));
    const first = off.find((o) => o.off !== undefined);
    if (first)
      say(`${what}${first.r.text === undefined ? '' : `: the line "${first.r.text}"`} ${first.off ?? ''}`);
    if (!t) continue;
    texts.push(t.text);
    if (t.shown < t.lines.length)
      say(
        `${what} is cut after ${String(t.shown)} of its ${String(t.lines.length)} lines at ${box.w.toFixed(0)} dp wide` +
          (t.maxLines > 0 ? ` (maxLines ${String(t.maxLines)})` : ''),
      );
    if (t.maxLines > 0 && safety) say(`${what}: safety text with maxLines`);
    if (t.brokenWords.length > 0)
      say(`${what}: ${t.brokenWords.join(', ')} wider than the text, broken inside`);
    if (/\d \d/.test(t.text.replace(/\b1[38]00 \d{3} \d{3}\b/g, ''))) say(`${what}: a number spaced out`);
    if (t.text.includes('…')) say(`${what}: an ellipsis`);
  }
  if (name === 'step') {
    const step = screen.datasources.step as { holdSeconds?: number };
    const bars = withAncestors(laid.root).filter(({ box }) => box.id === 'countdownBar');
    if ((step.holdSeconds ?? 0) > 0 && bars.length !== 1) say('a timed hold without its countdown bar');
  }
  if (name === 'flag') {
    const flag = screen.datasources.flag as Record<string, Value>;
    if (!flag.action) say('no action');
    const shown = texts.join(' ');
    for (const number of spokenNumbers(screen.ssml))
      if (!shown.includes(number)) say(`the speech says ${number}, the screen does not`);
  }
  return problems;
}
