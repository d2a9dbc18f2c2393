import { asText, bind, isTruthy, type Scope, type Value } from './apl-expr';
import { profileOf, viewportProfilesPackage, type Device, type ProfileId } from './viewports';
import { wrap } from './wrap';

/**
 * A small APL inflater and layout for the tests: it picks what the device would (resources and layouts
 * by `when`, with `@viewportProfile` from the viewport), binds the data, and lays out the components the
 * Calf Coach documents use (Container, Frame, Text; column and row; padding, spacing, grow, alignItems,
 * justifyContent, absolute position, bind) the way APL's flexbox does. It does not shape glyphs: a Text's
 * text is wrapped at its budget's characters a line (lambda/display/budgets.json; the Text must be wide
 * enough for them, at fontSize × AVERAGE_CHAR_EM each, BOLD_CHAR_EM bold), and is as tall as those lines
 * (at most its budget's lines, or its maxLines) at fontSize × lineHeight.
 */

/**
 * Average advance of a character of running text, in em, for Amazon Ember (the Alexa devices' font):
 * Latin text in a grotesque like Ember or Arial averages under 0.5 em including spaces and capitals;
 * 0.55 leaves room for German capitals and long words breaking early. Bold runs wider.
 */
export const AVERAGE_CHAR_EM = 0.55;
export const BOLD_CHAR_EM = 0.6;
/** APL's default Text lineHeight. */
export const DEFAULT_LINE_HEIGHT = 1.25;
/** How far inside the circle a round screen's content must stay. */
export const ROUND_MARGIN = 8;

export interface TextBox {
  readonly id: string;
  readonly text: string;
  readonly fontSize: number;
  readonly bold: boolean;
  /** 0: no limit. */
  readonly maxLines: number;
  readonly lineHeight: number;
  readonly chars: number;
  readonly lines: number;
  /** Width available to the glyphs: the Text's width less its padding. */
  readonly contentWidth: number;
}

export interface Box {
  readonly type: string;
  readonly path: string;
  x: number;
  y: number;
  w: number;
  h: number;
  readonly props: Readonly<Record<string, Value>>;
  readonly children: Box[];
  readonly text?: TextBox;
  readonly absolute: boolean;
  /** How far the children overrun the box along its direction (dp); 0 when they fit. */
  overflow: number;
}

export interface Rendered {
  readonly profile: ProfileId | undefined;
  /** The layout mainTemplate chose. */
  readonly layout: string;
  readonly root: Box;
  readonly resources: Readonly<Record<string, Value>>;
  readonly viewport: { readonly width: number; readonly height: number };
}

type Json = Record<string, unknown>;

const RESOURCE_KINDS = ['colors', 'dimensions', 'numbers', 'strings', 'booleans', 'easing'];
const PRIMITIVES = new Set(['Container', 'Frame', 'Text']);

function viewportData(device: Device): Record<string, Value> {
  return {
    width: device.width,
    height: device.height,
    shape: device.shape,
    mode: device.mode,
    dpi: device.dpi,
    pixelWidth: Math.round((device.width * device.dpi) / 160),
    pixelHeight: Math.round((device.height * device.dpi) / 160),
    theme: 'dark',
  };
}

function collectResources(blocks: unknown, scope: Scope, into: Record<string, Value>): void {
  for (const block of (blocks ?? []) as Json[]) {
    if (block.when !== undefined && !isTruthy(bind(block.when, { ...scope, resources: into }))) continue;
    for (const kind of RESOURCE_KINDS) {
      const values = block[kind] as Json | undefined;
      if (values)
        for (const [name, v] of Object.entries(values)) into[name] = bind(v, { ...scope, resources: into });
    }
  }
}

function dimension(value: Value, base: number, device: Device): number | undefined {
  if (value === undefined || value === null || value === 'auto') return undefined;
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') throw new Error(`not a dimension: ${JSON.stringify(value)}`);
  const m = /^(-?[0-9.]+)(dp|vw|vh|%)?$/.exec(value.trim());
  if (!m) throw new Error(`not a dimension: ${value}`);
  const n = parseFloat(m[1] ?? '0');
  switch (m[2]) {
    case 'vw':
      return (n * device.width) / 100;
    case 'vh':
      return (n * device.height) / 100;
    case '%':
      return (n * base) / 100;
    default:
      return n;
  }
}

