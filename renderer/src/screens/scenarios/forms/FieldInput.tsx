import type { PlanningCatalog, RowDetails } from '../../../../../shared/ipc';
import { formatDate, formatQuantity } from '../../../format';
import type { FieldSpec } from './edit-draft';
import { SkuPicker } from './SkuPicker';

export interface Choice {
  id: string;
  label: string;
}

/** What the pick-lists of a form offer, given what is filled in so far. */
export interface FieldChoices {
  catalog: PlanningCatalog;
  details: RowDetails | null;
  sourceDetails: RowDetails | null;
  transfers: Choice[];
  purchases: Choice[];
  locale: string;
}

function options(field: FieldSpec, choices: FieldChoices): Choice[] {
  const { catalog, details, sourceDetails, locale } = choices;
  const qty = (value: number): string => formatQuantity(value, locale);
  switch (field.type) {
    case 'node':
      return catalog.nodes.map((node) => ({ id: node.id, label: `${node.code} · ${node.name}` }));
    case 'supplier-option':
      return (details?.supplierOptions ?? []).map((option) => ({
        id: option.id,
        label: `${option.supplier}: ${option.leadDays} days lead, min ${qty(option.minQty)}, multiple ${qty(option.multiple)}${option.unitPrice === null ? '' : `, ${option.unitPrice} a unit`}`,
      }));
    case 'supply-line':
      return [
        ...(details?.supply ?? []).map((line) => ({ id: line.id, label: `${line.id}: ${qty(line.qty)} ${line.kind}${line.counterparty ? ` from ${line.counterparty}` : ''}, due ${formatDate(line.eta, locale)}` })),
        ...choices.purchases,
      ];
    case 'transfer':
      return choices.transfers;
    case 'source-demand-line':
      return (sourceDetails?.demand ?? []).map((line) => ({ id: line.id, label: `${line.id}: ${qty(line.qty)} for ${line.customer}, due ${formatDate(line.dueDate, locale)}` }));
    case 'priority':
      return [1, 2, 3, 4, 5].map((priority) => ({ id: String(priority), label: `P${priority}${priority === 1 ? ' (most important)' : ''}` }));
    default:
      return [];
  }
}

/** One field of an edit form, drawn by its type; the error under it is the form's or the services'. */
export function FieldInput({
  field,
  value,
  error,
  choices,
  onChange,
}: {
  field: FieldSpec;
  value: string;
  error: string | undefined;
  choices: FieldChoices;
  onChange(value: string): void;
}) {
  const id = `edit-field-${field.name}`;
  const testId = `edit-${field.name}`;
  const invalid = error !== undefined;
  let input;
  switch (field.type) {
    case 'sku':
      input = <SkuPicker id={id} value={value} onChange={onChange} testId={testId} invalid={invalid} />;
      break;
    case 'date':
      input = <input id={id} type="date" value={value} min={choices.catalog.horizon.firstDay} max={choices.catalog.horizon.lastDay} aria-invalid={invalid || undefined} data-testid={testId} onChange={(event) => onChange(event.target.value)} />;
      break;
    case 'quantity':
    case 'whole-days':
    case 'factor':
    case 'money':
      input = (
        <input
          id={id}
          type="number"
          inputMode="decimal"
          step={field.type === 'whole-days' ? 1 : 'any'}
          min={0}
          value={value}
          aria-invalid={invalid || undefined}
          data-testid={testId}
          onChange={(event) => onChange(event.target.value)}
        />
      );
      break;
    case 'text':
      input = <input id={id} type="text" maxLength={500} value={value} aria-invalid={invalid || undefined} data-testid={testId} onChange={(event) => onChange(event.target.value)} />;
      break;
    default: {
      const list = options(field, choices);
      input = (
        <select id={id} value={value} aria-invalid={invalid || undefined} data-testid={testId} onChange={(event) => onChange(event.target.value)}>
          <option value="">{field.optional ? '—' : list.length === 0 ? 'nothing to choose yet' : 'Choose…'}</option>
          {list.map((choice) => (
            <option key={choice.id} value={choice.id}>
              {choice.label}
            </option>
          ))}
        </select>
      );
    }
  }
  return (
    <div className={invalid ? 'form-field invalid' : 'form-field'}>
      <label htmlFor={id}>
        {field.label}
        {field.optional ? <span className="muted"> (optional)</span> : null}
      </label>
      {input}
      {field.hint && !invalid && <span className="field-hint">{field.hint}</span>}
      {invalid && (
        <span className="field-error" role="alert" data-testid={`error-${field.name}`}>
          {error}
        </span>
      )}
    </div>
  );
}
