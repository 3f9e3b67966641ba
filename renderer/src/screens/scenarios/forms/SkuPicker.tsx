import { useEffect, useRef, useState } from 'react';
import type { SkuChoices } from '../../../../../shared/ipc';
import { planner } from '../../../bridge';

type Choice = SkuChoices['skus'][number];

/**
 * Finds a SKU by code or description among tens of thousands (the search runs in the planning
 * worker). Typing a code exactly picks it; otherwise pick from the suggestions.
 */
export function SkuPicker({ value, onChange, id, testId, invalid }: { value: string; onChange(skuId: string): void; id: string; testId?: string; invalid?: boolean }) {
  const [text, setText] = useState(value);
  const [choices, setChoices] = useState<Choice[]>([]);
  const [open, setOpen] = useState(false);
  // The parent's callback and the picked id are read when an answer arrives, not watched: typing alone asks again.
  const latest = useRef({ value, onChange });
  latest.current = { value, onChange };

  useEffect(() => {
    if (value === '') return;
    setText((current) => (current === '' ? value : current));
  }, [value]);

  useEffect(() => {
    const wanted = text.trim();
    let current = true;
    const timer = setTimeout(() => {
      planner()
        .invoke('planning.skus', { text: wanted, limit: 8 })
        .then((found) => {
          if (!current) return;
          setChoices(found.skus);
          const picked = latest.current.value;
          const exact = found.skus.find((sku) => sku.code.toLowerCase() === wanted.toLowerCase() || sku.id === wanted);
          if (exact && exact.id !== picked) latest.current.onChange(exact.id);
          if (!exact && picked !== '' && wanted !== picked) latest.current.onChange('');
        })
        .catch(() => current && setChoices([]));
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text]);

  const pick = (choice: Choice): void => {
    setText(choice.code);
    setOpen(false);
    onChange(choice.id);
  };

  return (
    <div className="sku-picker">
      <input
        id={id}
        type="search"
        value={text}
        placeholder="Code or description"
        autoComplete="off"
        aria-invalid={invalid || undefined}
        data-testid={testId}
        data-resolved={value || undefined}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
        }}
      />
      {open && choices.length > 0 && (
        <ul className="sku-choices" role="listbox">
          {choices.map((choice) => (
            <li key={choice.id} role="option" aria-selected={choice.id === value}>
              <button type="button" onMouseDown={(event) => event.preventDefault()} onClick={() => pick(choice)}>
                <strong>{choice.code}</strong> {choice.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
