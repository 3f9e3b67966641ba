/**
 * How a long computation reports progress and learns it should stop. The worker host passes these;
 * tests and the CLI usually pass nothing. Cancellation throws, so no half-finished result ever
 * leaves a function looking complete.
 */
export interface RunControl {
  onProgress?(done: number, total: number): void;
  isCancelled?(): boolean;
}

export class PlanningCancelled extends Error {
  constructor(what: string) {
    super(`${what} was cancelled before it finished; nothing from it was kept`);
    this.name = 'PlanningCancelled';
  }
}

/** Checks in every `every` steps so the hot loops pay almost nothing for being cancellable. */
export class RunTicker {
  private next: number;

  constructor(
    private readonly control: RunControl | undefined,
    private readonly what: string,
    private readonly total: number,
    private readonly every = 4096,
  ) {
    this.next = every;
  }

  tick(done: number): void {
    if (done < this.next) return;
    this.next = done + this.every;
    this.check(done);
  }

  check(done: number): void {
    if (this.control?.isCancelled?.()) throw new PlanningCancelled(this.what);
    this.control?.onProgress?.(done, this.total);
  }

  finish(): void {
    if (this.control?.isCancelled?.()) throw new PlanningCancelled(this.what);
    this.control?.onProgress?.(this.total, this.total);
  }
}
