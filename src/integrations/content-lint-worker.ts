import { parentPort, workerData } from 'node:worker_threads';
import { lintContent } from './content-lint-run.ts';

// Loaded by Node itself (not Vite), so every import names its `.ts` file.
const { root, only } = workerData as { root: string; only: string[] | undefined };
parentPort?.postMessage(await lintContent(root, only));
