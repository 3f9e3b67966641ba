import { EVENTS, type EventChannel, type EventOf } from '../../shared/ipc';

export type EventListener = (event: EventChannel, payload: unknown) => void;

/** Services announce; transports forward to whichever screens are connected. Payloads are checked on the way out. */
export class PlannerEvents {
  private readonly listeners = new Set<EventListener>();

  emit<E extends EventChannel>(event: E, payload: EventOf<E>): void {
    const checked = EVENTS[event].parse(payload);
    for (const listener of this.listeners) listener(event, checked);
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