/** The resources a document has on a device: the imported profiles package's, then its own, by `when`. */
export function resourcesFor(document: Json, device: Device): Record<string, Value> {
  const viewport = viewportData(device);
  const packageResources: Record<string, Value> = {};
  const imports = (document.import ?? []) as Json[];
  if (imports.some((i) => i.name === 'alexa-viewport-profiles'))
    collectResources(
      viewportProfilesPackage().resources,
      { data: { viewport }, resources: {} },
      packageResources,
    );
  const resources: Record<string, Value> = { ...packageResources };
  collectResources(document.resources, { data: { viewport }, resources }, resources);
  return resources;
}

/** Renders a document with its datasources on a device, as far as the tests need. */
export function render(document: Json, datasources: Json, device: Device): Rendered {
  const viewport = viewportData(device);
  const resources = resourcesFor(document, device);
  const layouts = (document.layouts ?? {}) as Record<string, Json>;
  const main = document.mainTemplate as Json;
  const [parameter] = (main.parameters ?? ['payload']) as string[];
  const scope: Scope = { data: { viewport, [parameter ?? 'payload']: datasources as Value }, resources };
  const chosen = firstWhen(main.items, scope);
  if (!chosen) throw new Error('mainTemplate inflates nothing');
  const root = inflate(chosen, scope, layouts, 'mainTemplate', device);
  if (!root) throw new Error('mainTemplate inflates nothing');
  measure(root, device.width, device.height, device);
  return {
    profile: profileOf(device)?.id,
    layout: String(chosen.type),
    root,
    resources,
    viewport: { width: device.width, height: device.height },
  };
}

function listOf(items: unknown): Json[] {
  if (items === undefined) return [];
  return (Array.isArray(items) ? items : [items]) as Json[];
}

function firstWhen(items: unknown, scope: Scope): Json | undefined {
  return listOf(items).find((item) => item.when === undefined || isTruthy(bind(item.when, scope)));
}

function inflate(
  component: Json,
  scope: Scope,
  layouts: Record<string, Json>,
  path: string,
  device: Device,
): Box | undefined {
  if (component.when !== undefined && !isTruthy(bind(component.when, scope))) return undefined;
  const type = String(component.type);
  const layout = layouts[type];
  if (layout) {
    const data: Record<string, Value> = { ...scope.data };
    for (const p of (layout.parameters ?? []) as (Json | string)[]) {
      const name = typeof p === 'string' ? p : String(p.name);
      const given = component[name];
      data[name] =
        given !== undefined ? bind(given, scope) : typeof p === 'string' ? undefined : bind(p.default, scope);
    }
    const inner: Scope = { data, resources: scope.resources };
    const chosen = firstWhen(layout.items ?? layout.item, inner);
    if (!chosen) return undefined;
    const names = new Set(
      ((layout.parameters ?? []) as (Json | string)[]).map((p) =>
        typeof p === 'string' ? p : String(p.name),
      ),
    );
    const others = Object.keys(component).filter(
      (key) => key !== 'type' && key !== 'when' && !names.has(key),
    );
    if (others.length > 0)
      throw new Error(`${path}: ${type} is given ${others.join(', ')}, which it has no parameter for`);
    return inflate(chosen, inner, layouts, `${path}/${type}`, device);
  }
  if (!PRIMITIVES.has(type)) throw new Error(`${path}: component ${type} is not one the tests lay out`);
  // `bind` names values for the component's own properties and its children, in order.
  const bound: Record<string, Value> = { ...scope.data };
  for (const b of (component.bind ?? []) as Json[])
    bound[String(b.name)] = bind(b.value, { data: bound, resources: scope.resources });
  const childScope: Scope = { data: bound, resources: scope.resources };
  const props: Record<string, Value> = {};
  for (const [key, value] of Object.entries(component)) {
    if (key === 'items' || key === 'item' || key === 'when' || key === 'bind') continue;
    props[key] = bind(value, childScope);
  }
  const kids =
    type === 'Container'
      ? listOf(component.items ?? component.item)
      : type === 'Frame'
        ? [firstWhen(component.items ?? component.item, scope)].filter((c): c is Json => c !== undefined)
        : [];
  const children = kids
    .map((kid, i) => inflate(kid, childScope, layouts, `${path}/${type}[${String(i)}]`, device))
    .filter((b): b is Box => b !== undefined);
  return {
    type,
    path: `${path}/${type}${typeof props.id === 'string' ? `#${props.id}` : ''}`,
    x: 0,
    y: 0,
    w: 0,
    h: 0,
    props,
    children,
    absolute: props.position === 'absolute',
    overflow: 0,
  };
}

