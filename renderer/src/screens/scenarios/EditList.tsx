import type { ScenarioDetail } from '../../../../shared/ipc';
import { describeEdit, type EditWording } from './describe-edit';

/** The scenario's edits in order; undone ones stay listed, greyed, until a new edit replaces them. */
export function EditList({ scenario, words }: { scenario: ScenarioDetail; words: EditWording }) {
  if (scenario.edits.length === 0) return <p className="muted">No edits yet: add one below. The scenario equals the baseline.</p>;
  return (
    <ol className="edit-list" data-testid="edit-list">
      {scenario.edits.map(({ edit, active }) => (
        <li key={edit.id} className={active ? 'edit' : 'edit undone'} data-testid="edit-entry" data-active={active}>
          <span>{describeEdit(edit, words)}</span>
          {!active && <span className="badge">undone</span>}
          {edit.note && <span className="edit-note">{edit.note}</span>}
        </li>
      ))}
    </ol>
  );
}
