import { readdirSync } from 'node:fs';
import {
  APL_VERSION,
  DOCUMENT_LINKS,
  readable,
  SIZE_CLASS_LIMITS,
  writtenNumber,
} from '../../lambda/display/screens';
import type { Exchange } from '../../lambda/local/simulator/simulator';
import { countWords, WORDS_PER_SECOND } from '../../lambda/speech/timing';
import { Conversation } from '../helpers/conversation';
import { DOCUMENT_NAMES, SAVED_DOCUMENTS, savedDocument } from './documents';
import { boxes, layOut, type Box } from './layout';
import { DEVICES } from './viewports';

const SHOW = { 'Alexa.Presentation.APL': { runtime: { maxVersion: '2023.3' } } };
const readDocument = savedDocument;

interface Render {
  type: string;
  token: string;
  document: { type: string; src: string };
  datasources: {
    step?: {
      routine: string;
      progress: string;
      instruction: string;
      size: string;
      side: string;
      holdSeconds: number;
      countdownMs: number;
      countdownDelayMs: number;
      holdLabel: string;
    };
    message?: { title: string; body: string; size: string; safety: boolean };
    flag?: {
      level: string;
      condition: string;
      action: string;
      numberLabel: string;
      number: string;
      alternative: string;
      line1: string;
      line2: string;
    };
  };
}

function render(exchange: Exchange): Render {
  const directives = (exchange.response.response.directives ?? []) as unknown as Render[];
  expect(directives).toHaveLength(1);
  const [directive] = directives;
  if (!directive) throw new Error('no directive');
  expect(directive.type).toBe('Alexa.Presentation.APL.RenderDocument');
  return directive;
}

const breaksOfFirstHold = (ssml: string): number[] => {
  const hold = ssml.slice(ssml.indexOf('Hold.'), ssml.indexOf('And relax.'));
  return [...hold.matchAll(/<break time="(\d+)ms"\/>/g)].map((m) => Number(m[1]) / 1000);
};

describe('APL documents', () => {
  it('are saved in the skill package, one folder each, at the version the skill checks devices for', () => {
    expect(readdirSync(SAVED_DOCUMENTS).sort()).toEqual([...DOCUMENT_NAMES].sort());
    for (const name of DOCUMENT_NAMES) {
      expect(DOCUMENT_LINKS[name]).toBe(`doc://alexa/apl/documents/${name}`);
      expect(savedDocument(name).version).toBe(APL_VERSION);
    }
  });

  it.each(['step', 'message', 'flag'] as const)(
    'the %s document chooses its layout by viewport profile, from the alexa-viewport-profiles package',
    (name) => {
      const document = readDocument(name);
      expect(document).toMatchObject({
        type: 'APL',
        version: '1.6',
        theme: 'dark',
        import: [{ name: 'alexa-viewport-profiles', version: '1.6.0' }],
      });
      // Each branch but the last (for any other viewport, or the package not loaded) names one profile.
      const items = (document.mainTemplate as { items: { when?: string }[] }).items;
      for (const item of items.slice(0, -1)) expect(item.when).toMatch(/^\$\{@viewportProfile == @\w+\}$/);
      expect(items[items.length - 1]?.when).toBeUndefined();
      // Sizes by profile too: a resource block per profile but hubLandscapeMedium, whose sizes are the default.
      const whens = (document.resources as { when?: string }[]).map((r) => r.when).filter(Boolean);
      expect(whens).toEqual(
        [
          'hubRoundSmall',
          'hubLandscapeSmall',
          'hubLandscapeLarge',
          'hubLandscapeXLarge',
          'tvLandscapeXLarge',
        ].map((p) => `\${@viewportProfile == @${p}}`),
      );
      // Profiles, not the raw viewport: no test of shape, mode or size anywhere in the document.
      expect(JSON.stringify(document)).not.toMatch(/viewport\.(shape|mode|width|height)/);
    },
  );

  it.each(DEVICES.map((d) => [d.name, d] as const))(
    '%s: the countdown bar empties from one side, its left end still, over the hold from "Hold."',
    (_name, device) => {
      const document = readDocument('step');
      const step = {
        routine: 'R',
        progress: 'P',
        instruction: 'I',
        size: 'large',
        side: '',
        holdSeconds: 30,
      };
      const laid = layOut(document, { step: { ...step, countdownMs: 30_000, holdLabel: 'H' } }, device);
      const all = boxes(laid.root);
      const bar = all.find((b) => b.props.id === 'countdownBar');
      const track = all.find((b) => b.type === 'Frame' && b.props.backgroundColor === '#333333');
      if (!bar || !track) throw new Error('no countdown bar');
      const fill = bar.children.find((b) => b.props.backgroundColor === '#FFD23F');
      if (!fill) throw new Error('no fill');
      // AnimateItem scales the bar about its centre (APL's transform origin) from 1 to 0.
      const centre = bar.x + bar.w / 2;
      const scaled = (b: Box, s: number): [number, number] => [
        centre + (b.x - centre) * s,
        centre + (b.x + b.w - centre) * s,
      ];
      for (const s of [1, 0.75, 0.5, 0.25, 0]) {
        const [left, right] = scaled(fill, s);
        expect(left).toBeCloseTo(track.x);
        expect(right).toBeCloseTo(track.x + s * track.w);
      }
      expect(document.onMount).toEqual([
        {
          type: 'AnimateItem',
          componentId: 'countdownBar',
          // It waits for "Hold.", then empties over the hold.
          delay: '${payload.step.countdownDelayMs}',
          duration: '${payload.step.countdownMs}',
          easing: 'linear',
          value: [{ property: 'transform', from: [{ scaleX: 1 }], to: [{ scaleX: 0 }] }],
        },
      ]);
    },
  );
});

