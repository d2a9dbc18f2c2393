import type { ReportId } from '../safety/red-flags';

/**
 * What the person said, as a waiting question reads it (facts §5, product decision 3): the words'
 * class, not yet what they mean here. The handlers make it from the intent and its slots; each question
 * decides what each class is to it (questions/).
 */
export type Heard =
  | { readonly kind: 'yes' }
  | { readonly kind: 'no' }
  /** "A bit", "sort of", "maybe", "I don't know": neither a clear yes nor a clear no. */
  | { readonly kind: 'hedge' }
  /** The cramp's status ("it's gone", "still tight"); `eased` unknown when the words named no status. */
  | { readonly kind: 'cramp'; readonly eased: boolean | undefined }
  /** Pain talk: the cramp's own ("ow, it hurts"), worse ("it hurts more"), or sharp. */
  | { readonly kind: 'pain'; readonly how: 'cramp' | 'worse' | 'sharp' }
  /** A red flag said in plain words ("my foot has gone blue", "I have chest pain"). */
  | { readonly kind: 'report'; readonly report: ReportId }
  | { readonly kind: 'command'; readonly command: Command }
  /** Not understood: the fallback, an open question, an intent the skill does not know. */
  | { readonly kind: 'unclear' }
  /** Anything else (a routine, a question for the FAQ, stop, a preference): not an answer. */
  | { readonly kind: 'other' };

/** Commands that are never an answer (product decision 2, rule 1). Stop and pause end the session elsewhere. */
export type Command = 'repeat' | 'help' | 'next' | 'back' | 'startOver' | 'tellMore' | 'resume';

/** The cramp's status values (the CRAMP_STATUS slot's ids) that say it eased, and those that say it did not. */
export const CRAMP_STATUS: Readonly<Record<string, boolean>> = {
  easing: true,
  gone: true,
  better: true,
  notEasing: false,
  same: false,
  stillTight: false,
  worse: false,
};
