import { parentPort } from 'node:worker_threads';
import { createRenderer, type RenderJob } from './render.ts';

// Loaded by Node itself (not Vite), so every import in the pipeline names its `.ts` file.
const render = await createRenderer();
parentPort?.on('message', async (jobs: RenderJob[]) => {
  parentPort?.postMessage(await render(jobs));
});
