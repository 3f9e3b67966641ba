import { useEffect, useMemo, useState } from 'react';
import { SCENARIO_EDIT_KINDS, type ScenarioEdit, type ScenarioEditKind } from '../../../../../shared/domain';
import type { EditOutcome, PlanningCatalog, RowDetails, ScenarioDetail } from '../../../../../shared/ipc';
import { planner } from '../../../bridge';
import { formatDate, formatQuantity } from '../../../format';
import { editKindLabel } from '../describe-edit';
import { checkDraft, EDIT_FIELDS, newEditId, type Draft, type FieldErrors } from './edit-draft';
import { FieldInput, type Choice, type FieldChoices } from './FieldInput';

function useRowDetails(nodeId: string | undefined, skuId: string | undefined): RowDetails | null {
  const [details, setDetails] = useState<RowDetails | null>(null);
  useEffect(() => {
    setDetails(null);
    if (!nodeId || !skuId) return;
    let current = true;
    planner()
      .invoke('planning.rowDetails', { nodeId, skuId })
      .then((found) => current && setDetails(found))
      .catch(() => current && setDetails(null));
    return () => {
      current = false;
    };
  }, [nodeId, skuId]);
  return details;
}

/**
 * A form for every kind of scenario edit. The draft is checked here as the services will check it;
 * a refusal from the services (which also know the scenario so far) lands on the field it names.
 */
export function EditForm({
  scenario,
  catalog,
  locale,
  onApply,
}: {
  scenario: ScenarioDetail;
  catalog: PlanningCatalog;
  locale: string;
  onApply(edits: ScenarioEdit[]): Promise<EditOutcome | null>;
}) {
  const [kind, setKind] = useState<ScenarioEditKind>('add-transfer');
  const [draft, setDraft] = useState<Draft>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ level: 'error' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [generation, setGeneration] = useState(0);

  const active = useMemo(() => scenario.edits.filter((entry) => entry.active).map((entry) => entry.edit), [scenario.edits]);
  const qty = (value: number): string => formatQuantity(value, locale);
  const rowNode = kind === 'add-transfer' ? draft.toNodeId : draft.nodeId;
  const details = useRowDetails(rowNode, draft.skuId);
  const chosenSupply = details?.supply.find((line) => line.id === draft.transferId);
  const sourceNode = catalog.nodes.find((node) => node.code === chosenSupply?.counterparty || node.id === chosenSupply?.counterparty);
  const sourceDetails = useRowDetails(kind === 'remove-transfer' ? sourceNode?.id : undefined, draft.skuId);

  const choices: FieldChoices = useMemo(() => {
    const scenarioTransfers: Choice[] = active.flatMap((edit) =>
      edit.kind === 'add-transfer' ? [{ id: edit.id, label: `${edit.id}: ${qty(edit.qty)} × ${edit.skuId} ${edit.fromNodeId} → ${edit.toNodeId}, ships ${formatDate(edit.shipDate, locale)}` }] : [],
    );
    const openTransfers: Choice[] =
      kind === 'remove-transfer'
        ? (details?.supply ?? []).filter((line) => line.kind === 'transfer-in').map((line) => ({ id: line.id, label: `${line.id}: ${qty(line.qty)} from ${line.counterparty ?? '?'}, due ${formatDate(line.eta, locale)} (open in Odoo)` }))
        : [];
    const purchases: Choice[] = active.flatMap((edit) =>
      edit.kind === 'add-purchase' && (!draft.nodeId || edit.nodeId === draft.nodeId) ? [{ id: edit.id, label: `${edit.id}: purchase of ${qty(edit.qty)} added in this scenario` }] : [],
    );
    return { catalog, details, sourceDetails, transfers: [...scenarioTransfers, ...openTransfers], purchases, locale };
  }, [active, catalog, details, sourceDetails, kind, draft.nodeId, locale]);

  const set = (name: string, value: string): void => {
    setDraft((current) => ({ ...current, [name]: value }));
    setErrors((current) => {
      if (!(name in current)) return current;
      const next = { ...current };
      delete next[name];
      return next;
    });
  };

  const submit = async (): Promise<void> => {
    setMessage(null);
    const checked = checkDraft(kind, draft, catalog, newEditId(kind));
    setErrors(checked.errors);
    if (!checked.edit) return;
    setBusy(true);
    try {
      const outcome = await onApply([checked.edit]);
      if (!outcome) return;
      if (!outcome.applied) {
        setErrors({ [outcome.refusal.path]: outcome.refusal.message });
        setMessage({ level: 'error', text: outcome.message });
        return;
      }
      setMessage({ level: 'info', text: outcome.notes.length > 0 ? `Added. ${outcome.notes.map((note) => note.message).join(' ')}` : `Added: ${outcome.touchedRows} node × SKU rows recomputed.` });
      setDraft({});
      setGeneration((value) => value + 1);
    } finally {
      setBusy(false);
    }
  };

  const fields = EDIT_FIELDS[kind];
  const unknownErrors = Object.entries(errors).filter(([path]) => !fields.some((field) => field.name === path));

  return (
    <form
      className="edit-form"
      aria-label="Add an edit"
      data-testid="edit-form"
      // The form's own checks speak in the planner's words and name the field; the browser's bubbles would not.
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <div className="form-field">
        <label htmlFor="edit-kind">Edit</label>
        <select
          id="edit-kind"
          value={kind}
          data-testid="edit-kind"
          onChange={(event) => {
            setKind(event.target.value as ScenarioEditKind);
            setErrors({});
            setMessage(null);
          }}
        >
          {SCENARIO_EDIT_KINDS.map((option) => (
            <option key={option} value={option}>
              {editKindLabel(option)}
            </option>
          ))}
        </select>
      </div>
      <div className="form-fields" key={`${kind}-${generation}`}>
        {fields.map((field) => (
          <FieldInput key={field.name} field={field} value={draft[field.name] ?? ''} error={errors[field.name]} choices={choices} onChange={(value) => set(field.name, value)} />
        ))}
      </div>
      {unknownErrors.map(([path, text]) => (
        <p key={path} className="field-error" role="alert">
          {path}: {text}
        </p>
      ))}
      {message && (
        <p className={message.level === 'error' ? 'form-message error' : 'form-message'} role={message.level === 'error' ? 'alert' : 'status'} data-testid="edit-message">
          {message.text}
        </p>
      )}
      <button type="submit" className="button primary" disabled={busy || scenario.blockedReason !== null} data-testid="edit-submit">
        {busy ? 'Adding…' : 'Add edit'}
      </button>
    </form>
  );
}
