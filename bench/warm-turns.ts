import type { ResponseEnvelope } from 'ask-sdk-model';
import type { SkillLike } from '../lambda/local/simulator/simulator';
import { recordConversation, replay, replayFor } from './requests';
import { WARM_CONVERSATIONS } from './settings';

/**
 * Warm turns: Calf Coach's bundle and the baseline's, loaded in this process and called through their
 * Lambda handlers, on the same recorded cramp conversation.
 */

type LambdaHandler = (event: unknown, context: unknown) => Promise<unknown>;

function asSkill(handler: LambdaHandler): SkillLike {
  return { invoke: async (request) => (await handler(request, {})) as ResponseEnvelope };
}

/** Times every turn of both bundles; also returns the recorded conversation, for the turn breakdown. */
export async function warmTurns(
  calfBundle: string,
  helloBundle: string,
): Promise<{ calf: number[]; hello: number[]; recorded: string }> {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const calf = (require(calfBundle) as { handler: LambdaHandler }).handler;
  const hello = (require(helloBundle) as { handler: LambdaHandler }).handler;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const calfSkill = asSkill(calf);
  const { requests: recorded, speech } = await recordConversation(calfSkill);
  // The replay must be the same conversation: a new user gets the same answers turn by turn.
  for (const [turn, request] of replayFor(recorded, -1).entries()) {
    const said = JSON.stringify((await calfSkill.invoke(request)).response.outputSpeech);
    if (said !== speech[turn]) throw new Error(`replayed turn ${String(turn)} answered differently`);
  }
  const samples = await replay({ calf: calfSkill, hello: asSkill(hello) }, recorded, WARM_CONVERSATIONS);
  return { calf: samples.calf ?? [], hello: samples.hello ?? [], recorded };
}
