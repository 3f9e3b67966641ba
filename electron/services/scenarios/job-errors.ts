import { ServiceError } from '../../ipc/service-error';
import { PlanningJobError } from '../planning';

/** A planning job's failure as the screen should read it: cancelled, gone, conflicting, or the worker's reason. */
export function asServiceError(error: unknown): unknown {
  if (!(error instanceof PlanningJobError)) return error;
  if (error.cancelled) return new ServiceError('cancelled', 'Cancelled: nothing from this run was kept.');
  if (error.code) return new ServiceError(error.code, error.message);
  return new ServiceError('unavailable', error.message);
}

export async function planningCall<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw asServiceError(error);
  }
}
