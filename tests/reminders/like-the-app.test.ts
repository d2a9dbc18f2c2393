import { REMINDERS_SCOPE } from '../../lambda/reminders/schedule';
import { fakeAlexaApiPerTest } from '../helpers/alexa-api';
import { Conversation } from '../helpers/conversation';

/**
 * Reminders as the Alexa app keeps them: one daily stretch reminder per person, cancel removes every one
 * of the skill's, a reminder deleted in the app is gone (404), a device without reminders (403) is told
 * so, and a failure never claims there is no reminder. The Alexa API is a real server on loopback.
 */

const GRANTED = { consentToken: 'consent', scopes: { [REMINDERS_SCOPE]: { status: 'GRANTED' as const } } };

const fake = fakeAlexaApiPerTest();

const withApi = (granted = true): Conversation =>
  new Conversation({
    device: { apiEndpoint: fake.endpoint, ...(granted ? { permissions: GRANTED } : {}) },
  });

const calls = (method: string): string[] =>
  fake.api.received.filter((r) => r.method === method).map((r) => r.path);

/** Reminders the person made in earlier versions of the skill, or that were never saved. */
function existing(...hours: number[]): void {
  for (const [index, hour] of hours.entries()) {
    const alertToken = `old-${String(index + 1)}`;
    fake.api.reminders.set(alertToken, {
      alertToken,
      trigger: { recurrence: { recurrenceRules: [`FREQ=DAILY;BYHOUR=${String(hour)};BYMINUTE=0`] } },
    });
  }
}

describe('one daily reminder per person', () => {
  it('setting it again at 22:00 moves the 21:00 one: one reminder, listed at 10 PM', async () => {
    const c = withApi();
    await c.say('ask calf coach to remind me to stretch at nine pm');
    const again = await c.say('ask calf coach to remind me to stretch at ten pm');
    expect(again.text).toBe("Done. I'll remind you to stretch every day at 10:00 PM. Sleep well.");
    expect(fake.api.reminders.size).toBe(1);
    expect(calls('PUT')).toEqual(['/v1/alerts/reminders/reminder-1']);
    expect(JSON.stringify([...fake.api.reminders.values()])).toContain('BYHOUR=22');
    expect((await c.say('ask calf coach what reminders do i have')).text).toBe(
      'You have a daily stretch reminder at 10:00 PM. Sleep well.',
    );
    expect(await c.stored()).toMatchObject({ reminderToken: 'reminder-1' });
  });

  it('with no saved token, the one already there is moved and any extra one removed', async () => {
    existing(21, 20);
    const c = withApi();
    await c.say('ask calf coach to remind me to stretch at ten pm');
    expect([...fake.api.reminders.keys()]).toEqual(['old-1']);
    expect(calls('POST').filter((p) => p.startsWith('/v1/alerts/reminders'))).toEqual([]);
    expect(await c.stored()).toMatchObject({ reminderToken: 'old-1' });
  });

  it('a saved reminder deleted in the Alexa app meanwhile is made anew', async () => {
    const c = withApi();
    await c.say('ask calf coach to remind me to stretch at nine pm');
    fake.api.reminders.clear();
    const again = await c.say('ask calf coach to remind me to stretch at ten pm');
    expect(again.text).toMatch(/^Done\. I'll remind you to stretch every day at 10:00 PM\./);
    expect(fake.api.reminders.size).toBe(1);
  });
});

describe('cancel', () => {
  it('removes every reminder of the skill, the saved one and the others, all at once', async () => {
    existing(21, 20, 19);
    fake.api.delayMs = 400;
    const c = withApi();
    const started = Date.now();
    const answer = await c.say('ask calf coach to cancel my stretch reminder');
    const took = Date.now() - started;
    expect(answer.text).toBe("Okay, I've cancelled your stretch reminder. Sleep well.");
    expect(fake.api.reminders.size).toBe(0);
    expect(calls('DELETE').sort()).toEqual([
      '/v1/alerts/reminders/old-1',
      '/v1/alerts/reminders/old-2',
      '/v1/alerts/reminders/old-3',
    ]);
    // The list, then the three deletes together: two round trips, not four.
    expect(took).toBeLessThan(1400);
  });

  it('a reminder already deleted in the Alexa app (404): the token is cleared and that is confirmed', async () => {
    const c = withApi();
    await c.say('ask calf coach to remind me to stretch at nine pm');
    fake.api.reminders.clear();
    const answer = await c.say('ask calf coach to cancel my stretch reminder');
    expect(answer.text).toBe("You don't have a stretch reminder from me. Sleep well.");
    expect(await c.stored()).not.toHaveProperty('reminderToken');
  });

  it('a delete that fails says so, never "no reminder", and keeps the token', async () => {
    const c = withApi();
    await c.say('ask calf coach to remind me to stretch at nine pm');
    fake.api.statusFor = (method) => (method === 'DELETE' ? 500 : undefined);
    const answer = await c.say('ask calf coach to cancel my stretch reminder');
    expect(answer.text).toBe(
      "Sorry, I couldn't reach the reminders service just now. The Alexa app shows your reminders. Sleep well.",
    );
    expect(await c.stored()).toMatchObject({ reminderToken: 'reminder-1' });
  });

  it('without the permission: a card to allow it in the Alexa app, no voice request', async () => {
    const c = withApi(false);
    const answer = await c.say('ask calf coach to cancel my stretch reminder');
    expect(answer.text).toMatch(/^To see or cancel your reminders, I need your permission\./);
    expect(answer.response.response.card).toEqual({
      type: 'AskForPermissionsConsent',
      permissions: [REMINDERS_SCOPE],
    });
    expect(answer.response.response.directives ?? []).toEqual([]);
  });

  it('403 on this device: says reminders are not available here', async () => {
    fake.api.mode = '403';
    const c = withApi();
    const answer = await c.say('ask calf coach to cancel my stretch reminder');
    expect(answer.text).toBe("Reminders aren't available here. Sleep well.");
  });
});

describe('list', () => {
  it('a failing list says it could not look, not that there is none', async () => {
    fake.api.mode = '500';
    const c = withApi();
    const answer = await c.say('ask calf coach what reminders do i have');
    expect(answer.text).toBe(
      "Sorry, I couldn't reach the reminders service just now. The Alexa app shows your reminders. Sleep well.",
    );
  });

  it('401 is the permission case: a card to allow it', async () => {
    fake.api.mode = '401';
    const c = withApi();
    const answer = await c.say('ask calf coach what reminders do i have');
    expect(answer.text).toMatch(/^To see or cancel your reminders, I need your permission\./);
    expect(answer.response.response.card).toMatchObject({ type: 'AskForPermissionsConsent' });
  });
});

describe('in German and Spanish', () => {
  it('the new answers are said formally', async () => {
    fake.api.mode = '403';
    const de = new Conversation({
      device: { apiEndpoint: fake.endpoint, locale: 'de-DE', permissions: GRANTED },
    });
    expect((await de.say('frag calf coach erinnere mich um 21 uhr ans dehnen')).text).toBe(
      'Auf diesem Gerät sind Erinnerungen leider nicht möglich. Schlafen Sie gut.',
    );
    const es = new Conversation({
      device: { apiEndpoint: fake.endpoint, locale: 'es-US', permissions: GRANTED },
    });
    expect((await es.say('pide a calf coach recuérdame estirar cada noche a las nueve')).text).toBe(
      'Este dispositivo no admite recordatorios. Que descanse.',
    );
  });
});
