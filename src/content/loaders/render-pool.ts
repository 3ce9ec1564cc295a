import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { createRenderer, type RenderJob, type RenderResult } from './render.ts';

/** Below this many documents, starting workers (about half a second each) costs more than it saves. */
export const WORKER_THRESHOLD = 300;
/** More workers than this would cost memory (about 60 MB each) for little more speed. */
const MAX_WORKERS = 4;
/** Jobs go to workers in batches, so that messaging stays a small part of the work. */
const BATCH = 50;
/** Idle workers are stopped after this long; the next large batch starts them again. */
const IDLE_MS = 2000;

interface Task {
  jobs: RenderJob[];
  resolve: (result: RenderResult) => void;
  reject: (error: Error) => void;
}

/**
 * One pool for the whole process: Astro loads the collections concurrently, and two pools
 * would put four workers on two cores.
 */
class RenderPool {
  readonly #queue: Task[] = [];
  readonly #idle: Worker[] = [];
  readonly #busy = new Map<Worker, Task>();
  #stopTimer: NodeJS.Timeout | undefined;
  #stopping = false;

  constructor(size: number) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(new URL('./render-worker.ts', import.meta.url));
      worker.on('message', (result: RenderResult) => this.#finish(worker, (task) => task.resolve(result)));
      worker.on('error', (error) => this.#fail(worker, error));
      worker.on('exit', (code) => {
        if (!this.#stopping) this.#fail(worker, new Error(`A Markdown worker stopped (exit code ${code})`));
      });
      this.#idle.push(worker);
    }
  }

  run(jobs: readonly RenderJob[]): Promise<RenderResult> {
    clearTimeout(this.#stopTimer);
    const batches: Promise<RenderResult>[] = [];
    for (let i = 0; i < jobs.length; i += BATCH) {
      batches.push(
        new Promise((resolve, reject) => this.#queue.push({ jobs: jobs.slice(i, i + BATCH), resolve, reject })),
      );
    }
    this.#dispatch();
    return Promise.all(batches).then((results) => ({
      renderings: results.flatMap((result) => result.renderings),
      failures: results.flatMap((result) => result.failures),
    }));
  }

  #finish(worker: Worker, settle: (task: Task) => void) {
    const task = this.#busy.get(worker);
    this.#busy.delete(worker);
    if (task) settle(task);
    // An idle worker must not keep the process alive; a busy one must, or Node would exit
    // while the loader awaits its answer.
    worker.unref();
    this.#idle.push(worker);
    this.#dispatch();
  }

  /** A worker that crashed takes its batch down with it; the build fails, naming the error. */
  #fail(worker: Worker, error: Error) {
    this.#busy.get(worker)?.reject(error);
    this.#busy.delete(worker);
    const idle = this.#idle.indexOf(worker);
    if (idle !== -1) this.#idle.splice(idle, 1);
    if (this.#busy.size === 0 && this.#idle.length === 0) {
      for (const task of this.#queue.splice(0)) task.reject(error);
      this.stop();
    }
  }

  #dispatch() {
    while (this.#idle.length > 0 && this.#queue.length > 0) {
      const worker = this.#idle.pop() as Worker;
      const task = this.#queue.shift() as Task;
      this.#busy.set(worker, task);
      worker.ref();
      worker.postMessage(task.jobs);
    }
    if (this.#busy.size === 0 && this.#queue.length === 0) {
      this.#stopTimer = setTimeout(() => this.stop(), IDLE_MS).unref();
    }
  }

  stop() {
    this.#stopping = true;
    if (pool === this) pool = undefined;
    for (const worker of this.#idle) void worker.terminate();
  }
}

let pool: RenderPool | undefined;

/**
 * Renders Markdown on every core for a large batch (a clean build), in this thread for a few
 * files (a warm build, an edit in `astro dev`). Astro's own loader renders on one thread.
 */
export async function renderAll(jobs: readonly RenderJob[]): Promise<RenderResult> {
  if (jobs.length === 0) return { renderings: [], failures: [] };
  const workers = Math.min(availableParallelism(), MAX_WORKERS);
  if (pool === undefined && jobs.length >= WORKER_THRESHOLD && workers > 1) {
    pool = new RenderPool(workers);
  }
  if (pool) return pool.run(jobs);
  const render = await createRenderer();
  return render(jobs);
}
