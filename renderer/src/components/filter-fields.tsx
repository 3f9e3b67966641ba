import { useEffect, useState, type Dispatch, type SetStateAction } from 'react';

interface NodeChoice {
  id: string;
  code: string;
  name: string;
}

/** The "Node" filter of the grids: every node of the network, or all of them. */
export function NodeFilter({ nodes, value, onChange, testId }: { nodes: readonly NodeChoice[]; value: string | undefined; onChange(nodeId: string | undefined): void; testId: string }) {
  return (
    <label>
      Node
      <select value={value ?? ''} onChange={(event) => onChange(event.target.value || undefined)} data-testid={testId}>
        <option value="">All nodes</option>
        {nodes.map((node) => (
          <option key={node.id} value={node.id}>
            {node.code} · {node.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * The text in a grid's SKU box, handed to its filter only after a pause in typing, so the services
 * are not asked again at every key.
 */
export function useSkuText<F extends { skuText?: string }>(setFilter: Dispatch<SetStateAction<F>>): [string, (text: string) => void] {
  const [skuText, setSkuText] = useState('');
  useEffect(() => {
    const wanted = skuText.trim() === '' ? undefined : skuText.trim();
    const timer = setTimeout(() => setFilter((current) => (current.skuText === wanted ? current : { ...current, skuText: wanted })), 250);
    return () => clearTimeout(timer);
  }, [skuText, setFilter]);
  return [skuText, setSkuText];
}

/** The "SKU" filter box of the grids. */
export function SkuFilter({ value, onChange, testId }: { value: string; onChange(text: string): void; testId: string }) {
  return (
    <label>
      SKU
      <input type="search" placeholder="Code or description" value={value} onChange={(event) => onChange(event.target.value)} data-testid={testId} />
    </label>
  );
}