describe('numbers on a screen are written as people write them', () => {
  it('digits spoken one by one are shown as one number, grouped where the locale groups them', () => {
    expect(writtenNumber('911')).toBe('911');
    expect(writtenNumber('116117')).toBe('116117');
    expect(writtenNumber('1800022222')).toBe('1800 022 222');
    expect(readable('Call 9 1 1 now. 9 1 1 .')).toBe('Call 911 now. 911.');
    expect(readable('call 1 1 2 or 1 0 8 now: 1 1 2 .')).toBe('call 112 or 108 now: 112.');
    expect(readable('call triple zero now: triple zero . Is that so ?')).toBe(
      'call triple zero now: triple zero. Is that so?',
    );
    expect(readable('healthdirect on 1 8 0 0 0 2 2 2 2 2 . Hold. … … And relax.')).toBe(
      'healthdirect on 1800 022 222. Hold. And relax.',
    );
  });
});

describe('on a device with a screen', () => {
  it('every step sends a step card whose instruction is exactly the spoken one and whose countdown is the hold', async () => {
    const c = new Conversation({ device: { supportedInterfaces: SHOW } });
    await c.sayAll('ask calf coach for help with a cramp', 'no');
    const step = await c.say('no');
    const { document, datasources, token } = render(step);
    expect(token).toBe('calfCoachScreen');
    expect(document).toEqual({ type: 'Link', src: DOCUMENT_LINKS.step });
    const card = datasources.step;
    expect(card).toMatchObject({
      routine: 'Cramp relief routine',
      progress: 'Step 1 of 4',
      side: 'The leg with the cramp',
      holdLabel: 'Hold for 30 seconds',
    });
    // The size class follows the instruction's length.
    const [large, medium] = SIZE_CLASS_LIMITS.instruction;
    const length = card?.instruction.length ?? 0;
    expect(card?.size).toBe(length <= large ? 'large' : length <= medium ? 'medium' : 'small');
    expect(step.text).toContain(card?.instruction);
    const spokenHold = breaksOfFirstHold(step.ssml).reduce((a, b) => a + b, 0);
    expect(card?.holdSeconds).toBe(spokenHold);
    expect(card?.countdownMs).toBe(spokenHold * 1000);
    // The bar starts about when "Hold." is said: the words before it at Alexa's pace.
    const before = step.text.slice(0, step.text.indexOf('Hold.') + 'Hold.'.length);
    expect(countWords(before)).toBeGreaterThan(10);
    expect(card?.countdownDelayMs).toBe(Math.round((countWords(before) / WORDS_PER_SECOND) * 1000));
  });

  it('the countdown follows "make the holds longer"', async () => {
    const c = new Conversation({ device: { supportedInterfaces: SHOW } });
    await c.sayAll('open calf coach', 'make the holds longer', 'bedtime', 'no');
    const step = await c.say('no');
    const card = render(step).datasources.step;
    expect(card?.holdSeconds).toBe(45);
    expect(card?.holdLabel).toBe('Hold for 45 seconds');
    expect(breaksOfFirstHold(step.ssml).reduce((a, b) => a + b, 0)).toBe(45);
    expect(card?.side).toBe('Left leg, then right');
  });

  it('a step without a timed hold shows its length, and no countdown', async () => {
    const c = new Conversation({ device: { supportedInterfaces: SHOW } });
    await c.sayAll('ask calf coach for a stretch after my run', 'no', 'no');
    const card = render(await c.say('no')).datasources.step;
    expect(card).toMatchObject({
      progress: 'Step 1 of 5',
      instruction: 'Walk slowly to cool down.',
      size: 'large',
      holdSeconds: 0,
      countdownMs: 0,
      holdLabel: 'About 4 minutes',
    });
  });

  it('the menu, help and safety questions get message screens; only a safety question is safety text', async () => {
    const c = new Conversation({ device: { supportedInterfaces: SHOW } });
    const menu = render(await c.say('open calf coach'));
    expect(menu.document).toEqual({ type: 'Link', src: DOCUMENT_LINKS.message });
    expect(menu.datasources.message).toMatchObject({ title: 'Calf Coach', safety: false });
    expect(menu.datasources.message?.body).toMatch(/Which would you like\?$/);
    expect(render(await c.say('help')).datasources.message?.title).toBe('What you can say');
    const asked = await c.say('help with a cramp');
    const question = render(asked).datasources.message;
    expect(question).toMatchObject({ title: 'Safety check', size: 'large', safety: true });
    // The question as asked, on its own: what the person answers.
    expect(question?.body).toMatch(/\?$/);
    expect(asked.text.endsWith(question?.body ?? '-')).toBe(true);
  });

  it('the emergency answer gets a screen written for reading: the action and the number first, then two short lines', async () => {
    const c = new Conversation({ device: { supportedInterfaces: SHOW } });
    await c.say('ask calf coach for help with a cramp');
    const emergency = render(await c.say('yes'));
    expect(emergency.document).toEqual({ type: 'Link', src: DOCUMENT_LINKS.flag });
    expect(emergency.datasources.flag).toEqual({
      level: 'emergency',
      condition: '',
      action: 'Call now',
      numberLabel: '',
      number: '911',
      numberSize: 'large',
      alternative: '',
      line1: "I can't call for you: use your phone.",
      line2: "Stop the routine. Don't drive yourself.",
    });
  });

  it('an unclear answer gets the advice as a condition on the screen too', async () => {
    const c = new Conversation({ device: { supportedInterfaces: SHOW } });
    await c.sayAll('ask calf coach for help with a cramp', 'purple');
    const flag = render(await c.say('purple')).datasources.flag;
    expect(flag).toMatchObject({
      condition: 'Chest pain, trouble breathing, or feeling faint?',
      action: 'Call now',
      number: '911',
      line2: 'No clear yes or no, so I stopped to be safe.',
    });
  });

  it('an answer still unclear before massage shows its condition as a red-flag screen, not a transcript, and says the routine goes on', async () => {
    const c = new Conversation({ device: { supportedInterfaces: SHOW } });
    await c.sayAll('ask calf coach for help with a cramp', 'no', 'no', 'yes', 'next', 'no', 'purple');
    const answer = render(await c.say('purple'));
    expect(answer.document).toEqual({ type: 'Link', src: DOCUMENT_LINKS.flag });
    expect(answer.datasources.flag).toMatchObject({
      level: 'urgent',
      condition: 'One calf throbbing or tender for hours or days, or hard, sore veins?',
      action: 'Get checked today',
      line1: "Don't stretch or massage it.",
      line2: 'No clear answer, so no massage, warmth or cold.',
    });
  });

  it.each([
    ['en-GB', 'ask calf coach for help with a cramp', 'Get checked today', 'or call', '111', 'Call 999.'],
    [
      'en-AU',
      'ask calf coach for help with a cramp',
      'Get checked today',
      'or call',
      '1800 022 222',
      'Call 000.',
    ],
    [
      'de-DE',
      'frag calf coach nach hilfe bei einem krampf',
      'Heute ärztlich abklären lassen',
      'oder rufen Sie an:',
      '116117',
      'Rufen Sie die 112 an.',
    ],
    ['en-US', 'ask calf coach for help with a cramp', 'Get checked today', '', '', 'Call 911.'],
  ])(
    '%s: the urgent answer shows the advice line where the locale has one, and the emergency number',
    async (locale, cramp, action, numberLabel, number, ifWorse) => {
      const c = new Conversation({ device: { supportedInterfaces: SHOW, locale } });
      await c.say(cramp);
      await c.intent('AMAZON.NoIntent');
      // "My calf is swollen" at the injury and clot question: its clear yes, with the swollen calf's advice.
      const flag = render(await c.intent('SwollenCalfIntent')).datasources.flag;
      expect(flag).toMatchObject({ level: 'urgent', action, numberLabel, number });
      expect(flag?.line2.endsWith(ifWorse)).toBe(true);
    },
  );

  it('en-IN: both numbers, the ambulance one under the emergency one', async () => {
    const c = new Conversation({ device: { supportedInterfaces: SHOW, locale: 'en-IN' } });
    await c.say('ask calf coach for help with a cramp');
    expect(render(await c.say('yes')).datasources.flag).toMatchObject({
      number: '112',
      alternative: 'or 108 for an ambulance',
    });
  });

  it('a report check shows its advice with the number written, not spaced out', async () => {
    const c = new Conversation({ device: { supportedInterfaces: SHOW } });
    await c.sayAll('ask calf coach for help with a cramp', 'no', 'no');
    const check = render(await c.say('I have chest pain')).datasources.message;
    expect(check).toMatchObject({ title: 'Safety check', safety: true });
    expect(check?.body).toContain('call 911 now: 911.');
  });

  it('a device with an older APL runtime gets no screen', async () => {
    const c = new Conversation({
      device: { supportedInterfaces: { 'Alexa.Presentation.APL': { runtime: { maxVersion: '1.4' } } } },
    });
    expect((await c.say('open calf coach')).response.response.directives).toBeUndefined();
  });
});

describe('on a device without a screen', () => {
  it('no response ever carries an APL directive', async () => {
    const c = new Conversation();
    await c.sayAll('open calf coach', 'help', 'cramp', 'no', 'no', 'yes', 'next');
    for (let i = 0; i < 3; i++) await c.say('no');
    await c.sayAll('next', 'no', 'tell me more', 'go back', 'repeat', 'next', 'next');
    await c.sayAll('ask calf coach for help with a cramp', 'yes');
    expect(c.exchanges.length).toBeGreaterThan(17);
    for (const exchange of c.exchanges) {
      const types = (exchange.response.response.directives ?? []).map((d) => d.type);
      expect(types.filter((type) => type.startsWith('Alexa.Presentation.APL'))).toEqual([]);
    }
  });
});
