import { useState } from 'react';
import type { ScenarioSummary } from '../../../../shared/ipc';

/** The saved scenarios, and making a new one from the snapshot loaded now. */
export function ScenarioList({
  scenarios,
  selectedId,
  onSelect,
  onCreate,
}: {
  scenarios: ScenarioSummary[];
  selectedId: string | null;
  onSelect(id: string): void;
  onCreate(name: string): Promise<void>;
}) {
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <aside className="scenario-list" aria-label="Scenarios">
      <form
        className="scenario-create"
        onSubmit={(event) => {
          event.preventDefault();
          if (name.trim() === '') return;
          setBusy(true);
          void onCreate(name.trim())
            .then(() => setName(''))
            .finally(() => setBusy(false));
        }}
      >
        <label htmlFor="scenario-name">New scenario from the current snapshot</label>
        <div className="inline">
          <input id="scenario-name" type="text" maxLength={200} placeholder="Name" value={name} onChange={(event) => setName(event.target.value)} data-testid="scenario-name" />
          <button type="submit" className="button primary" disabled={busy || name.trim() === ''} data-testid="scenario-create">
            Create
          </button>
        </div>
      </form>
      {scenarios.length === 0 ? (
        <p className="muted">No scenarios yet.</p>
      ) : (
        <ul>
          {scenarios.map((scenario) => (
            <li key={scenario.id}>
              <button
                type="button"
                className={scenario.id === selectedId ? 'scenario-item active' : 'scenario-item'}
                aria-current={scenario.id === selectedId || undefined}
                onClick={() => onSelect(scenario.id)}
                data-testid="scenario-item"
              >
                <span className="scenario-item-name">{scenario.name}</span>
                <span className="muted">
                  {scenario.position} {scenario.position === 1 ? 'edit' : 'edits'}
                  {scenario.editCount > scenario.position ? ` (+${scenario.editCount - scenario.position} undone)` : ''}
                </span>
                {scenario.madeOnOlderSnapshot && <span className="badge warning">older snapshot</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
