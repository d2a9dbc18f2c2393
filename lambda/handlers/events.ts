import { getRequestType, type RequestHandler } from 'ask-sdk-core';
import { errorMessage, log } from '../log';

/**
 * Skill events the manifest subscribes to (skill-package/skill.json, `events`). Alexa sends them outside
 * any conversation and wants no speech back.
 */
export const SKILL_EVENTS = [
  'AlexaSkillEvent.SkillEnabled',
  'AlexaSkillEvent.SkillDisabled',
  'AlexaSkillEvent.SkillPermissionAccepted',
  'AlexaSkillEvent.SkillPermissionChanged',
  'AlexaSkillEvent.SkillAccountLinked',
] as const;

const EVENTS: ReadonlySet<string> = new Set(SKILL_EVENTS);

/**
 * A skill event gets an empty response. When the person disables the skill, their stored progress and
 * preferences are deleted: someone who removes Calf Coach leaves nothing behind. A delete that fails is
 * thrown, so the invocation fails and Alexa can send the event again.
 */
export const SkillEventHandler: RequestHandler = {
  canHandle: (input) => EVENTS.has(getRequestType(input.requestEnvelope)),
  handle: async (input) => {
    const type = getRequestType(input.requestEnvelope);
    if (type === 'AlexaSkillEvent.SkillDisabled') {
      try {
        // ask-sdk-core's attributes manager always has it; its interface marks it optional.
        if (!input.attributesManager.deletePersistentAttributes)
          throw new Error('no persistence to delete from');
        await input.attributesManager.deletePersistentAttributes();
      } catch (error) {
        log.error('user-data-delete-failed', { error: errorMessage(error) });
        throw error;
      }
      log.info('user-data-deleted', { reason: 'skill disabled' });
    }
    return input.responseBuilder.getResponse();
  },
};

export function isSkillEventType(type: unknown): boolean {
  return typeof type === 'string' && type.startsWith('AlexaSkillEvent.');
}
