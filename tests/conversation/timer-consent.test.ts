import type { RequestEnvelope } from 'ask-sdk-model';
import { parseTimerToken, timerToken } from '../../lambda/conversation/timer-token';
import { TIMERS_SCOPE } from '../../lambda/reminders/schedule';
import { ssmlToPlainText } from '../../lambda/speech/ssml';
import { skillBuilder } from '../../lambda/skill';
import { fakeAlexaApiPerTest } from '../helpers/alexa-api';
import { Conversation } from '../helpers/conversation';

/**
 * Alexa's answer to the warmth timer's permission question can come without the session's attributes:
 * the token carries the routine, the step and the safety answers, so the warmth step is read anyway.
 */
describe('the timer consent without its session', () => {
  const fake = fakeAlexaApiPerTest();

  async function askedForTimer(): Promise<{ c: Conversation; token: string; last: RequestEnvelope }> {
    const c = new Conversation({ device: { apiEndpoint: fake.endpoint } });
    await c.sayAll('ask calf coach for help with a cramp', 'no', 'no', 'yes', 'next', 'no', 'no', 'no');
    const asking = await c.say('next');
    const directive = asking.response.response.directives?.[0] as { token?: string } | undefined;
    return { c, token: directive?.token ?? '', last: asking.request };
  }

  /** The Connections.Response, in the same session but with no attributes at all. */
  async function answerWithoutAttributes(
    c: Conversation,
    last: RequestEnvelope,
    token: string,
    accepted: boolean,
  ): Promise<{ text: string; ended: boolean }> {
    const skill = skillBuilder({ persistenceAdapter: c.adapter }).create();
    const scopes: Record<string, { status: 'GRANTED' }> = accepted
      ? { [TIMERS_SCOPE]: { status: 'GRANTED' } }
      : {};
    const request: RequestEnvelope = {
      ...last,
      ...(last.session ? { session: { ...last.session, new: false, attributes: {} } } : {}),
      context: {
        ...last.context,
        System: { ...last.context.System, user: { ...last.context.System.user, permissions: { scopes } } },
      },
      request: {
        type: 'Connections.Response',
        requestId: 'amzn1.echo-api.request.timer-consent',
        timestamp: new Date(c.now.getTime() + 5000).toISOString(),
        locale: 'en-US',
        name: 'AskFor',
        status: { code: '200', message: 'OK' },
        payload: { permissionScope: TIMERS_SCOPE, status: accepted ? 'ACCEPTED' : 'DENIED' },
        token,
      } as unknown as RequestEnvelope['request'],
    };
    const response = await skill.invoke(request);
    const speech = response.response.outputSpeech;
    return {
      text: speech?.type === 'SSML' ? ssmlToPlainText(speech.ssml) : '',
      ended: response.response.shouldEndSession === true,
    };
  }

  it('the token carries the routine, the step and the safety answers', async () => {
    const { token } = await askedForTimer();
    expect(token).toMatch(/^timer:cramp:\d+:1[01]{3}$/);
    expect(parseTimerToken(token)?.carried).toMatchObject({ routineId: 'cramp', screening: { short: true } });
  });

  it('accepted: the warmth step is read with its timer, not the unclear-answer stop', async () => {
    const { c, token, last } = await askedForTimer();
    const answer = await answerWithoutAttributes(c, last, token, true);
    expect(answer.text).not.toMatch(/clear yes or no/);
    expect(answer.text).toMatch(/warm towel/);
    expect(answer.text).toMatch(/I've set a timer for fifteen minutes/);
    expect(answer.ended).toBe(false);
    expect(fake.api.received.filter((r) => r.path === '/v1/alerts/timers')).toHaveLength(1);
  });

  it('declined: the warmth step is read without a timer', async () => {
    const { c, token, last } = await askedForTimer();
    const answer = await answerWithoutAttributes(c, last, token, false);
    expect(answer.text).not.toMatch(/clear yes or no/);
    expect(answer.text).toMatch(/don't fall asleep with it on/);
  });

  it('a token that is not ours carries nothing; the older form carries the step only', () => {
    expect(parseTimerToken('timer:nosuchroutine:3:1100')).toBeUndefined();
    expect(parseTimerToken('timer:3')).toEqual({ index: 3 });
    expect(
      parseTimerToken(timerToken('bedtime', 2, { short: true, full: false, skipTouch: true }, true)),
    ).toEqual({
      index: 2,
      carried: {
        routineId: 'bedtime',
        screening: { short: true, full: false, skipTouch: true },
        standing: true,
      },
    });
  });
});
