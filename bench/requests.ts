import type { RequestEnvelope } from 'ask-sdk-model';
import { envelope, localDevice, newSessionId } from '../lambda/local/simulator/envelope';
import { loadModel } from '../lambda/local/simulator/models';
import { Resolver } from '../lambda/local/simulator/nlu';
import { Simulator, type SkillLike } from '../lambda/local/simulator/simulator';
import { CRAMP } from './settings';

/**
 * The requests the measurements send: one LaunchRequest (cold starts, HTTP load), and a recorded cramp
 * conversation replayed with every turn timed (warm turns, turn breakdown).
 */

/** Warm-up rounds of each replay, not kept. */
const WARM_UP_ROUNDS = 5;
const RECORDED_USER = 'bench-recorded-user';

export function launchEvent(): RequestEnvelope {
  return envelope(
    localDevice(),
    { sessionId: newSessionId(), isNew: true, attributes: {} },
    { type: 'LaunchRequest' },
    new Date(),
  );
}

/** One cramp conversation through the simulator, as the envelopes Alexa would send (session attributes included). */
export async function recordConversation(skill: SkillLike): Promise<{ requests: string; speech: string[] }> {
  const requests: RequestEnvelope[] = [];
  const speech: string[] = [];
  const recording: SkillLike = {
    invoke: async (request) => {
      requests.push(request);
      const response = await skill.invoke(request);
      speech.push(JSON.stringify(response.response.outputSpeech));
      return response;
    },
  };
  const simulator = new Simulator(
    recording,
    new Resolver(loadModel('en-US'), 'en-US'),
    localDevice({ userId: RECORDED_USER }),
  );
  for (const words of CRAMP) await simulator.say(words);
  return { requests: JSON.stringify(requests), speech };
}

/** The recorded conversation for a new user (so stored progress never changes the path), parsed afresh. */
export const replayFor = (recorded: string, run: number): RequestEnvelope[] =>
  JSON.parse(recorded.replaceAll(`"${RECORDED_USER}"`, `"bench-${String(run)}"`)) as RequestEnvelope[];

/**
 * Replays the recorded envelopes through each skill in turn, a conversation each per round, and times
 * every turn. Both see exactly the same requests; the first rounds warm up and are not kept.
 */
export async function replay(
  skills: Readonly<Record<string, SkillLike>>,
  recorded: string,
  rounds: number,
): Promise<Record<string, number[]>> {
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(skills).map((name) => [name, []]));
  for (let i = 0; i < rounds; i++) {
    for (const [name, skill] of Object.entries(skills)) {
      for (const request of replayFor(recorded, i)) {
        const t0 = process.hrtime.bigint();
        await skill.invoke(request);
        if (i >= WARM_UP_ROUNDS) samples[name]?.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }
  }
  return samples;
}
