import { PlanningRefusal } from '../planning-refusal';

/**
 * Results the worker keeps so the screens can page and filter them without running again: the few
 * most recent, on the network they were computed from. One that is gone (replaced by newer runs, a
 * new network, or a worker restart) is refused with a way forward, never shown half.
 */
export class HeldResults<T> {
  private readonly held = new Map<string, T>();

  constructor(
    private readonly what: string,
    private readonly capacity = 3,
  ) {}

  keep(id: string, result: T): void {
    this.held.delete(id);
    this.held.set(id, result);
    while (this.held.size > this.capacity) {
      const oldest = this.held.keys().next().value;
      if (oldest === undefined) break;
      this.held.delete(oldest);
    }
  }

  get(id: string): T {
    const result = this.held.get(id);
    if (result === undefined) {
      throw new PlanningRefusal(
        'not-found',
        `This ${this.what} is no longer held (newer runs, a new network or a restart of the planning worker replaced it); run it again.`,
      );
    }
    return result;
  }
}
