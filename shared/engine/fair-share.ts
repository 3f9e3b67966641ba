export interface ShareRequest {
  /** Breaks ties between equal remainders; a stable id, never a position in some array. */
  key: string;
  qty: number;
}

/**
 * Shares a scarce pool in proportion to what each asks, in whole units: everyone gets the floor of
 * their exact share, and the units left over go to the largest remainders (ties by key). Each grant
 * is within one unit of its exact proportional share and never more than was asked.
 */
export function shareInProportion(pool: number, requests: readonly ShareRequest[]): number[] {
  const asked = requests.reduce((sum, request) => sum + request.qty, 0);
  if (asked <= pool) return requests.map((request) => request.qty);
  if (pool <= 0) return requests.map(() => 0);
  const exact = requests.map((request) => (pool * request.qty) / asked);
  const grants = exact.map((share) => Math.floor(share + 1e-9));
  let leftover = Math.floor(pool - grants.reduce((sum, grant) => sum + grant, 0) + 1e-9);
  const order = requests
    .map((request, index) => ({ index, key: request.key, remainder: (exact[index] as number) - (grants[index] as number) }))
    .sort((a, b) => b.remainder - a.remainder || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const { index } of order) {
    if (leftover <= 0) break;
    const request = requests[index] as ShareRequest;
    const room = Math.min(1, request.qty - (grants[index] as number));
    if (room <= 0) continue;
    grants[index] = (grants[index] as number) + room;
    leftover -= 1;
  }
  return grants;
}
