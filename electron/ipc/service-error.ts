import type { IpcErrorCode } from '../../shared/ipc';

/** A refusal or failure the services mean the user to read; anything else is reported as a fault. */
export class ServiceError extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}
