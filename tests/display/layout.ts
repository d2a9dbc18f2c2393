import Yoga, { type Align, type Config, type Justify, type Node as YogaNode } from 'yoga-layout/sync';
import { asText, bind, isTruthy, type Scope, type Value } from './apl-expr';
import { wrapText, weightOf, type Line, type Weight } from './text';
import { profileOf, viewportProfilesPackage, type Device, type ProfileId } from './viewports';

/**
 * APL documents laid out as APL core lays them out: with Yoga, the flexbox engine APL core is built on
 * (npm yoga-layout 2.0, the release after the 1.19 APL core 2024.3 ships, with its default errata).
 *
 * The document is inflated as a device inflates it: resources by `when` (with `@viewportProfile` from
 * the viewport, as the alexa-viewport-profiles package sets it), the first item of mainTemplate and of
 * each layout whose `when` holds, layout parameters and `bind`, the data bound from the datasources. Each
 * component the Calf Coach documents use becomes a Yoga node with APL's defaults rather than CSS's:
 * a column, `alignItems` stretch, `justifyContent` start, `grow` 0 and `shrink` 0, `spacing` as a margin
 * before every child but the first, `position: absolute` with `left`/`top`/`right`/`bottom`, a Frame's
 * border as padding, a Text measured by its wrapped lines (./text.ts) at its fontSize × lineHeight (APL's
 * default 1.25), up to its maxLines. The top component is the viewport's size. Yoga's pixel grid is the
 * device's: APL core sets the point scale factor to dpi / 160.
 */

/** APL's defaults for a Text. */
export const DEFAULT_FONT_SIZE = 40;
export const DEFAULT_LINE_HEIGHT = 1.25;

export interface LaidText {
  readonly text: string;
  readonly fontSize: number;
  readonly weight: Weight;
  readonly lineHeight: number;
  readonly textAlign: string;
  /** 0: no limit. */
  readonly maxLines: number;
  /** Every line the text takes at the width it was laid out at. */
  readonly lines: readonly Line[];
  /** The lines shown: all of them, unless maxLines or the Text's height cuts them (then with an ellipsis). */
  readonly shown: number;
  /** Words wider than the Text, broken between letters. */
  readonly brokenWords: readonly string[];
}

export interface Box {
  readonly type: string;
  /** Where it comes from, as layout and component names: mainTemplate/StepLandscape/Container[1]/Text#id. */
  readonly path: string;
  readonly id: string;
  /** In dp, from the viewport's top left. */
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly props: Readonly<Record<string, Value>>;
  readonly children: readonly Box[];
  readonly text?: LaidText;
  readonly padding: {
    readonly left: number;
    readonly top: number;
    readonly right: number;
    readonly bottom: number;
  };
}

