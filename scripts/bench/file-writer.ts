/**
 * Writes the benchmark corpus's files on a worker thread, in order, while the main thread makes
 * the next texts. At N=50,000 the corpus is 300,000 files: making their text and creating them
 * took about as long each, one after the other, on one core of two. One writer, not several:
 * parallel creates in one folder only wait on each other.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';

/** A folder to make, or a file and its text. */
type Operation = string | [path: string, text: string];

/** Texts held before they are handed over, and batches in flight before the main thread waits. */
const BATCH_CHARS = 2_000_000;
const IN_FLIGHT = 4;

export class FileWriter {
  readonly #worker = new Worker(new URL(import.meta.url));
  #batch: Operation[] = [];
  #chars = 0;
  #inFlight = 0;
  #failure: Error | undefined;
  #waiting: (() => void) | undefined;

  constructor() {
    this.#worker.on('message', () => {
      this.#inFlight--;
      this.#wake();
    });
    this.#worker.on('error', (error) => {
      this.#failure = error;
      this.#wake();
    });
  }

  #wake() {
    const waiting = this.#waiting;
    this.#waiting = undefined;
    waiting?.();
  }

  mkdir(path: string): void {
    this.#batch.push(path);
  }

  write(path: string, text: string): void {
    this.#batch.push([path, text]);
    this.#chars += text.length;
  }

  /** Hands the batch over once it is large, and waits while too many are unwritten. */
  async drain(force = false): Promise<void> {
    if (this.#failure) throw this.#failure;
    if (this.#batch.length > 0 && (force || this.#chars >= BATCH_CHARS)) {
      this.#worker.postMessage(this.#batch);
      this.#inFlight++;
      this.#batch = [];
      this.#chars = 0;
    }
    while (this.#inFlight >= (force ? 1 : IN_FLIGHT) && !this.#failure) {
      await new Promise<void>((resolve) => (this.#waiting = resolve));
    }
    if (this.#failure) throw this.#failure;
  }

  /** Writes what is left and stops the worker. */
  async close(): Promise<void> {
    await this.drain(true);
    await this.#worker.terminate();
  }
}

if (!isMainThread) {
  parentPort?.on('message', (operations: Operation[]) => {
    for (const operation of operations) {
      if (typeof operation === 'string') mkdirSync(operation, { recursive: true });
      else writeFileSync(operation[0], operation[1]);
    }
    parentPort?.postMessage(operations.length);
  });
}
