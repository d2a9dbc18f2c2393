import { collectScreens } from './screens';
import { boxes, layOut, lineBoxes } from './layout';
import { DEVICES } from './viewports';
it('dbg', async () => {
  const device = DEVICES[2]!;
  const screens = await collectScreens(['de-DE']);
  const s = screens.find((x) => x.where === 'the menu, then HeatOrIceIntent')!;
  const laid = layOut(s.document, s.datasources, device);
  for (const b of boxes(laid.root)) console.log(b.path, b.x, b.y, b.w, b.h, JSON.stringify(lineBoxes(b).map((l) => [l.x, l.y, l.w, l.h])));
}, 60000);
