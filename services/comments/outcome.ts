/** The stable codes programs read in a refusal (docs/comments.md). */
export type ErrorCode =
  | 'invalid_request'
  | 'pseudonym_invalid'
  | 'text_empty'
  | 'text_too_long'
  | 'text_unrenderable'
  | 'spam_suspected'
  | 'origin_forbidden'
  | 'comments_closed'
  | 'subscription_required'
  | 'reader_barred'
  | 'article_unknown'
  | 'reply_unknown'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'email_missing'
  | 'email_invalid'
  | 'service_unavailable'
  | 'not_found'
  | 'method_not_allowed'
  | 'server_error';

/** What the service answers, before it is written as JSON or as an HTML page. */
export interface Outcome {
  status: number;
  message: string;
  /** Set on refusals only. */
  code?: ErrorCode;
  /** The accepted comment's id. */
  id?: string;
  headers?: Record<string, string>;
}

export function refusal(status: number, code: ErrorCode, message: string, headers?: Record<string, string>): Outcome {
  return headers === undefined ? { status, code, message } : { status, code, message, headers };
}

export function isRefusal(outcome: Outcome): boolean {
  return outcome.code !== undefined;
}
