import type { CanonicalEvent } from '../../../shared/domain';

/**
 * The canonical events the outbox produces (command queued, pushed, failed, dead-lettered,
 * replanned). They are recorded inside the same SQLite transaction as the state change they
 * describe: an event is never written for a change that did not happen, nor the reverse.
 */
export type OutboxEvent = Extract<CanonicalEvent, { kind: 'command-queued' | 'command-pushed' | 'command-failed' | 'command-dead-lettered' | 'replanned' }>;

/** Appends one event; throwing aborts the transaction it is called in. */
export type RecordEvent = (event: OutboxEvent) => void;

export const recordNothing: RecordEvent = () => {};

/** The actor of what the pusher does on its own. */
export const SYSTEM_ACTOR = 'system';
