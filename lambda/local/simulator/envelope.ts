import { randomUUID } from 'node:crypto';
import type { Intent, RequestEnvelope, Slot, interfaces } from 'ask-sdk-model';
import type { IntentMatch, SlotMatch } from './nlu';

/** Builds request envelopes in the JSON shape Alexa sends, for the console, the tests and the bench. */

export interface Device {
  readonly applicationId: string;
  readonly userId: string;
  readonly deviceId: string;
  readonly locale: string;
  /** What the device supports, as in context.System.device.supportedInterfaces. */
  readonly supportedInterfaces?: Record<string, unknown>;
  readonly apiEndpoint?: string;
  /** Permissions the user has granted, as in context.System.user.permissions. */
  readonly permissions?: interfaces.system.SystemState['user']['permissions'];
}

export interface OpenSession {
  readonly sessionId: string;
  readonly isNew: boolean;
  readonly attributes: Record<string, unknown>;
}

export const LOCAL_SKILL_ID = 'amzn1.ask.skill.00000000-0000-0000-0000-00000000c0ac';

export function localDevice(overrides: Partial<Device> = {}): Device {
  return {
    applicationId: LOCAL_SKILL_ID,
    userId: 'amzn1.ask.account.LOCAL-USER',
    deviceId: 'amzn1.ask.device.LOCAL-DEVICE',
    locale: 'en-US',
    ...overrides,
  };
}

function slotJson(slot: SlotMatch, applicationId: string): Slot {
  const base: Slot = { name: slot.name, value: slot.value, confirmationStatus: 'NONE' };
  if (!slot.resolved) return base;
  return {
    ...base,
    resolutions: {
      resolutionsPerAuthority: [
        {
          authority: `amzn1.er-authority.echo-sdk.${applicationId}.${slot.resolved.type}`,
          status: { code: 'ER_SUCCESS_MATCH' },
          values: [{ value: { name: slot.resolved.name, id: slot.resolved.id } }],
        },
      ],
    },
  };
}

export function intentJson(match: IntentMatch, applicationId: string): Intent {
  const slots: Record<string, Slot> = {};
  for (const slot of match.slots) slots[slot.name] = slotJson(slot, applicationId);
  return { name: match.name, confirmationStatus: 'NONE', ...(match.slots.length ? { slots } : {}) };
}

export type RequestBody =
  | { readonly type: 'LaunchRequest' }
  | {
      readonly type: 'Connections.Response';
      readonly name: string;
      readonly status: { readonly code: string; readonly message: string };
      readonly payload: Record<string, unknown>;
      readonly token: string;
    }
  | {
      readonly type: 'IntentRequest';
      readonly intent: Intent;
      /** For an intent with a dialog model: where Alexa's dialog is (STARTED on its first turn). */
      readonly dialogState?: 'STARTED' | 'IN_PROGRESS' | 'COMPLETED';
    }
  | {
      readonly type: 'CanFulfillIntentRequest';
      readonly intent: Intent;
    }
  | {
      readonly type: 'SessionEndedRequest';
      readonly reason: 'USER_INITIATED' | 'EXCEEDED_MAX_REPROMPTS' | 'ERROR';
    };

export function envelope(
  device: Device,
  session: OpenSession | undefined,
  body: RequestBody,
  time: Date,
): RequestEnvelope {
  const application = { applicationId: device.applicationId };
  const user = { userId: device.userId, ...(device.permissions ? { permissions: device.permissions } : {}) };
  const request = {
    ...body,
    requestId: `amzn1.echo-api.request.${randomUUID()}`,
    timestamp: time.toISOString(),
    locale: device.locale,
  };
  return {
    version: '1.0',
    // Alexa asks CanFulfillIntentRequest outside any session: the envelope has none.
    ...(session
      ? {
          session: {
            new: session.isNew,
            sessionId: session.sessionId,
            application,
            user,
            attributes: session.attributes,
          },
        }
      : {}),
    context: {
      System: {
        application,
        user,
        device: { deviceId: device.deviceId, supportedInterfaces: device.supportedInterfaces ?? {} },
        apiEndpoint: device.apiEndpoint ?? 'https://api.amazonalexa.com',
        apiAccessToken: 'local-access-token',
      },
    },
    request: JSON.parse(JSON.stringify(request)) as RequestEnvelope['request'],
  };
}

export function newSessionId(): string {
  return `amzn1.echo-api.session.${randomUUID()}`;
}
