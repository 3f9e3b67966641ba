import { generateDemoNetwork } from '../../../shared/demo';

/** The network the app shows in demo mode for the same seed, size and day 0. */
export function expectedNetwork(seed: number, nodes: number, skus: number, dayZero: string) {
  return { network: generateDemoNetwork({ seed, nodes, skus, dayZero, takenAt: `${dayZero}T08:00:00Z` }) };
}
