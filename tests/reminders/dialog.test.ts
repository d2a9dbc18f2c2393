import type { IntentRequest, dialog } from 'ask-sdk-model';
import { REMINDER_TIME_SLOT } from '../../lambda/conversation/reminders';
import { Intents } from '../../lambda/handlers/intents';
import { REMINDERS_SCOPE } from '../../lambda/reminders/schedule';
import { fakeAlexaApiPerTest } from '../helpers/alexa-api';
import { Conversation } from '../helpers/conversation';
import type { Exchange } from '../../lambda/local/simulator/simulator';

/**
 * The reminder's time is collected the way Alexa collects a slot: SetReminderIntent's time slot is
 * required in the dialog model, the skill answers "what time?" with Dialog.ElicitSlot, and the answer
 * comes back as SetReminderIntent with the dialog IN_PROGRESS and the slot filled. No sample is a bare
 * time: "nine pm" said out of the blue is not a reminder.
 */

const GRANTED = { consentToken: 'consent', scopes: { [REMINDERS_SCOPE]: { status: 'GRANTED' as const } } };

const fake = fakeAlexaApiPerTest();

const withApi = (locale = 'en-US'): Conversation =>
  new Conversation({ device: { apiEndpoint: fake.endpoint, locale, permissions: GRANTED } });

const posted = (): string[] =>
  fake.api.received.filter((r) => r.method === 'POST').map((r) => JSON.stringify(r.body));

const elicitation = (exchange: Exchange): dialog.ElicitSlotDirective | undefined =>
  exchange.response.response.directives?.find(
    (directive): directive is dialog.ElicitSlotDirective => directive.type === 'Dialog.ElicitSlot',
  );

const intentRequest = (exchange: Exchange): IntentRequest => exchange.request.request as IntentRequest;

it('elicits the slot of the intent the handlers know', () => {
  expect(REMINDER_TIME_SLOT).toEqual({ intent: Intents.setReminder, slot: 'time' });
});

describe('"set a bedtime stretch reminder", then the time', () => {
  it('asks with Dialog.ElicitSlot, and the answer comes back as the same intent with the slot filled', async () => {
    const c = withApi();
    const question = await c.say('ask calf coach to set a bedtime stretch reminder');
    expect(intentRequest(question)).toMatchObject({
      intent: { name: 'SetReminderIntent' },
      dialogState: 'STARTED',
    });
    expect(question.text).toBe('What time should I remind you each day? For example, nine p m.');
    expect(question.ended).toBe(false);
    expect(elicitation(question)).toMatchObject({
      type: 'Dialog.ElicitSlot',
      slotToElicit: 'time',
      updatedIntent: { name: 'SetReminderIntent' },
    });
    const done = await c.say('nine thirty pm');
    expect(intentRequest(done)).toMatchObject({
      intent: { name: 'SetReminderIntent', slots: { time: { name: 'time', value: '21:30' } } },
      dialogState: 'IN_PROGRESS',
    });
    expect(done.text).toBe("Done. I'll remind you to stretch every day at 9:30 PM. Sleep well.");
    expect(elicitation(done)).toBeUndefined();
    expect(posted()[0]).toContain('BYHOUR=21;BYMINUTE=30');
  });

  it('keeps eliciting when the question is asked again ("repeat", words not understood)', async () => {
    const c = withApi();
    await c.say('ask calf coach to set a stretch reminder');
    const again = await c.say('repeat');
    expect(again.text).toBe('What time should I remind you each day? For example, nine p m.');
    expect(elicitation(again)?.slotToElicit).toBe('time');
    const unclear = await c.say('purple monkey dishwasher');
    expect(unclear.text).toMatch(/What time should I remind you each day\?/);
    expect(elicitation(unclear)?.slotToElicit).toBe('time');
    const done = await c.say('at ten pm');
    expect(done.text).toMatch(/^Done\. I'll remind you to stretch every day at 10:00 PM\./);
  });

  it('lets the person leave the dialog: "stop" is not a time, and no reminder is set', async () => {
    const c = withApi();
    await c.say('ask calf coach to set a stretch reminder');
    const stopped = await c.say('stop');
    expect(intentRequest(stopped).intent.name).toBe('AMAZON.StopIntent');
    expect(stopped.ended).toBe(true);
    expect(posted()).toHaveLength(0);
  });

  it('a time with the request skips the question', async () => {
    const c = withApi();
    const done = await c.say('ask calf coach to remind me to stretch at nine pm');
    expect(elicitation(done)).toBeUndefined();
    expect(done.text).toMatch(/^Done\. I'll remind you to stretch every day at 9:00 PM\./);
  });

  it.each([
    ['de-DE', 'frag calf coach erinnere mich ans dehnen', 'um 21 uhr', 'BYHOUR=21;BYMINUTE=0'],
    ['es-US', 'pide a calf coach recuérdame estirar', 'a las nueve de la noche', 'BYHOUR=21;BYMINUTE=0'],
    ['en-GB', 'ask calf coach to set a stretch reminder', 'half nine', ''],
  ])('%s: "%s", then "%s"', async (locale, ask, answer, rule) => {
    const c = withApi(locale);
    const question = await c.say(ask);
    expect(elicitation(question)?.slotToElicit).toBe('time');
    const done = await c.say(answer);
    if (rule === '') {
      // A time the local AMAZON.TIME stand-in does not know is not taken: the question is asked again.
      expect(elicitation(done)?.slotToElicit).toBe('time');
      return;
    }
    expect(intentRequest(done).dialogState).toBe('IN_PROGRESS');
    expect(posted()[0]).toContain(rule);
  });
});

describe('no bare slot', () => {
  it('"nine pm" said out of the blue is not a reminder', async () => {
    const c = withApi();
    await c.say('open calf coach');
    const said = await c.say('nine pm');
    expect(intentRequest(said).intent.name).toBe('AMAZON.FallbackIntent');
    expect(posted()).toHaveLength(0);
  });

  it('yes to the bedtime offer asks the time the same way, with Dialog.ElicitSlot', async () => {
    const c = withApi();
    await c.sayAll('ask calf coach for a bedtime stretch', 'no', 'no', 'next');
    const offer = await c.say('next');
    expect(offer.text).toMatch(/Would you like a daily reminder to stretch at bedtime\?$/);
    const question = await c.say('yes');
    expect(question.text).toBe('What time should I remind you each day? For example, nine p m.');
    expect(question.ended).toBe(false);
    expect(elicitation(question)).toMatchObject({
      slotToElicit: 'time',
      updatedIntent: { name: 'SetReminderIntent' },
    });
    expect(posted()).toHaveLength(0);
    const done = await c.say('ten pm');
    expect(intentRequest(done).intent.name).toBe('SetReminderIntent');
    expect(done.text).toBe("Done. I'll remind you to stretch every day at 10:00 PM. Sleep well.");
    expect(done.ended).toBe(true);
    expect(posted()[0]).toContain('BYHOUR=22;BYMINUTE=0');
  });
});
