import type { WriterStatus } from './writer.ts';

/**
 * How long commits may wait behind failing pushes before monitoring is told: the writer
 * retries with backoff up to every five minutes, so this spans a few tries, and a remote
 * down for a short while or a push refused once does not wake anyone.
 */
const PUSH_FAILING_ALERT_MS = 10 * 60_000;

/**
 * Why `GET /sante/` answers 503: a rebase stopped on a conflict (nothing is pushed until
 * someone resolves it), changes written but not committed, or commits waiting behind pushes
 * that have failed for longer than `PUSH_FAILING_ALERT_MS`.
 */
export type HealthAlert = 'conflict' | 'uncommitted' | 'push_failing';

/** The alerts for the writer's status at `at`; none when all is well. */
export function healthAlerts(status: WriterStatus, at: Date): HealthAlert[] {
  const alerts: HealthAlert[] = [];
  if (status.conflict !== undefined) alerts.push('conflict');
  if ((status.uncommitted ?? 0) > 0) alerts.push('uncommitted');
  const failingSince = status.lastPush?.ok === false ? status.lastPush.failingSince : undefined;
  if (
    status.unpushed > 0 &&
    failingSince !== undefined &&
    at.getTime() - Date.parse(failingSince) > PUSH_FAILING_ALERT_MS
  ) {
    alerts.push('push_failing');
  }
  return alerts;
}
