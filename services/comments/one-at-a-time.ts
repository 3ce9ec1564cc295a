/** Runs tasks one after another, and says how many are waiting or running. */
export class OneAtATime {
  #tail: Promise<unknown> = Promise.resolve();
  #pending = 0;

  get busy(): boolean {
    return this.#pending > 0;
  }

  run<T>(task: () => Promise<T>): Promise<T> {
    this.#pending++;
    const run = this.#tail.then(task).finally(() => this.#pending--);
    this.#tail = run.catch(() => undefined);
    return run;
  }

  idle(): Promise<void> {
    return this.#tail.then(() => undefined);
  }
}
