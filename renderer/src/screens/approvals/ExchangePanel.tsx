import { useEffect, useState } from 'react';
import type { BatchSummaryView, ExchangeFileView, FetchedExchangeFile, ImportResult, KeysView } from '../../../../shared/ipc';
import { batchLabel } from '../../../../shared/approvals/batch';
import { planner } from '../../bridge';
import { useAppStore } from '../../stores/app-store';

/** Offers a signed file as a download (works in the desktop app and in any browser on the headless host). */
function download(file: ExchangeFileView): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Offline exchange: export a batch (or the decisions on it) as a signed file for another desktop,
 * import one, and trust a colleague's key after comparing its fingerprint with their screen.
 */
export function ExchangePanel({ version }: { version: number }) {
  // Odoo carries the files only when the planner works on Odoo's network (never the demo's).
  const throughOdoo = useAppStore((state) => state.description?.mode === 'odoo');
  const [fetched, setFetched] = useState<FetchedExchangeFile[]>([]);
  const [batches, setBatches] = useState<BatchSummaryView[]>([]);
  const [keys, setKeys] = useState<KeysView | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, setPending] = useState<{ content: string; result: Extract<ImportResult, { outcome: 'refused' }> } | null>(null);
  const [fingerprint, setFingerprint] = useState('');

  useEffect(() => {
    let current = true;
    void Promise.all([planner().invoke('approvals.batches', {}), planner().invoke('approvals.keys', {})])
      .then(([list, ownKeys]) => {
        if (!current) return;
        setBatches(list.batches);
        setKeys(ownKeys);
      })
      .catch((error: unknown) => current && setStatus({ ok: false, text: message(error) }));
    return () => {
      current = false;
    };
  }, [version]);

  const exportFile = async (channel: 'approvals.exportBatch' | 'approvals.exportDecisions', batchId: string): Promise<void> => {
    try {
      const file = await planner().invoke(channel, { batchId });
      download(file);
      setStatus({ ok: true, text: `${file.fileName}: ${file.summary}` });
    } catch (error) {
      setStatus({ ok: false, text: message(error) });
    }
  };

  const importFile = async (content: string): Promise<void> => {
    try {
      const result = await planner().invoke('approvals.importFile', { content });
      if (result.outcome === 'imported') {
        setPending(null);
        setStatus({ ok: true, text: result.summary });
      } else {
        setPending(result.untrustedSigner ? { content, result } : null);
        setStatus({ ok: false, text: `Refused: ${result.reason} Nothing was imported.` });
      }
    } catch (error) {
      setStatus({ ok: false, text: message(error) });
    }
  };

  const publish = async (batchId: string, what: 'batch' | 'decisions'): Promise<void> => {
    try {
      const published = await planner().invoke('approvals.publishToOdoo', { batchId, what });
      setStatus({ ok: true, text: `${published.fileName}: ${published.summary}` });
    } catch (error) {
      setStatus({ ok: false, text: message(error) });
    }
  };

  const fetchFromOdoo = async (): Promise<void> => {
    try {
      const result = await planner().invoke('approvals.fetchFromOdoo', {});
      setFetched(result.files);
      const untrusted = result.files.find((file) => file.untrustedSigner && file.content);
      setPending(untrusted?.content && untrusted.untrustedSigner ? { content: untrusted.content, result: { outcome: 'refused', reason: untrusted.summary, untrustedSigner: untrusted.untrustedSigner } } : null);
      setStatus({ ok: result.files.every((file) => file.outcome === 'imported'), text: result.summary });
    } catch (error) {
      setStatus({ ok: false, text: message(error) });
    }
  };

  const trust = async (): Promise<void> => {
    if (!pending) return;
    try {
      setKeys(await planner().invoke('approvals.trustSigner', { content: pending.content, fingerprint }));
      setFingerprint('');
      await importFile(pending.content);
    } catch (error) {
      setStatus({ ok: false, text: message(error) });
    }
  };

  return (
    <section className="approvals-section" aria-labelledby="exchange-title">
      <h2 id="exchange-title">Exchange with another desktop{throughOdoo ? ' (through Odoo, or offline)' : ' (offline)'}</h2>
      <p className="muted small">
        A batch, and later the decisions on it, travel as a file signed with your key on this desktop. Another desktop imports it once, within 72 hours, after it trusts your key.
        {keys?.own && (
          <>
            {' '}
            Your key on this desktop: <code data-testid="own-fingerprint">{keys.own.fingerprint}</code>.
          </>
        )}
      </p>
      {batches.length > 0 && (
        <table className="exchange-batches">
          <thead>
            <tr>
              <th scope="col">Batch</th>
              <th scope="col">Submitted</th>
              <th scope="col">Lines</th>
              <th scope="col">Decisions</th>
              <th scope="col" aria-label="Export" />
            </tr>
          </thead>
          <tbody>
            {batches.slice(0, 10).map((batch) => (
              <tr key={batch.batchId}>
                <td>
                  <code>{batchLabel(batch.batchId)}</code> {batch.note ?? ''}
                  {batch.importedFrom ? <span className="muted"> (imported)</span> : null}
                </td>
                <td>
                  {batch.submittedBy}, {new Date(batch.submittedAt).toLocaleString()}
                </td>
                <td>
                  {batch.lines} ({batch.waiting} waiting)
                </td>
                <td>{batch.decisions}</td>
                <td className="actions">
                  <button type="button" onClick={() => void exportFile('approvals.exportBatch', batch.batchId)} disabled={batch.importedFrom !== null}>
                    Export batch
                  </button>
                  <button type="button" onClick={() => void exportFile('approvals.exportDecisions', batch.batchId)} disabled={batch.decisions === 0}>
                    Export decisions
                  </button>
                  {throughOdoo && (
                    <>
                      <button type="button" onClick={() => void publish(batch.batchId, 'batch')} disabled={batch.importedFrom !== null} data-testid="publish-batch">
                        Batch to Odoo
                      </button>
                      <button type="button" onClick={() => void publish(batch.batchId, 'decisions')} disabled={batch.decisions === 0} data-testid="publish-decisions">
                        Decisions to Odoo
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <label className="import">
        Import a signed file{' '}
        <input
          type="file"
          accept=".json,application/json"
          data-testid="import-file"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void file.text().then(importFile);
          }}
        />
      </label>
      {throughOdoo && (
        <div className="import">
          <button type="button" onClick={() => void fetchFromOdoo()} data-testid="fetch-from-odoo">
            Fetch from Odoo
          </button>{' '}
          <span className="muted small">Imports the batches and decisions colleagues put in Odoo, each checked as a file handed over is.</span>
          {fetched.length > 0 && (
            <ul className="fetched-files" data-testid="fetched-files">
              {fetched.map((file) => (
                <li key={file.fileName} className={file.outcome === 'imported' ? 'done' : 'error'}>
                  {file.fileName} (from {file.from}): {file.outcome === 'imported' ? file.summary : `refused: ${file.summary}`}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {pending?.result.untrustedSigner && (
        <div className="settings-confirm" data-testid="trust-signer">
          <p>
            {pending.result.untrustedSigner.name} ({pending.result.untrustedSigner.login}) signed this file on device <code>{pending.result.untrustedSigner.deviceId}</code>. Ask them to read out the key shown on their Approvals
            screen, type it here, and trust it only if it matches <code>{pending.result.untrustedSigner.fingerprint}</code>.
          </p>
          <div className="settings-actions">
            <input type="text" value={fingerprint} onChange={(event) => setFingerprint(event.target.value)} placeholder="Fingerprint as they read it" aria-label="Fingerprint" />
            <button type="button" className="primary" disabled={fingerprint.trim() === ''} onClick={() => void trust()}>
              Trust and import
            </button>
          </div>
        </div>
      )}
      {status && (
        <p className={status.ok ? 'done' : 'error'} role={status.ok ? 'status' : 'alert'} data-testid="exchange-status">
          {status.text}
        </p>
      )}
      {keys && keys.trusted.length > 0 && (
        <details>
          <summary>Keys this desktop trusts ({keys.trusted.length})</summary>
          <ul className="trusted-keys">
            {keys.trusted.map((key) => (
              <li key={`${key.login}-${key.deviceId}`}>
                {key.name} ({key.login}) on <code>{key.deviceId.slice(-8)}</code>: <code>{key.fingerprint}</code> — {key.roles.join(', ') || 'no role'} ({key.rolesSource}), trusted by {key.trustedBy}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
