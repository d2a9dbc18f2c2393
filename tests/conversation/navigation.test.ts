import { Intents } from '../../lambda/handlers/intents';
import { Conversation } from '../helpers/conversation';
import { breakCount, toAfterRunStepTwo, toCrampStepOne } from '../helpers/routes';

const MENU =
  /I can help with a cramp right now, a stretch after a run, or a stretch at bedtime\. Which would you like\?$/;

/** Each row of the design note's navigation table, in a routine and elsewhere. */
describe('navigation in a routine', () => {
  it('next: the next step, and after the last the closing message ends the session', async () => {
    const c = new Conversation();
    await c.sayAll('ask calf coach for a bedtime stretch', 'no', 'no');
    const second = await c.say('next');
    expect(second.text).toMatch(/^Step two of two\. Last thing: loosen the sheets/);
    expect(second.text).toMatch(/Say next to finish, or repeat\.$/);
    const closing = await c.say('next');
    expect(closing.text).toMatch(/That's your bedtime stretch done\./);
    expect(closing.text).toMatch(/Would you like a daily reminder to stretch at bedtime\?$/);
    expect(await c.stored()).not.toHaveProperty('progress');
    const bye = await c.say('no');
    expect(bye.text).toBe('Okay, no reminder. Sleep well.');
    expect(bye.ended).toBe(true);
  });

  it('previous: the step before; on step one it says so and stays there', async () => {
    const c = new Conversation();
    await toAfterRunStepTwo(c);
    const back = await c.say('go back');
    expect(back.text).toMatch(/^Step one of five\. Walk slowly/);
    const again = await c.say('previous');
    expect(again.text).toMatch(/^This is the first step\. Step one of five\./);
    expect(again.ended).toBe(false);
  });

  it('repeat: the same step again, hold included', async () => {
    const c = new Conversation();
    await toAfterRunStepTwo(c);
    const first = c.exchanges[c.exchanges.length - 1];
    const again = await c.say('say that again');
    expect(again.text).toMatch(/^Step two of five\. Stand facing a wall/);
    expect(breakCount(again.ssml)).toBe(breakCount(first?.ssml ?? ''));
    // Twelve breaks of the holds, and three short ones to move before "once more" and the other leg.
    expect(breakCount(again.ssml)).toBe(15);
  });

  it('start over: step one of the same routine', async () => {
    const c = new Conversation();
    await toAfterRunStepTwo(c);
    const answer = await c.say('start over');
    expect(answer.text).toMatch(/^Starting again from the beginning\. Step one of five\. Walk slowly/);
  });

  it('pause: progress saved, the session ends with how to come back', async () => {
    const c = new Conversation();
    await toAfterRunStepTwo(c);
    const paused = await c.say('pause');
    expect(paused.text).toBe("Paused at step two. When you're ready, say: Alexa, ask Calf Coach to resume.");
    expect(paused.ended).toBe(true);
    expect(await c.stored()).toMatchObject({ progress: { routineId: 'afterRun', stepIndex: 1 } });
  });

  it('resume inside the session: carries on at the current step', async () => {
    const c = new Conversation();
    await toAfterRunStepTwo(c);
    const answer = await c.say('resume');
    expect(answer.text).toMatch(/^Step two of five\. Stand facing a wall/);
  });

  it('help: where you are and what to say, with the disclaimer; progress kept and next carries on', async () => {
    const c = new Conversation();
    await toAfterRunStepTwo(c);
    const help = await c.say('help');
    expect(help.text).toMatch(
      /^You're on step two of five, the wall stretch\. You can say next, repeat, go back, tell me more, or pause\./,
    );
    expect(help.text).toMatch(/this isn't medical advice/);
    expect(help.ended).toBe(false);
    const next = await c.say('next');
    expect(next.text).toMatch(/^Step three of five\. Sit with one leg straight out/);
  });

  it.each(['stop', 'cancel'])('%s: a short goodbye, progress kept', async (word) => {
    const c = new Conversation();
    await toAfterRunStepTwo(c);
    const bye = await c.say(word);
    expect(bye.text).toBe("Okay. I've kept your place at step two. Take care.");
    expect(bye.ended).toBe(true);
    expect(await c.stored()).toMatchObject({ progress: { routineId: 'afterRun', stepIndex: 1 } });
  });

  it('fallback: a kind reprompt naming what to say here; nothing lost', async () => {
    const c = new Conversation();
    await toAfterRunStepTwo(c);
    const answer = await c.say('purple elephants dancing');
    expect(answer.request.request).toMatchObject({ intent: { name: 'AMAZON.FallbackIntent' } });
    expect(answer.text).toBe("Sorry, I didn't catch that. You can say next, repeat, go back, or stop.");
    expect(answer.ended).toBe(false);
    expect((await c.say('next')).text).toMatch(/^Step three of five/);
  });

  it('navigate home: back to the routines menu, progress kept', async () => {
    const c = new Conversation();
    await toAfterRunStepTwo(c);
    const answer = await c.say('main menu');
    expect(answer.text).toMatch(MENU);
    expect(await c.stored()).toMatchObject({ progress: { routineId: 'afterRun', stepIndex: 1 } });
  });

  it('yes or no with no question pending: a kind reprompt', async () => {
    const c = new Conversation();
    await toAfterRunStepTwo(c);
    const answer = await c.say('yes');
    expect(answer.text).toBe(
      "I didn't ask a yes or no question just then. Say next when you're ready, or repeat.",
    );
    expect((await c.say('no')).text).toMatch(/^I didn't ask a yes or no question just then\./);
  });

  it('yes or no with a question pending answers it: "is the cramp easing?"', async () => {
    const c = new Conversation();
    await toCrampStepOne(c);
    const again = await c.say('no');
    expect(again.text).toMatch(/^Once more: toes up, gently\. Hold\./);
    const on = await c.say('yes');
    expect(on.text).toMatch(/^Good\. Step two of four\. Now sit up, on the bed or a chair/);
  });

  it('"is the cramp easing?" no three times: something different', async () => {
    const c = new Conversation();
    await toCrampStepOne(c);
    await c.sayAll('no', 'no');
    const moved = await c.say('no');
    expect(moved.text).toMatch(/^Let's try something different\. Step two of four\./);
  });

  it('tell me more: the longer explanation, then what to say', async () => {
    const c = new Conversation();
    await toCrampStepOne(c);
    const more = await c.say('tell me more');
    expect(more.text).toMatch(/^This stretches the cramping calf muscle\./);
    expect(more.text).toMatch(/Is the cramp easing\?$/);
    expect(more.ssml).not.toMatch(/<break/);
  });

  it('a session that times out is ended quietly and progress stays', async () => {
    const c = new Conversation();
    await toAfterRunStepTwo(c);
    await c.endSession();
    const last = c.exchanges[c.exchanges.length - 1];
    expect(last?.request.request.type).toBe('SessionEndedRequest');
    expect(last?.response.response.outputSpeech).toBeUndefined();
    expect(await c.stored()).toMatchObject({ progress: { routineId: 'afterRun', stepIndex: 1 } });
  });
});

describe('navigation elsewhere', () => {
  async function atMenu(): Promise<Conversation> {
    const c = new Conversation();
    await c.say('open calf coach');
    return c;
  }

  it.each(['next', 'go back', 'start over', 'main menu'])('%s offers the routines', async (word) => {
    const c = await atMenu();
    const answer = await c.say(word);
    expect(answer.text).toMatch(MENU);
    expect(answer.ended).toBe(false);
  });

  it('repeat says the last thing again, exactly', async () => {
    const c = await atMenu();
    const first = c.exchanges[0];
    const again = await c.say('repeat');
    expect(again.ssml).toBe(first?.ssml);
  });

  it.each(['pause', 'stop', 'cancel'])('%s says goodbye and ends', async (word) => {
    const c = await atMenu();
    const answer = await c.say(word);
    expect(answer.text).toBe('Goodbye, and take care.');
    expect(answer.ended).toBe(true);
  });

  it('help says what Calf Coach does, that it is no substitute for medical advice, and what to say', async () => {
    const c = await atMenu();
    const help = await c.say('what can i say');
    expect(help.text).toMatch(/not a substitute for medical advice/);
    expect(help.text).toMatch(MENU);
    expect(help.ended).toBe(false);
  });

  it('fallback names the choices', async () => {
    const c = await atMenu();
    const answer = await c.say('blah blah');
    expect(answer.text).toMatch(/^Sorry, I didn't catch that\. I can help with a cramp/);
  });

  it('yes with no question pending gets a kind reprompt', async () => {
    const c = await atMenu();
    const answer = await c.say('yes');
    expect(answer.text).toMatch(/^I didn't ask a yes or no question just then\. I can help with a cramp/);
  });

  it('tell me more outside a step explains and offers the routines', async () => {
    const c = await atMenu();
    const answer = await c.say('tell me more');
    expect(answer.text).toMatch(/^I can tell you more about a step while we're doing it\./);
  });

  it('an intent the skill does not know gets the fallback answer and a log line', async () => {
    const c = await atMenu();
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    process.env.CALF_COACH_LOG = 'on';
    try {
      const answer = await c.intent('AMAZON.ShuffleOnIntent');
      expect(answer.text).toMatch(/^Sorry, I didn't catch that\./);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('"unhandled-request"'));
    } finally {
      process.env.CALF_COACH_LOG = 'silent';
      warn.mockRestore();
    }
  });

  it('every built-in intent of the navigation table is answered outside a routine', async () => {
    for (const name of Object.values(Intents)) {
      const c = await atMenu();
      const answer = await c.intent(name);
      expect(answer.text.length).toBeGreaterThan(0);
    }
  });
});
