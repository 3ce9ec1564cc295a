import { messages } from './messages.ts';
import { refusal, type Outcome } from './outcome.ts';

const EMAIL = /^[^\s@]+@([^\s@]+\.[^\s@]+)$/;
/** Addresses at this domain fail as the real service would when down, for trying the page's message. */
const FAILING_DOMAIN = 'panne.invalid';

/**
 * The stand-in for the newsroom's sign-up service: it checks the address as the real one
 * does, records nothing, and fails on demand.
 */
export function newsletterOutcome(fields: ReadonlyMap<string, string>): Outcome {
  const email = fields.get('email')?.trim() ?? '';
  if (email === '') return refusal(400, 'email_missing', messages.emailMissing);
  const domain = EMAIL.exec(email)?.[1];
  if (domain === undefined || email.length > 254) return refusal(400, 'email_invalid', messages.emailInvalid);
  if (domain.toLowerCase() === FAILING_DOMAIN) return refusal(503, 'service_unavailable', messages.subscriptionFailed);
  return { status: 200, message: messages.subscribed(email) };
}
