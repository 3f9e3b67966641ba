import { useState } from 'react';
import type { Proposal } from '../../../../shared/domain';
import { planner } from '../../bridge';
import { SubmitBatch } from '../../components/SubmitBatch';
import { formatCost, formatDate, formatQuantity } from '../../format';
import type { RegionFormat } from './LineTable';

/**
 * Until the Replenishment and Scenarios screens host "Submit batch" themselves, this gets a few
 * proposals for the most urgent shortages from the services and submits the ones ticked.
 */
export function StarterBatch({ format, seesCosts }: { format: RegionFormat; seesCosts: boolean }) {
  const [proposals, setProposals] = useState<Proposal[] | null>(null);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [submitted, setSubmitted] = useState<string | null>(null);

  const load = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    setSubmitted(null);
    try {
      const answer = await planner().invoke('approvals.starterProposals', { count: 8 });
      setProposals(answer.proposals);
      setTicked(new Set(answer.proposals.map((proposal) => proposal.id)));
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : String(reason));
    } finally {
      setBusy(false);
    }
  };

  const selected = (proposals ?? []).filter((proposal) => ticked.has(proposal.id));
  return (
    <section className="approvals-section" aria-labelledby="starter-title">
      <h2 id="starter-title">Submit a batch</h2>
      <p className="muted small">
        Batches are submitted from the Scenarios and Replenishment screens. Here you can propose for the most urgent shortages of the network on screen and submit those.
      </p>
      <div className="settings-actions">
        <button type="button" onClick={() => void load()} disabled={busy} data-testid="starter-load">
          {busy ? 'Proposing…' : 'Propose for the most urgent shortages'}
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {submitted && (
        <p className="done" role="status" data-testid="starter-submitted">
          {submitted}
        </p>
      )}
      {proposals && proposals.length === 0 && <p className="muted">Nothing in the network is short: there is nothing to propose.</p>}
      {proposals && proposals.length > 0 && (
        <>
          <ul className="starter-proposals">
            {proposals.map((proposal) => (
              <li key={proposal.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={ticked.has(proposal.id)}
                    onChange={(event) =>
                      setTicked((current) => {
                        const next = new Set(current);
                        if (event.target.checked) next.add(proposal.id);
                        else next.delete(proposal.id);
                        return next;
                      })
                    }
                    data-testid="starter-proposal"
                  />
                  {proposal.kind === 'transfer' ? `Transfer ${formatQuantity(proposal.qty, format.locale)} × ${proposal.skuId} ${proposal.fromNodeId} → ${proposal.nodeId}` : `Buy ${formatQuantity(proposal.qty, format.locale)} × ${proposal.skuId} from ${proposal.supplier} for ${proposal.nodeId}`}
                  , needed by {formatDate(proposal.neededBy, format.locale)}
                  {seesCosts ? ` · ${formatCost(proposal.cost, format.locale, format.currency)}` : ''}
                </label>
              </li>
            ))}
          </ul>
          <SubmitBatch
            proposals={selected}
            origin={{ kind: 'replenishment' }}
            onSubmitted={(batch) => {
              setSubmitted(`Batch submitted: ${batch.summary}`);
              setProposals(null);
              setTicked(new Set());
            }}
          />
        </>
      )}
    </section>
  );
}
