/**
 * A test server's port. `KIOSQUE_TEST_PORT_OFFSET` moves them all, so that two checkouts on
 * one machine (git worktrees) can run their browser tests side by side.
 */
export function testPort(base: number): number {
  const offset = Number(process.env['KIOSQUE_TEST_PORT_OFFSET'] ?? 0);
  if (!Number.isInteger(offset) || offset < 0)
    throw new Error(
      `KIOSQUE_TEST_PORT_OFFSET: expected a whole number, got "${process.env['KIOSQUE_TEST_PORT_OFFSET']}"`,
    );
  return base + offset;
}
