import type { services } from 'ask-sdk-model';
import { errorMessage, log } from '../log';

/**
 * The Timers API through ask-sdk's service client: a timer that rings and then announces `text`. Answers
 * whether it was set; a failure is one log line, never a throw.
 */
export async function startTimer(
  factory: services.ServiceClientFactory | undefined,
  seconds: number,
  text: string,
  locale: string,
): Promise<boolean> {
  if (!factory) return false;
  try {
    await factory.getTimerManagementServiceClient().createTimer({
      duration: `PT${String(Math.round(seconds))}S`,
      timerLabel: 'Calf Coach',
      creationBehavior: { displayExperience: { visibility: 'VISIBLE' } },
      triggeringBehavior: {
        operation: { type: 'ANNOUNCE', textToAnnounce: [{ locale, text }] },
        notificationConfig: { playAudible: true },
      },
    });
    return true;
  } catch (error) {
    log.warn('timer-create-failed', { error: errorMessage(error) });
    return false;
  }
}
