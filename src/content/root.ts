/** Where the collections live; the benchmark and the build-error tests point it at another corpus. */
export const contentRoot = process.env['KIOSQUE_CONTENT_DIR'] ?? './content';
