import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Exchange } from '../../lambda/local/simulator/simulator';
import { Conversation } from '../helpers/conversation';
import { ROOT } from '../helpers/model';

const SHOW = { 'Alexa.Presentation.APL': { runtime: { maxVersion: '2023.3' } } };
const readDocument = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(path.join(ROOT, 'lambda', 'display', `${name}.json`), 'utf8')) as Record<
    string,
    unknown
  >;

interface Render {
  type: string;
  token: string;
  document: Record<string, unknown>;
  datasources: {
    step?: {
      routine: string;
      progress: string;
      instruction: string;
      side: string;
      holdSeconds: number;
      countdownMs: number;
      holdLabel: string;
    };
    message?: { title: string; body: string; number: string; urgent: boolean };
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
  it.each(['step', 'message'])('%s.json is an APL document with round, TV and default layouts', (name) => {
    const document = readDocument(name);
    expect(document).toMatchObject({ type: 'APL', version: '1.6', theme: 'dark' });
    const items = (document.mainTemplate as { items: { when?: string }[] }).items;
    expect(items.map((item) => item.when)).toEqual([
      "${viewport.shape == 'round'}",
      "${viewport.mode == 'tv'}",
      undefined,
    ]);
  });
});

describe('on a device with a screen', () => {
  it('every step sends a step card whose instruction is exactly the spoken one and whose countdown is the hold', async () => {
    const c = new Conversation({ device: { supportedInterfaces: SHOW } });
    await c.sayAll('ask calf coach for help with a cramp', 'no');
    const step = await c.say('no');
    const { document, datasources, token } = render(step);
    expect(token).toBe('calfCoachScreen');
    expect(document).toEqual(readDocument('step'));
    const card = datasources.step;
    expect(card).toMatchObject({
      routine: 'cramp relief routine',
      progress: 'Step 1 of 4',
      side: 'The leg with the cramp',
    });
    expect(step.text).toContain(card?.instruction);
    expect(card?.instruction).toBe('Straighten your leg and pull your toes back, gently.');
    const spokenHold = breaksOfFirstHold(step.ssml).reduce((a, b) => a + b, 0);
    expect(card?.holdSeconds).toBe(spokenHold);
    expect(card?.countdownMs).toBe(spokenHold * 1000);
  });

  it('the countdown follows "make the holds longer"', async () => {
    const c = new Conversation({ device: { supportedInterfaces: SHOW } });
    await c.sayAll('open calf coach', 'make the holds longer', 'bedtime', 'no');
    const step = await c.say('no');
    const card = render(step).datasources.step;
    expect(card?.holdSeconds).toBe(45);
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
      holdSeconds: 0,
      countdownMs: 0,
      holdLabel: 'About four minutes',
    });
  });

  it('the menu, help, safety questions and the emergency answer get their own screens', async () => {
    const c = new Conversation({ device: { supportedInterfaces: SHOW } });
    const menu = render(await c.say('open calf coach'));
    expect(menu.document).toEqual(readDocument('message'));
    expect(menu.datasources.message).toMatchObject({ title: 'Calf Coach', number: '', urgent: false });
    expect(menu.datasources.message?.body).toMatch(/Which would you like\?$/);
    expect(render(await c.say('help')).datasources.message?.title).toBe('What you can say');
    const question = render(await c.say('help with a cramp')).datasources.message;
    expect(question).toMatchObject({
      title: 'Safety check',
      body: 'Chest pain, trouble breathing, or feeling faint?',
    });
    const emergency = render(await c.say('yes')).datasources.message;
    expect(emergency).toMatchObject({ title: 'Call for help now', number: '911', urgent: true });
    expect(emergency?.body).toMatch(/Call 9 1 1 now/);
  });

  it('the urgent answer shows the advice line where the locale has one', async () => {
    const c = new Conversation({ device: { supportedInterfaces: SHOW, locale: 'en-GB' } });
    await c.sayAll('ask calf coach for help with a cramp', 'no');
    expect(render(await c.say('yes')).datasources.message).toMatchObject({
      title: 'Get checked today',
      number: '111',
    });
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