const pad = (box: Box, side: 'Left' | 'Right' | 'Top' | 'Bottom', device: Device, base: number): number =>
  dimension(box.props[`padding${side}`], base, device) ?? 0;

/** Sizes a box given the space its parent offers. */
function measure(box: Box, availW: number, availH: number, device: Device, stretchW = true): void {
  const explicitW = dimension(box.props.width, availW, device);
  const explicitH = dimension(box.props.height, availH, device);
  const pl = pad(box, 'Left', device, availW);
  const pr = pad(box, 'Right', device, availW);
  const pt = pad(box, 'Top', device, availW);
  const pb = pad(box, 'Bottom', device, availW);
  if (box.type === 'Text') {
    if (explicitW === undefined && !stretchW) throw new Error(`${box.path}: a Text needs a width`);
    box.w = explicitW ?? availW;
    const id = typeof box.props.id === 'string' ? box.props.id : '';
    if (!id) throw new Error(`${box.path}: every Text needs an id, to name its budget`);
    const fontSize = dimension(box.props.fontSize, availW, device) ?? 40;
    const lineHeight = typeof box.props.lineHeight === 'number' ? box.props.lineHeight : DEFAULT_LINE_HEIGHT;
    (box as { text?: TextBox }).text = {
      id,
      text: asText(box.props.text),
      fontSize,
      bold: box.props.fontWeight === 'bold' || Number(box.props.fontWeight) >= 600,
      maxLines: typeof box.props.maxLines === 'number' ? box.props.maxLines : 0,
      lineHeight,
      chars: 0,
      lines: 0,
      contentWidth: box.w - pl - pr,
    };
    box.h = explicitH ?? 0; // set from the budget by applyBudgets
    return;
  }
  const column = box.props.direction !== 'row';
  const innerAvailW = (explicitW ?? availW) - pl - pr;
  const innerAvailH = (explicitH ?? availH) - pt - pb;
  const align = typeof box.props.alignItems === 'string' ? box.props.alignItems : 'stretch';
  const flow = box.children.filter((c) => !c.absolute);
  if (column) {
    // A column as wide as its content (in a row, without a width) is first sized by its children's own
    // widths; then the children that stretch take that width.
    const intrinsic = explicitW === undefined && !stretchW;
    for (const child of flow)
      measure(child, innerAvailW, innerAvailH, device, align === 'stretch' && !intrinsic);
    if (intrinsic && align === 'stretch') {
      const contentW = Math.max(0, ...flow.map((c) => c.w));
      for (const child of flow) measure(child, contentW, innerAvailH, device, true);
    }
  } else {
    let fixed = 0;
    const growing: Box[] = [];
    for (const child of flow) {
      if (typeof child.props.grow === 'number' && child.props.grow > 0 && child.props.width === undefined) {
        growing.push(child);
      } else {
        measure(child, innerAvailW, innerAvailH, device, false);
        fixed += child.w;
      }
      fixed += spacing(child, device, innerAvailW);
    }
    const share = growing.length > 0 ? Math.max(0, innerAvailW - fixed) / growing.length : 0;
    for (const child of growing) measure(child, share, innerAvailH, device, true);
    for (const child of growing) child.w = share;
  }
  for (const child of box.children.filter((c) => c.absolute))
    measure(child, innerAvailW, innerAvailH, device, false);
  const contentW = column
    ? Math.max(0, ...flow.map((c) => c.w))
    : flow.reduce((sum, c) => sum + c.w + spacing(c, device, innerAvailW), 0);
  box.w = explicitW ?? (stretchW ? availW : contentW + pl + pr);
  // Heights come after the budgets are known: see layoutHeights.
  box.h = explicitH ?? -1;
}

function spacing(child: Box, device: Device, base: number): number {
  return dimension(child.props.spacing, base, device) ?? 0;
}

/** A Text's budget: characters a line, and lines. */
export type Budget = readonly [chars: number, lines: number];

