import { MAX_BREAK_SECONDS, pause, say, type Part } from './ssml';
import type { MessageKey, Translate } from './translate';
import { durationCount, spokenDuration } from './numbers';

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Up to this long, a hold counts down every ten seconds; longer ones only at thirty and ten seconds left. */
const EVERY_CUE_UP_TO = 30;

/**
 * A timed hold as a chain of breaks of at most ten seconds, with sparse countdown cues between them:
 * "Hold." … "Twenty seconds left." … "Ten more." … "And relax."
 */
export function holdChain(seconds: number, startKey: MessageKey, endKey: MessageKey, t: Translate): Part[] {
  const total = Math.max(1, Math.round(seconds));
  const parts: Part[] = [say(t(startKey))];
  let remaining = total;
  let chunk = total % MAX_BREAK_SECONDS || MAX_BREAK_SECONDS;
  while (remaining > 0) {
    parts.push(pause(chunk));
    remaining -= chunk;
    const cued = total <= EVERY_CUE_UP_TO || remaining === 30 || remaining === MAX_BREAK_SECONDS;
    if (remaining > 0 && cued) {
      const cue =
        remaining === MAX_BREAK_SECONDS
          ? t('hold.tenMore')
          : t('hold.left', { time: spokenDuration(remaining, t), count: durationCount(remaining) });
      parts.push(say(capitalise(cue)));
    }
    chunk = MAX_BREAK_SECONDS;
  }
  parts.push(say(t(endKey)));
  return parts;
}
