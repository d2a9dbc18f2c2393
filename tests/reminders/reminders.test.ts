import { REMINDERS_SCOPE } from '../../lambda/reminders/schedule';
import { fakeAlexaApiPerTest } from '../helpers/alexa-api';
import { Conversation } from '../helpers/conversation';

const GRANTED = { consentToken: 'consent', scopes: { [REMINDERS_SCOPE]: { status: 'GRANTED' as const } } };

const fake = fakeAlexaApiPerTest();

const withApi = (granted: boolean, locale = 'en-US'): Conversation =>
  new Conversation({
    device: { apiEndpoint: fake.endpoint, locale, ...(granted ? { permissions: GRANTED } : {}) },
  });

/** The reminders sent, new (POST) or moved (PUT). */
const posted = (): Record<string, unknown>[] =>
  fake.api.received
    .filter((r) => (r.method === 'POST' || r.method === 'PUT') && r.path.startsWith('/v1/alerts/reminders'))
    .map((r) => r.body as Record<string, unknown>);

describe('"remind me to stretch every night at 9"', () => {
  it("creates a daily reminder at 21:00 in the device's time zone, from the settings API", async () => {
    const c = withApi(true);
    const answer = await c.say('ask calf coach to remind me to stretch every night at nine pm');
    expect(answer.text).toBe("Done. I'll remind you to stretch every day at 9:00 PM. Sleep well.");
    expect(answer.ended).toBe(true);
    expect(fake.api.received[0]?.path).toBe(
      '/v2/devices/amzn1.ask.device.LOCAL-DEVICE/settings/System.timeZone',
    );
    expect(fake.api.received.every((r) => r.authorization === 'Bearer local-access-token')).toBe(true);
    const [reminder] = posted();
    expect(reminder).toMatchObject({
      trigger: {
        type: 'SCHEDULED_ABSOLUTE',
        timeZoneId: 'Europe/London',
        recurrence: { recurrenceRules: ['FREQ=DAILY;BYHOUR=21;BYMINUTE=0;BYSECOND=0;INTERVAL=1;'] },
      },
      alertInfo: {
        spokenInfo: {
          content: [
            {
              locale: 'en-US',
              text: 'Time for your calf stretch. Say: Alexa, ask Calf Coach for a bedtime stretch.',
            },
          ],
        },
      },
      pushNotification: { status: 'ENABLED' },
    });
    expect(await c.stored()).toMatchObject({ reminderToken: 'reminder-1' });
  });

  it('"every night at nine" means nine in the evening', async () => {
    const c = withApi(true);
    const answer = await c.say('ask calf coach to remind me to stretch every night at nine');
    expect(answer.text).toMatch(/^Done\. I'll remind you to stretch every day at 9:00 PM\./);
    expect(JSON.stringify(posted()[0])).toContain('BYHOUR=21;BYMINUTE=0');
    const d = withApi(true, 'es-US');
    await d.say('pide a calf coach recuérdame estirar cada noche a las nueve');
    expect(JSON.stringify(posted()[1])).toContain('BYHOUR=21');
  });

  it('"set a bedtime stretch reminder" asks for the time first', async () => {
    const c = withApi(true);
    const question = await c.say('ask calf coach to set a bedtime stretch reminder');
    expect(question.text).toBe('What time should I remind you each day? For example, nine p m.');
    expect(question.ended).toBe(false);
    const done = await c.say('nine thirty pm');
    expect(done.text).toMatch(/^Done\. I'll remind you to stretch every day at 9:30 PM\./);
    expect(JSON.stringify(posted()[0])).toContain('BYHOUR=21;BYMINUTE=30');
  });

  it('in German the reminder is spoken in German, at 21:00', async () => {
    const c = withApi(true, 'de-DE');
    const answer = await c.say('frag calf coach erinnere mich um 21 uhr ans dehnen');
    expect(answer.text).toBe('Erledigt. Ich erinnere Sie jeden Tag um 21:00 ans Dehnen. Schlafen Sie gut.');
    expect(JSON.stringify(posted()[0])).toContain('"locale":"de-DE"');
  });
});

describe('permission', () => {
  it('without permission: asks by voice; "I approve" sets the reminder', async () => {
    const c = withApi(false);
    const ask = await c.say('ask calf coach to remind me to stretch at nine pm');
    expect(ask.text).toBe('To set a reminder, I need your permission.');
    expect(ask.response.response.directives).toEqual([
      {
        type: 'Connections.SendRequest',
        name: 'AskFor',
        payload: {
          '@type': 'AskForPermissionsConsentRequest',
          '@version': '2',
          permissionScopes: [{ permissionScope: REMINDERS_SCOPE, consentLevel: 'ACCOUNT' }],
        },
        token: 'reminder:21:0',
      },
    ]);
    expect(posted()).toHaveLength(0);
    const done = await c.say('I approve');
    expect(done.request.request.type).toBe('Connections.Response');
    expect(done.text).toMatch(/^Done\. I'll remind you to stretch every day at 9:00 PM\./);
    expect(posted()).toHaveLength(1);
  });

  it('a refusal ends kindly, with a consent card for the Alexa app', async () => {
    const c = withApi(false);
    await c.say('ask calf coach to remind me to stretch at nine pm');
    const refused = await c.say('no');
    expect(refused.text).toBe(
      "No problem, I won't set a reminder. If you change your mind, you can allow reminders for Calf Coach in the Alexa app. Sleep well.",
    );
    expect(refused.ended).toBe(true);
    expect(refused.response.response.card).toEqual({
      type: 'AskForPermissionsConsent',
      permissions: [REMINDERS_SCOPE],
    });
    expect(posted()).toHaveLength(0);
  });

  it('the Reminders API answering 401 asks for permission again', async () => {
    fake.api.mode = '401';
    const c = withApi(true);
    const answer = await c.say('ask calf coach to remind me to stretch at nine pm');
    expect(answer.text).toBe('To set a reminder, I need your permission.');
    expect(answer.response.response.directives?.[0]).toMatchObject({
      type: 'Connections.SendRequest',
      name: 'AskFor',
    });
  });

  it('a 403 (this device cannot take reminders) says so, and asks for no permission', async () => {
    fake.api.mode = '403';
    const c = withApi(true);
    const answer = await c.say('ask calf coach to remind me to stretch at nine pm');
    expect(answer.text).toBe("Reminders aren't available here. Sleep well.");
    expect(answer.response.response.directives ?? []).toEqual([]);
    expect(answer.response.response.card).toBeUndefined();
  });
});

describe('failures', () => {
  it.each(['500', 'hang'] as const)(
    'a %s from the Reminders API gets a kind answer in time, and a log line',
    async (mode) => {
      fake.api.mode = mode;
      const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
      process.env.CALF_COACH_LOG = 'on';
      try {
        const c = withApi(true);
        const started = Date.now();
        const answer = await c.say('ask calf coach to remind me to stretch at nine pm');
        expect(Date.now() - started).toBeLessThan(5000);
        expect(answer.text).toBe(
          "Sorry, I couldn't reach the reminders service just now, so the reminder isn't set. Please try again later. Sleep well.",
        );
        expect(warn).toHaveBeenCalledWith(expect.stringContaining('"reminder-create-failed"'));
        expect(await c.stored()).not.toHaveProperty('reminderToken');
      } finally {
        process.env.CALF_COACH_LOG = 'silent';
        warn.mockRestore();
      }
    },
    10_000,
  );
});

describe('the bedtime routine offers a reminder', () => {
  it('yes at the end of the bedtime routine, then a time, sets a daily reminder at that time', async () => {
    const c = withApi(true);
    await c.sayAll('ask calf coach for a bedtime stretch', 'no', 'no', 'next');
    const offer = await c.say('next');
    expect(offer.text).toMatch(/Would you like a daily reminder to stretch at bedtime\?$/);
    await c.say('yes');
    const done = await c.say('nine pm');
    expect(done.text).toBe("Done. I'll remind you to stretch every day at 9:00 PM. Sleep well.");
    expect(JSON.stringify(posted()[0])).toContain('BYHOUR=21;BYMINUTE=0');
  });

  it('with a reminder already set, the routine just ends', async () => {
    const c = withApi(true);
    await c.say('ask calf coach to remind me to stretch at nine pm');
    await c.sayAll('ask calf coach for a bedtime stretch', 'no', 'no', 'next');
    const closing = await c.say('next');
    expect(closing.text).not.toMatch(/reminder/);
    expect(closing.ended).toBe(true);
  });
});

describe('cancel and list', () => {
  it('"cancel my stretch reminder" deletes the one set; listing finds none after', async () => {
    const c = withApi(true);
    await c.say('ask calf coach to remind me to stretch at nine pm');
    expect((await c.say('ask calf coach what reminders do i have')).text).toBe(
      'You have a daily stretch reminder at 9:00 PM. Sleep well.',
    );
    const cancelled = await c.say('ask calf coach to cancel my stretch reminder');
    expect(cancelled.text).toBe("Okay, I've cancelled your stretch reminder. Sleep well.");
    expect(
      fake.api.received.some((r) => r.method === 'DELETE' && r.path === '/v1/alerts/reminders/reminder-1'),
    ).toBe(true);
    expect(await c.stored()).not.toHaveProperty('reminderToken');
    expect((await c.say('ask calf coach what reminders do i have')).text).toBe(
      "You don't have any stretch reminders from me. Sleep well.",
    );
  });

  it('cancelling with no reminder says so', async () => {
    const c = withApi(true);
    expect((await c.say('ask calf coach to cancel my stretch reminder')).text).toBe(
      "You don't have a stretch reminder from me. Sleep well.",
    );
  });
});
