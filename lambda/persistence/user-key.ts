import type { RequestEnvelope } from 'ask-sdk-model';

/** Progress is kept per Alexa user id (the partition key). */
export function userKey(envelope: RequestEnvelope): string {
  const userId = envelope.context.System.user.userId;
  if (typeof userId !== 'string' || userId === '') throw new Error('request has no user id');
  return userId;
}