/**
 * Gives every Text its budget (by its id) and every box its height: each Text as tall as its text wrapped
 * at its budget, or, for `worstCase`, as tall as its budget allows.
 */
export function applyBudgets(
  rendered: Rendered,
  device: Device,
  budgetOf: (id: string) => Budget | undefined,
  worstCase = false,
): string[] {
  const problems: string[] = [];
  const visit = (box: Box): void => {
    box.children.forEach(visit);
    if (box.type === 'Text' && box.text) {
      const budget = budgetOf(box.text.id);
      if (!budget) {
        problems.push(`${box.path}: no budget for ${box.text.id}`);
        return;
      }
      const [chars, lines] = budget;
      const t = box.text as { chars: number; lines: number };
      t.chars = chars;
      t.lines = lines;
      const explicitH = dimension(box.props.height, rendered.viewport.height, device);
      const most = box.text.maxLines > 0 ? box.text.maxLines : lines;
      const shown = worstCase ? most : Math.min(wrap(box.text.text, chars).length, most);
      box.h =
        explicitH ??
        shown * box.text.fontSize * box.text.lineHeight +
          pad(box, 'Top', device, box.w) +
          pad(box, 'Bottom', device, box.w);
      return;
    }
    if (box.h >= 0) return;
    const flow = box.children.filter((c) => !c.absolute);
    const pt = pad(box, 'Top', device, box.w);
    const pb = pad(box, 'Bottom', device, box.w);
    const column = box.props.direction !== 'row';
    box.h =
      (column
        ? flow.reduce((sum, c) => sum + c.h + spacing(c, device, box.w), 0)
        : Math.max(0, ...flow.map((c) => c.h))) +
      pt +
      pb;
  };
  visit(rendered.root);
  place(rendered.root, 0, 0, device);
  return problems;
}

/** Positions the children inside a measured box (justifyContent along the main axis, alignItems across). */
function place(box: Box, x: number, y: number, device: Device): void {
  box.x = x;
  box.y = y;
  const column = box.props.direction !== 'row';
  const pl = pad(box, 'Left', device, box.w);
  const pr = pad(box, 'Right', device, box.w);
  const pt = pad(box, 'Top', device, box.w);
  const pb = pad(box, 'Bottom', device, box.w);
  const innerW = box.w - pl - pr;
  const innerH = box.h - pt - pb;
  const flow = box.children.filter((c) => !c.absolute);
  const gap = (c: Box): number => spacing(c, device, column ? innerH : innerW);
  const used = flow.reduce((sum, c) => sum + (column ? c.h : c.w) + gap(c), 0);
  const free = (column ? innerH : innerW) - used;
  box.overflow = Math.max(0, -free);
  const justify = typeof box.props.justifyContent === 'string' ? box.props.justifyContent : 'start';
  let cursor = justify === 'center' ? free / 2 : justify === 'end' ? free : 0;
  const between = justify === 'spaceBetween' && flow.length > 1 ? free / (flow.length - 1) : 0;
  const align = typeof box.props.alignItems === 'string' ? box.props.alignItems : 'stretch';
  flow.forEach((child, i) => {
    cursor += gap(child);
    const cross = column ? innerW - child.w : innerH - child.h;
    const offset = align === 'center' ? cross / 2 : align === 'end' ? cross : 0;
    if (column) place(child, x + pl + offset, y + pt + cursor, device);
    else place(child, x + pl + cursor, y + pt + offset, device);
    cursor += (column ? child.h : child.w) + (i < flow.length - 1 ? between : 0);
  });
  for (const child of box.children.filter((c) => c.absolute)) {
    const left = dimension(child.props.left, innerW, device) ?? 0;
    const top = dimension(child.props.top, innerH, device) ?? 0;
    place(child, x + pl + left, y + pt + top, device);
  }
}

/** Every box, depth first. */
export function boxes(root: Box): Box[] {
  return [root, ...root.children.flatMap(boxes)];
}

/** Boxes that draw something: Texts, and Frames with a visible background. */
export function visible(root: Box): Box[] {
  return boxes(root).filter(
    (b) =>
      b.type === 'Text' ||
      (b.type === 'Frame' &&
        typeof b.props.backgroundColor === 'string' &&
        b.props.backgroundColor !== 'transparent'),
  );
}
