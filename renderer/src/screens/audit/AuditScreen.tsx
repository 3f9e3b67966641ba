import { useCallback, useEffect, useState } from 'react';
import type { AuditEntryView, AuditQueryRequest, AuditVerificationView } from '../../../../shared/ipc';
import { planner } from '../../bridge';
import { useAppStore } from '../../stores/app-store';
import './audit.css';
import { useApprovalsVersion } from '../../components/use-approvals-version';

const PAGE = 100;

const KIND_LABELS: Record<string, string> = {
  'proposal-created': 'Proposal created',
  'batch-submitted': 'Batch submitted',
  'decision-made': 'Decision',
  'command-queued': 'Command queued',
  'command-pushed': 'Command pushed',
  'command-failed': 'Command failed',
  'command-dead-lettered': 'Dead-lettered',
  replanned: 'Replanned',
  'setting-changed': 'Setting changed',
  'secret-changed': 'Credential changed',
  'exchange-file': 'Exchange file',
};

/**
 * The hash-chained audit log: every canonical event, newest first, filtered by kind, person or
 * text, and a check of the whole chain (the same check as `npm run planner -- audit verify`).
 */
export function AuditScreen() {
  const locale = useAppStore((state) => state.description?.region.locale ?? 'en-GB');
  const [kind, setKind] = useState('');
  const [actor, setActor] = useState('');
  const [text, setText] = useState('');
  const [entries, setEntries] = useState<AuditEntryView[]>([]);
  const [kinds, setKinds] = useState<string[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [verification, setVerification] = useState<AuditVerificationView | null>(null);
  const [verifying, setVerifying] = useState(false);
  const version = useApprovalsVersion();


  const query = useCallback(
    (beforeSeq?: number): AuditQueryRequest => ({
      ...(kind ? { kinds: [kind] } : {}),
      ...(actor.trim() ? { actor: actor.trim() } : {}),
      ...(text.trim() ? { text: text.trim() } : {}),
      ...(beforeSeq !== undefined ? { beforeSeq } : {}),
      limit: PAGE,
    }),
    [kind, actor, text],
  );

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      planner()
        .invoke('audit.list', query())
        .then((page) => {
          if (!current) return;
          setEntries(page.entries);
          setKinds(page.kinds);
          setNext(page.nextBeforeSeq);
          setError(null);
        })
        .catch((reason: unknown) => current && setError(reason instanceof Error ? reason.message : String(reason)));
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, version]);

  const more = async (): Promise<void> => {
    if (next === null) return;
    const page = await planner().invoke('audit.list', query(next));
    setEntries((current) => [...current, ...page.entries]);
    setNext(page.nextBeforeSeq);
  };

  const verify = async (): Promise<void> => {
    setVerifying(true);
    try {
      setVerification(await planner().invoke('audit.verify', {}));
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : String(reason));
    } finally {
      setVerifying(false);
    }
  };

  return (
    <section className="screen audit" aria-labelledby="audit-title">
      <div className="screen-header">
        <h1 id="audit-title">Audit log</h1>
        <span className="muted">Append-only; each entry carries the hash of the one before it.</span>
      </div>
      <div className="toolbar">
        <label>
          Kind
          <select value={kind} onChange={(event) => setKind(event.target.value)} data-testid="audit-kind">
            <option value="">Every kind</option>
            {kinds.map((name) => (
              <option key={name} value={name}>
                {KIND_LABELS[name] ?? name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Who
          <input type="search" value={actor} placeholder="login, or system" onChange={(event) => setActor(event.target.value)} data-testid="audit-actor" />
        </label>
        <label>
          Contains
          <input type="search" value={text} placeholder="batch, line, comment…" onChange={(event) => setText(event.target.value)} data-testid="audit-text" />
        </label>
        <span className="toolbar-spacer" />
        <button type="button" className="primary" onClick={() => void verify()} disabled={verifying} data-testid="audit-verify">
          {verifying ? 'Checking…' : 'Verify the chain'}
        </button>
      </div>
      {verification && (
        <div className={verification.ok ? 'audit-verified ok' : 'audit-verified broken'} role={verification.ok ? 'status' : 'alert'} data-testid="audit-verification">
          <strong>{verification.ok ? 'Verified' : 'Broken'}</strong> {verification.message} <span className="muted">(checked {new Date(verification.checkedAt).toLocaleString(locale)})</span>
        </div>
      )}
      {error && (
        <div className="empty-state" role="alert">
          {error}
        </div>
      )}
      <table className="audit-entries" aria-label="Audit entries">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">When</th>
            <th scope="col">What</th>
            <th scope="col">Who</th>
            <th scope="col">Details</th>
            <th scope="col">Hash</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.seq} data-testid="audit-entry" data-kind={entry.kind}>
              <td className="number">{entry.seq}</td>
              <td>{new Date(entry.at).toLocaleString(locale)}</td>
              <td>{KIND_LABELS[entry.kind] ?? entry.kind}</td>
              <td>{entry.actor}</td>
              <td>{entry.summary}</td>
              <td>
                <code title={entry.hash}>{entry.hash.slice(0, 12)}…</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {entries.length === 0 && !error && <p className="muted">No entries match.</p>}
      {next !== null && (
        <button type="button" onClick={() => void more()} className="audit-more">
          Older entries
        </button>
      )}
    </section>
  );
}
