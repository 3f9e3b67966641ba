/**
 * A job the worker refuses for a reason the person at the screen can act on (a result no longer held,
 * a scenario made on an older snapshot). Its code crosses the thread so the services answer with the
 * right kind of error rather than a generic failure.
 */
export type RefusalCode = 'not-found' | 'conflict';

export class PlanningRefusal extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
  ) {
    super(message);
    this.name = 'PlanningRefusal';
  }
}
