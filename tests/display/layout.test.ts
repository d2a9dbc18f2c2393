import { boxes, layOut } from './layout';
import { textWidth, wrapText } from './text';
import { DEVICES, type Device } from './viewports';

/**
 * The pieces the fit test stands on: text measured with Arial's metrics (Arimo), wrapped as a browser
 * wraps it, and documents laid out with APL's flexbox defaults, which differ from CSS's.
 */

describe('text', () => {
  it('is as wide as its glyphs: Arial metrics, kerning applied', () => {
    // H 1479, e 1139, l 455, o 1139 units of 2048: Arial's advances, which Arimo and Liberation Sans share.
    expect(textWidth('Hello', 100, 'regular')).toBeCloseTo(((1479 + 1139 + 455 * 2 + 1139) / 2048) * 100, 6);
    expect(textWidth('AV', 100, 'regular')).toBeLessThan(
      textWidth('A', 100, 'regular') + textWidth('V', 100, 'regular'),
    );
    expect(textWidth('Hello', 100, 'bold')).toBeGreaterThan(textWidth('Hello', 100, 'regular'));
  });

  it('wraps at spaces and after hyphens, never at a no-break space, and breaks a word only when it must', () => {
    const lines = (text: string, width: number): string[] =>
      wrapText(text, width, 20, 'regular').lines.map((l) => l.text);
    const one = Math.max(textWidth('Waden-', 20, 'regular'), textWidth('Dehnung', 20, 'regular'));
    expect(lines('Waden-Dehnung heute', one + 1)).toEqual(['Waden-', 'Dehnung', 'heute']);
    expect(lines('call 911 now', Infinity)).toEqual(['call 911 now']);
    const narrow = textWidth('call 9', 20, 'regular');
    expect(lines('call 911 now', narrow)).toEqual(['call', '911', 'now']);
    expect(wrapText('call\u00a0911 now', narrow, 20, 'regular').brokenWords).toEqual(['call\u00a0911']);
    const long = wrapText('Durchblutungsstörungen', 60, 20, 'regular');
    expect(long.brokenWords).toEqual(['Durchblutungsstörungen']);
    expect(long.lines.every((l) => l.width <= 60)).toBe(true);
    expect(wrapText('', 100, 20, 'regular').lines).toEqual([]);
  });
});

describe('layout, with APL defaults', () => {
  const show10 = DEVICES.find((d) => d.name === 'Echo Show 10') as Device;
  const long = 'Rub the calf gently upwards with both hands. If a vein feels hard or sore, stop and tell me.';
  const card = (shrink: number | undefined): Record<string, unknown> => ({
    type: 'APL',
    version: '1.6',
    mainTemplate: {
      parameters: ['payload'],
      items: [
        {
          type: 'Container',
          direction: 'row',
          items: [
            {
              type: 'Container',
              grow: 1,
              ...(shrink === undefined ? {} : { shrink }),
              items: [{ type: 'Text', id: 'instruction', text: '${payload.text}', fontSize: 56 }],
            },
            { type: 'Frame', id: 'panel', width: 340, height: 20, backgroundColor: '#FFD23F' },
          ],
        },
      ],
    },
  });
  const panel = (shrink: number | undefined) =>
    boxes(layOut(card(shrink), { text: long }, show10).root).find((b) => b.id === 'panel');

  it("a long text in a growing container takes the row, pushing what follows off the screen (APL's shrink is 0)", () => {
    const pushed = panel(undefined);
    expect((pushed?.x ?? 0) + (pushed?.w ?? 0)).toBeGreaterThan(show10.width);
  });

  it('with shrink, the text wraps and what follows keeps its place', () => {
    expect(panel(1)).toMatchObject({ x: show10.width - 340, w: 340 });
  });

  it('a Text is as tall as its lines at its line height (1.25 unless it says)', () => {
    const laid = layOut(card(1), { text: long }, show10);
    const text = boxes(laid.root).find((b) => b.id === 'instruction');
    expect(text?.text?.lines.length).toBeGreaterThan(1);
    expect(text?.h).toBeCloseTo((text?.text?.lines.length ?? 0) * 56 * 1.25, 0);
  });
});
