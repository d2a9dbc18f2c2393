import type { IntentRequest, RequestEnvelope, Response, ResponseEnvelope } from 'ask-sdk-model';
import { localDevice } from '../../../lambda/local/simulator/envelope';
import { Resolver } from '../../../lambda/local/simulator/nlu';
import { Simulator, type SkillLike } from '../../../lambda/local/simulator/simulator';
import { loadModel } from '../../helpers/model';

/**
 * The simulator plays Alexa's side of a dialog: after Dialog.ElicitSlot the next words fill that slot
 * and go back as that intent, IN_PROGRESS; after Dialog.Delegate, Alexa asks for the first required slot
 * still empty with the model's prompt, and sends the intent COMPLETED once every required slot is filled.
 * Words said without the skill's name reach it through the name-free ingress points, after a
 * CanFulfillIntentRequest it answers YES.
 */

/** A skill that answers each request with the next canned response, and keeps what it got. */
class ScriptedSkill implements SkillLike {
  readonly requests: RequestEnvelope[] = [];
  constructor(private readonly responses: Response[]) {}
  invoke(request: RequestEnvelope): Promise<ResponseEnvelope> {
    this.requests.push(request);
    const response = this.responses.shift() ?? { shouldEndSession: true };
    return Promise.resolve({ version: '1.0', response });
  }
}

const say = (text: string, more: Partial<Response> = {}): Response => ({
  outputSpeech: { type: 'SSML', ssml: `<speak>${text}</speak>` },
  reprompt: { outputSpeech: { type: 'SSML', ssml: `<speak>${text}</speak>` } },
  shouldEndSession: false,
  ...more,
});

const resolver = new Resolver(loadModel('en-US'), 'en-US');
const intentOf = (request: RequestEnvelope | undefined): IntentRequest => request?.request as IntentRequest;

/** A skill that elicits the reminder's time, then ends on the answer. */
const asksTimeThenEnds = (): ScriptedSkill =>
  new ScriptedSkill([
    say('What time?', {
      directives: [
        {
          type: 'Dialog.ElicitSlot',
          slotToElicit: 'time',
          updatedIntent: { name: 'SetReminderIntent', confirmationStatus: 'NONE' },
        },
      ],
    }),
    say('Done.', { shouldEndSession: true }),
  ]);

it('fills an elicited slot from the next words, as the same intent, IN_PROGRESS', async () => {
  const skill = asksTimeThenEnds();
  const simulator = new Simulator(skill, resolver, localDevice());
  await simulator.say('ask calf coach to set a stretch reminder');
  expect(intentOf(skill.requests[0])).toMatchObject({
    intent: { name: 'SetReminderIntent' },
    dialogState: 'STARTED',
  });
  await simulator.say('seven thirty am');
  expect(intentOf(skill.requests[1])).toMatchObject({
    dialogState: 'IN_PROGRESS',
    intent: { name: 'SetReminderIntent', slots: { time: { name: 'time', value: '07:30' } } },
  });
});

it('chains into the elicited intent when the request was another (intent chaining)', async () => {
  const skill = asksTimeThenEnds();
  const simulator = new Simulator(skill, resolver, localDevice());
  await simulator.say('open calf coach');
  await simulator.say('at ten');
  expect(intentOf(skill.requests[1])).toMatchObject({
    intent: { name: 'SetReminderIntent', slots: { time: { value: '10:00' } } },
  });
});

it('words that do not fill the slot go their own way, and end the dialog', async () => {
  const skill = new ScriptedSkill([
    say('What time?', { directives: [{ type: 'Dialog.ElicitSlot', slotToElicit: 'time' }] }),
    say('Help.'),
    say('Sorry?'),
  ]);
  const simulator = new Simulator(skill, resolver, localDevice());
  await simulator.say('ask calf coach to set a stretch reminder');
  await simulator.say('help');
  expect(intentOf(skill.requests[1]).intent.name).toBe('AMAZON.HelpIntent');
  await simulator.say('nine pm');
  expect(intentOf(skill.requests[2]).intent.name).toBe('AMAZON.FallbackIntent');
});

it('plays Dialog.Delegate with the dialog model: the prompt for a required slot, then COMPLETED', async () => {
  const skill = new ScriptedSkill([
    { directives: [{ type: 'Dialog.Delegate' }], shouldEndSession: false },
    { directives: [{ type: 'Dialog.Delegate' }], shouldEndSession: false },
    say('Done.', { shouldEndSession: true }),
  ]);
  const simulator = new Simulator(skill, resolver, localDevice());
  const asked = await simulator.say('ask calf coach to set a stretch reminder');
  expect(asked.text).toBe('What time should I remind you each day? For example, nine p m.');
  expect(asked.ended).toBe(false);
  const done = await simulator.say('nine pm');
  expect(intentOf(skill.requests[1])).toMatchObject({
    dialogState: 'IN_PROGRESS',
    intent: { slots: { time: { value: '21:00' } } },
  });
  expect(intentOf(skill.requests[2])).toMatchObject({
    dialogState: 'COMPLETED',
    intent: { slots: { time: { value: '21:00' } } },
  });
  expect(done.text).toBe('Done.');
});

describe('name-free interaction', () => {
  const canFulfill = (answer: 'YES' | 'NO'): Response => ({ canFulfillIntent: { canFulfill: answer } });

  it('asks the skill first (no session), then sends the intent in a new session when it can', async () => {
    const skill = new ScriptedSkill([canFulfill('YES'), say('Okay, cramp help.')]);
    const simulator = new Simulator(skill, resolver, localDevice());
    const answer = await simulator.say('Alexa, I have a calf cramp');
    const [asked, sent] = skill.requests;
    expect(asked?.request).toMatchObject({
      type: 'CanFulfillIntentRequest',
      intent: { name: 'CrampReliefIntent' },
    });
    expect(asked?.session).toBeUndefined();
    expect(sent?.request).toMatchObject({ type: 'IntentRequest', intent: { name: 'CrampReliefIntent' } });
    expect(sent?.session?.new).toBe(true);
    expect(answer.text).toBe('Okay, cramp help.');
    expect(simulator.lastCanFulfill?.request.request.type).toBe('CanFulfillIntentRequest');
  });

  it('sends nothing more when the skill cannot', async () => {
    const skill = new ScriptedSkill([canFulfill('NO')]);
    const simulator = new Simulator(skill, resolver, localDevice());
    const answer = await simulator.say('Alexa, stretch my calves after my run');
    expect(skill.requests).toHaveLength(1);
    expect(answer.ended).toBe(true);
  });

  it('opens the skill for a skill launch phrase; inside a session the words are just words', async () => {
    const skill = new ScriptedSkill([say('Welcome.'), say('Cramp.')]);
    const simulator = new Simulator(skill, resolver, localDevice());
    await simulator.say('Alexa, I need a calf stretch');
    expect(skill.requests[0]?.request.type).toBe('LaunchRequest');
    await simulator.say('I have a calf cramp');
    expect(skill.requests[1]?.request).toMatchObject({
      type: 'IntentRequest',
      intent: { name: 'CrampReliefIntent' },
    });
  });
});
