import { expect } from 'vitest';
import { ModerationError } from '../../services/moderation/errors.ts';

/** The ModerationError a call throws, to check its message. */
export function refusal(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(ModerationError);
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
}