export interface Laid {
  readonly profile: ProfileId | undefined;
  /** The layout mainTemplate chose. */
  readonly layout: string;
  readonly root: Box;
  readonly resources: Readonly<Record<string, Value>>;
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

/** A component inflated: its type, its properties bound, its children. */
interface Inflated {
  readonly type: string;
  readonly path: string;
  readonly props: Readonly<Record<string, Value>>;
  readonly children: readonly Inflated[];
}

function listOf(items: unknown): Json[] {
  if (items === undefined) return [];
  return (Array.isArray(items) ? items : [items]) as Json[];
}

function firstWhen(items: unknown, scope: Scope): Json | undefined {
  return listOf(items).find((item) => item.when === undefined || isTruthy(bind(item.when, scope)));
}

const parameterName = (p: Json | string): string => (typeof p === 'string' ? p : String(p.name));

function inflate(
  component: Json,
  scope: Scope,
  layouts: Readonly<Record<string, Json>>,
  path: string,
): Inflated | undefined {
  if (component.when !== undefined && !isTruthy(bind(component.when, scope))) return undefined;
  const type = String(component.type);
  const layout = layouts[type];
  if (layout) {
    const parameters = (layout.parameters ?? []) as (Json | string)[];
    const data: Record<string, Value> = { ...scope.data };
    for (const p of parameters) {
      const name = parameterName(p);
      const given = component[name];
      data[name] =
        given !== undefined ? bind(given, scope) : typeof p === 'string' ? undefined : bind(p.default, scope);
    }
    const names = new Set(parameters.map(parameterName));
    const others = Object.keys(component).filter(
      (key) => key !== 'type' && key !== 'when' && !names.has(key),
    );
    if (others.length > 0)
      throw new Error(`${path}: ${type} is given ${others.join(', ')}, which it has no parameter for`);
    const inner: Scope = { data, resources: scope.resources };
    const chosen = firstWhen(layout.items ?? layout.item, inner);
    return chosen ? inflate(chosen, inner, layouts, `${path}/${type}`) : undefined;
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
        ? [firstWhen(component.items ?? component.item, childScope)].filter((c): c is Json => c !== undefined)
        : [];
  const children = kids
    .map((kid, i) => inflate(kid, childScope, layouts, `${path}/${type}[${String(i)}]`))
    .filter((c): c is Inflated => c !== undefined);
  const id = typeof props.id === 'string' ? `#${props.id}` : '';
  return { type, path: `${path}/${type}${id}`, props, children };
}

/** An APL dimension as Yoga takes it: dp, a percentage, or auto (undefined). */
function dimension(value: Value, device: Device): number | `${number}%` | undefined {
  if (value === undefined || value === null || value === 'auto') return undefined;
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') throw new Error(`not a dimension: ${JSON.stringify(value)}`);
  const m = /^(-?[0-9.]+)\s*(dp|px|vw|vh|%)?$/.exec(value.trim());
  if (!m) throw new Error(`not a dimension: ${value}`);
  const n = parseFloat(m[1] ?? '0');
  switch (m[2]) {
    case 'vw':
      return (n * device.width) / 100;
    case 'vh':
      return (n * device.height) / 100;
    case 'px':
      return (n * 160) / device.dpi;
    case '%':
      return `${n}%`;
    default:
      return n;
  }
}

/** A dimension that must be absolute (padding, spacing, a font size). */
function absolute(value: Value, device: Device, fallback: number): number {
  const d = dimension(value, device);
  if (typeof d === 'string') throw new Error(`a percentage where APL takes an absolute dimension: ${d}`);
  return d ?? fallback;
}

const ALIGN: Readonly<Record<string, Align>> = {
  start: Yoga.ALIGN_FLEX_START,
  end: Yoga.ALIGN_FLEX_END,
  center: Yoga.ALIGN_CENTER,
  baseline: Yoga.ALIGN_BASELINE,
  stretch: Yoga.ALIGN_STRETCH,
  auto: Yoga.ALIGN_AUTO,
};

const JUSTIFY: Readonly<Record<string, Justify>> = {
  start: Yoga.JUSTIFY_FLEX_START,
  end: Yoga.JUSTIFY_FLEX_END,
  center: Yoga.JUSTIFY_CENTER,
  spaceBetween: Yoga.JUSTIFY_SPACE_BETWEEN,
  spaceAround: Yoga.JUSTIFY_SPACE_AROUND,
  spaceEvenly: Yoga.JUSTIFY_SPACE_EVENLY,
};

const EDGES = [
  ['Left', Yoga.EDGE_LEFT],
  ['Top', Yoga.EDGE_TOP],
  ['Right', Yoga.EDGE_RIGHT],
  ['Bottom', Yoga.EDGE_BOTTOM],
] as const;

function lookup<T>(
  table: Readonly<Record<string, T>>,
  value: Value,
  what: string,
  path: string,
): T | undefined {
  if (value === undefined) return undefined;
  const found = table[asText(value)];
  if (found === undefined) throw new Error(`${path}: ${what} ${asText(value)} is not one the tests lay out`);
  return found;
}

/** What a Text measures to, kept for the checks after layout. */
interface TextState {
  readonly text: string;
  readonly fontSize: number;
  readonly weight: Weight;
  readonly lineHeight: number;
  readonly maxLines: number;
}

interface Built {
  readonly component: Inflated;
  readonly node: YogaNode;
  readonly children: readonly Built[];
  readonly text?: TextState;
}

/** Properties that change a layout and that the tests do not lay out: a document using one fails loudly. */
const UNSUPPORTED = [
  'paddingStart',
  'paddingEnd',
  'wrap',
  'layoutDirection',
  'firstItem',
  'lastItem',
  'data',
  'fontFamily',
  'fontStyle',
  'letterSpacing',
  'textAlignVertical',
  'start',
  'end',
];

function build(component: Inflated, config: Config, device: Device, first: boolean, row: boolean): Built {
  const { props, path } = component;
  const unsupported = UNSUPPORTED.filter((key) => props[key] !== undefined);
  if (unsupported.length > 0) throw new Error(`${path}: ${unsupported.join(', ')} not laid out by the tests`);
  const node = Yoga.Node.createWithConfig(config);
  // APL's defaults, where Yoga's own might differ.
  node.setFlexDirection(props.direction === 'row' ? Yoga.FLEX_DIRECTION_ROW : Yoga.FLEX_DIRECTION_COLUMN);
  node.setFlexShrink(typeof props.shrink === 'number' ? props.shrink : 0);
  node.setFlexGrow(typeof props.grow === 'number' ? props.grow : 0);
  node.setAlignItems(lookup(ALIGN, props.alignItems, 'alignItems', path) ?? Yoga.ALIGN_STRETCH);
  node.setJustifyContent(
    lookup(JUSTIFY, props.justifyContent, 'justifyContent', path) ?? Yoga.JUSTIFY_FLEX_START,
  );
  const alignSelf = lookup(ALIGN, props.alignSelf, 'alignSelf', path);
  if (alignSelf !== undefined) node.setAlignSelf(alignSelf);
  if (props.display !== undefined && props.display !== 'normal')
    throw new Error(`${path}: display ${asText(props.display)} is not one the tests lay out`);
  node.setWidth(dimension(props.width, device) ?? 'auto');
  node.setHeight(dimension(props.height, device) ?? 'auto');
  const minWidth = dimension(props.minWidth, device);
  if (minWidth !== undefined) node.setMinWidth(minWidth);
  const maxWidth = dimension(props.maxWidth, device);
  if (maxWidth !== undefined) node.setMaxWidth(maxWidth);
  const minHeight = dimension(props.minHeight, device);
  if (minHeight !== undefined) node.setMinHeight(minHeight);
  const maxHeight = dimension(props.maxHeight, device);
  if (maxHeight !== undefined) node.setMaxHeight(maxHeight);
  const border = component.type === 'Frame' ? absolute(props.borderWidth, device, 0) : 0;
  const all = absolute(props.padding, device, 0);
  for (const [side, edge] of EDGES)
    node.setPadding(edge, absolute(props[`padding${side}`], device, all) + border);
  if (props.position === 'absolute') {
    node.setPositionType(Yoga.POSITION_TYPE_ABSOLUTE);
    for (const [side, edge] of EDGES) {
      const v = dimension(props[side.toLowerCase()], device);
      if (v !== undefined) node.setPosition(edge, v);
    }
  } else if (!first) {
    // spacing: a margin before every child but the first, along the parent's direction.
    const spacing = absolute(props.spacing, device, 0);
    if (spacing) node.setMargin(row ? Yoga.EDGE_LEFT : Yoga.EDGE_TOP, spacing);
  }
  if (component.type === 'Text') {
    const text: TextState = {
      text: asText(props.text),
      fontSize: absolute(props.fontSize, device, DEFAULT_FONT_SIZE),
      weight: weightOf(props.fontWeight),
      lineHeight: typeof props.lineHeight === 'number' ? props.lineHeight : DEFAULT_LINE_HEIGHT,
      maxLines: typeof props.maxLines === 'number' ? props.maxLines : 0,
    };
    node.setMeasureFunc((width, widthMode, height, heightMode) => {
      const limit = widthMode === Yoga.MEASURE_MODE_UNDEFINED || Number.isNaN(width) ? Infinity : width;
      const { lines } = wrapText(text.text, limit, text.fontSize, text.weight);
      // The renderer sets a Text as a table cell: shrink-to-fit, its unwrapped width or all there is.
      const unwrapped = Math.max(
        0,
        ...wrapText(text.text, Infinity, text.fontSize, text.weight).lines.map((l) => l.width),
      );
      const shown = text.maxLines > 0 ? Math.min(lines.length, text.maxLines) : lines.length;
      const contentHeight = shown * text.fontSize * text.lineHeight;
      return {
        width: widthMode === Yoga.MEASURE_MODE_EXACTLY ? width : Math.min(limit, Math.ceil(unwrapped) + 1),
        height:
          heightMode === Yoga.MEASURE_MODE_EXACTLY
            ? height
            : heightMode === Yoga.MEASURE_MODE_AT_MOST
              ? Math.min(height, contentHeight)
              : contentHeight,
      };
    });
    return { component, node, children: [], text };
  }
  let seen = 0;
  const children = component.children.map((child) => {
    const absoluteChild = child.props.position === 'absolute';
    const built = build(child, config, device, !absoluteChild && seen === 0, props.direction === 'row');
    if (!absoluteChild) seen++;
    return built;
  });
  children.forEach((child, i) => {
    node.insertChild(child.node, i);
  });
  return { component, node, children };
}

function collect(built: Built, parentX: number, parentY: number): Box {
  const layout = built.node.getComputedLayout();
  const x = parentX + layout.left;
  const y = parentY + layout.top;
  const padding = {
    left: built.node.getComputedPadding(Yoga.EDGE_LEFT),
    top: built.node.getComputedPadding(Yoga.EDGE_TOP),
    right: built.node.getComputedPadding(Yoga.EDGE_RIGHT),
    bottom: built.node.getComputedPadding(Yoga.EDGE_BOTTOM),
  };
  const { props, type, path } = built.component;
  let text: LaidText | undefined;
  if (built.text) {
    const t = built.text;
    const innerW = layout.width - padding.left - padding.right;
    const innerH = layout.height - padding.top - padding.bottom;
    const { lines, brokenWords } = wrapText(t.text, innerW, t.fontSize, t.weight);
    const lineSpace = t.fontSize * t.lineHeight;
    // As the renderer clips: the lines that fit the height (at least one), and no more than maxLines.
    const fit = Math.max(1, Math.floor((innerH + 1) / lineSpace));
    const shown = Math.min(lines.length, fit, t.maxLines > 0 ? t.maxLines : Infinity);
    text = {
      text: t.text,
      fontSize: t.fontSize,
      weight: t.weight,
      lineHeight: t.lineHeight,
      textAlign: asText(props.textAlign ?? 'auto'),
      maxLines: t.maxLines,
      lines,
      shown,
      brokenWords,
    };
  }
  return {
    type,
    path,
    id: typeof props.id === 'string' ? props.id : '',
    x,
    y,
    w: layout.width,
    h: layout.height,
    props,
    children: built.children.map((c) => collect(c, x, y)),
    ...(text ? { text } : {}),
    padding,
  };
}

/** Lays a document out with its datasources on a device, as the device would. */
export function layOut(document: Json, datasources: Json, device: Device): Laid {
  const viewport = viewportData(device);
  const resources = resourcesFor(document, device);
  const layouts = (document.layouts ?? {}) as Record<string, Json>;
  const main = document.mainTemplate as Json;
  const [parameter] = (main.parameters ?? ['payload']) as string[];
  const scope: Scope = { data: { viewport, [parameter ?? 'payload']: datasources as Value }, resources };
  const chosen = firstWhen(main.items ?? main.item, scope);
  const top = chosen ? inflate(chosen, scope, layouts, 'mainTemplate') : undefined;
  if (!chosen || !top) throw new Error('mainTemplate inflates nothing');
  const config = Yoga.Config.create();
  config.setPointScaleFactor(device.dpi / 160);
  const built = build(top, config, device, true, false);
  // The top component always fills the viewport.
  built.node.setWidth(device.width);
  built.node.setHeight(device.height);
  built.node.calculateLayout(device.width, device.height, Yoga.DIRECTION_LTR);
  const root = collect(built, 0, 0);
  built.node.freeRecursive();
  config.free();
  return { profile: profileOf(device)?.id, layout: String(chosen.type), root, resources };
}

/** Every box, depth first, with its ancestors (nearest last). */
export function withAncestors(root: Box): { box: Box; ancestors: readonly Box[] }[] {
  const out: { box: Box; ancestors: readonly Box[] }[] = [];
  const visit = (box: Box, ancestors: readonly Box[]): void => {
    out.push({ box, ancestors });
    for (const child of box.children) visit(child, [...ancestors, box]);
  };
  visit(root, []);
  return out;
}

/** Every box, depth first. */
export const boxes = (root: Box): Box[] => withAncestors(root).map((b) => b.box);

/** A box draws something: a Text, or a Frame with a background that is not transparent. */
export const draws = (box: Box): boolean =>
  box.type === 'Text' ||
  (box.type === 'Frame' &&
    typeof box.props.backgroundColor === 'string' &&
    box.props.backgroundColor !== 'transparent');

/** Where each line of a Text is drawn, in dp: its left edge by textAlign, its line box. */
export function lineBoxes(box: Box): { x: number; y: number; w: number; h: number; text: string }[] {
  const t = box.text;
  if (!t) return [];
  const innerW = box.w - box.padding.left - box.padding.right;
  const lineSpace = t.fontSize * t.lineHeight;
  return t.lines.slice(0, t.shown).map((line, i) => {
    const free = innerW - line.width;
    const offset =
      t.textAlign === 'center' ? free / 2 : t.textAlign === 'right' || t.textAlign === 'end' ? free : 0;
    return {
      x: box.x + box.padding.left + offset,
      y: box.y + box.padding.top + i * lineSpace,
      w: line.width,
      h: lineSpace,
      text: line.text,
    };
  });
}
