import type { Database } from 'better-sqlite3';
import { BatchNetworkUnreadable, batchNetwork, cachedNetwork, describeNetwork, sameNetwork, type CommandOrigin } from '../store';

/** A waiting line proposed on another network than the one the cache holds now. */
export interface LineNetworkNote {
  /** Where it was proposed, and what approving it does now. */
  text: string;
  /** Set when approving it could never send anything. */
  approvalRefused: string | null;
}

function holding(network: CommandOrigin): string {
  return network.network === 'demo' ? 'the demo network' : `the network of ${describeNetwork(network)}`;
}

/**
 * Says so before a supervisor approves a line the Outbox would only set aside: one proposed on the
 * demo (nothing of the demo is sent to Odoo; approving it is refused), or on another Odoo server
 * (its ids mean other records here; it waits in the Outbox for a retry that looks it up by code).
 * Lines whose network was not recorded (from another desktop or a file) get no note; lines whose
 * record cannot be read cannot be approved (where they would go is unknown) but can be rejected.
 */
export class LineNetworks {
  private readonly holds: CommandOrigin | null;
  private readonly notes = new Map<string, LineNetworkNote | null>();

  constructor(private readonly db: Database) {
    this.holds = cachedNetwork(db);
  }

  noteFor(batchId: string): LineNetworkNote | null {
    if (!this.notes.has(batchId)) this.notes.set(batchId, this.work(batchId));
    return this.notes.get(batchId) ?? null;
  }

  private work(batchId: string): LineNetworkNote | null {
    let proposedOn: CommandOrigin | null;
    try {
      proposedOn = batchNetwork(this.db, batchId);
    } catch (error) {
      if (!(error instanceof BatchNetworkUnreadable)) throw error;
      const text = `${error.message} Where approving it would send it is unknown, so approving it is refused: reject it, and propose it again.`;
      return { text, approvalRefused: text };
    }
    const holds = this.holds;
    if (!proposedOn || !holds || sameNetwork(proposedOn, holds)) return null;
    if (proposedOn.network === 'demo') {
      const text = `Proposed on the demo network, and the planner now holds ${holding(holds)}. Nothing of the demo is sent to Odoo, so approving it would send nothing: reject it, and propose it again on this network.`;
      return { text, approvalRefused: text };
    }
    // Approved work still goes to the server it was proposed on while the planner is connected there.
    if (holds.network === 'demo') return null;
    return {
      text: `Proposed on ${holding(proposedOn)}, and the planner now holds ${holding(holds)}, where its warehouse, product and vendor ids mean other records. Once approved it waits in the Outbox, unsent: retry it there to send it to ${holds.url}, looked up by code, or cancel it.`,
      approvalRefused: null,
    };
  }
}
