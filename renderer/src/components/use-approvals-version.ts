import { useEffect, useState } from 'react';
import { planner } from '../bridge';

/** A number that grows whenever a batch is submitted or decided anywhere: a dependency for what shows approvals. */
export function useApprovalsVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => planner().subscribe('approvals.changed', () => setVersion((current) => current + 1)), []);
  return version;
}
