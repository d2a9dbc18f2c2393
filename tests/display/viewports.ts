/**
 * Alexa's viewport profiles and the six devices Calf Coach's screens must fit, as data.
 *
 * The profiles are the ones the `alexa-viewport-profiles` APL package defines and the documents test
 * with `@viewportProfile == @…`. Their size ranges, in dp, are Amazon's own: apl-suggester's
 * node_modules/apl-suggester/dist/src/configs/viewportProfiles/*.json (hubRound.json,
 * hubLandscapeSmall.json, hubLandscapeMedium.json, hubLandscape.json, hubLandscapeXL.json,
 * tvFullscreen.json), which match the table of
 * https://developer.amazon.com/docs/alexa-presentation-language/apl-alexa-viewport-profiles-package.html
 * ("hubLandscapeSmall encompasses rectangular, landscape devices where the width is between 960 and 1280
 * … and the height is less than 600"). Ranges here are half-open, [min, max), as the package's size
 * classes are (xSmall < 600 ≤ small < 960 ≤ medium < 1280 ≤ large < 1920 ≤ xLarge): apl-suggester
 * writes hubLandscapeLarge's maxWidth as 1920, which would overlap hubLandscapeXLarge's 1920.
 *
 * The devices are the example devices of those same files, in dp (px × 160 / dpi): Echo Show 8 is
 * 1280 × 800 px at 213 dpi, so 960 × 600 dp, a hubLandscapeMedium; Echo Show 10 is 1280 × 800 px at
 * 160 dpi, a hubLandscapeLarge; Fire TV is 1920 × 1080 px at 320 dpi, 960 × 540 dp.
 */

export type ProfileId =
  | 'hubRoundSmall'
  | 'hubLandscapeSmall'
  | 'hubLandscapeMedium'
  | 'hubLandscapeLarge'
  | 'hubLandscapeXLarge'
  | 'tvLandscapeXLarge';

export interface Profile {
  readonly id: ProfileId;
  readonly mode: 'hub' | 'tv';
  readonly shape: 'round' | 'rectangle';
  /** dp, min inclusive, max exclusive. */
  readonly width: readonly [number, number];
  readonly height: readonly [number, number];
}

export const PROFILES: readonly Profile[] = [
  { id: 'hubRoundSmall', mode: 'hub', shape: 'round', width: [100, 600], height: [100, 600] },
  { id: 'hubLandscapeSmall', mode: 'hub', shape: 'rectangle', width: [960, 1280], height: [100, 600] },
  { id: 'hubLandscapeMedium', mode: 'hub', shape: 'rectangle', width: [960, 1280], height: [600, 960] },
  { id: 'hubLandscapeLarge', mode: 'hub', shape: 'rectangle', width: [1280, 1920], height: [600, 1280] },
  { id: 'hubLandscapeXLarge', mode: 'hub', shape: 'rectangle', width: [1920, 2560], height: [960, 1280] },
  // Fixed size: every Fire TV renders APL at 960 × 540 dp.
  { id: 'tvLandscapeXLarge', mode: 'tv', shape: 'rectangle', width: [960, 961], height: [540, 541] },
];

export interface Device {
  readonly name: string;
  readonly mode: 'hub' | 'tv';
  readonly shape: 'round' | 'rectangle';
  /** The viewport in dp. */
  readonly width: number;
  readonly height: number;
  readonly dpi: number;
  /**
   * Where content must stay: on a TV, inside the overscan-safe area, 5% in from each edge (48 dp left
   * and right, 27 dp top and bottom: https://developer.android.com/training/tv/playback/compose/layouts,
   * "Overscan"; Fire TV is Android TV); on a round screen, inside the circle.
   */
  readonly safe: { readonly x: number; readonly y: number };
}

export const DEVICES: readonly Device[] = [
  { name: 'Echo Spot', mode: 'hub', shape: 'round', width: 480, height: 480, dpi: 160, safe: { x: 0, y: 0 } },
  {
    name: 'Echo Show 5',
    mode: 'hub',
    shape: 'rectangle',
    width: 960,
    height: 480,
    dpi: 160,
    safe: { x: 0, y: 0 },
  },
  {
    name: 'Echo Show 8',
    mode: 'hub',
    shape: 'rectangle',
    width: 960,
    height: 600,
    dpi: 213,
    safe: { x: 0, y: 0 },
  },
  {
    name: 'Echo Show 10',
    mode: 'hub',
    shape: 'rectangle',
    width: 1280,
    height: 800,
    dpi: 160,
    safe: { x: 0, y: 0 },
  },
  {
    name: 'Echo Show 15',
    mode: 'hub',
    shape: 'rectangle',
    width: 1920,
    height: 1080,
    dpi: 160,
    safe: { x: 0, y: 0 },
  },
  {
    name: 'Fire TV',
    mode: 'tv',
    shape: 'rectangle',
    width: 960,
    height: 540,
    dpi: 320,
    safe: { x: 48, y: 27 },
  },
];

const within = (value: number, [min, max]: readonly [number, number]): boolean => value >= min && value < max;

/** The profile a viewport falls in, as the package decides it (undefined: none of the six). */
export function profileOf(viewport: {
  mode: string;
  shape: string;
  width: number;
  height: number;
}): Profile | undefined {
  return PROFILES.find(
    (p) =>
      p.mode === viewport.mode &&
      p.shape === viewport.shape &&
      within(viewport.width, p.width) &&
      within(viewport.height, p.height),
  );
}

/**
 * A stand-in for the `alexa-viewport-profiles` package, for checks that run without a network: the
 * profile names as string resources, and `@viewportProfile` set from the viewport by the same ranges.
 * Served to apl-suggester in place of the package the device downloads.
 */
export function viewportProfilesPackage(): Record<string, unknown> {
  const condition = (p: Profile): string =>
    `\${viewport.mode == '${p.mode}' && viewport.shape == '${p.shape}' && ` +
    `viewport.width >= ${String(p.width[0])} && viewport.width < ${String(p.width[1])} && ` +
    `viewport.height >= ${String(p.height[0])} && viewport.height < ${String(p.height[1])}}`;
  return {
    type: 'APL',
    version: '1.6',
    description: 'Test stand-in for alexa-viewport-profiles: profile names and @viewportProfile.',
    resources: [
      {
        strings: Object.fromEntries<string>([
          ...PROFILES.map((p): [string, string] => [p.id, p.id]),
          ['viewportProfile', 'unknown'],
        ]),
      },
      ...PROFILES.map((p) => ({ when: condition(p), strings: { viewportProfile: p.id } })),
    ],
  };
}
