/** Reads a whole-number flag, or stops with a message naming it: `--articles abc` must not build an empty corpus. */
export function wholeNumber(name: string, value: string, min: number): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min) {
    console.error(`--${name} expects a whole number of at least ${min}, got "${value}"`);
    process.exit(2);
  }
  return number;
}
