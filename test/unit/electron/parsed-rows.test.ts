import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ParsedRows } from '../../../electron/services/store/parsed-rows';

const Row = z.object({ qty: z.number().positive() });

function counted(capacity: number): { rows: ParsedRows<z.infer<typeof Row>>; parses: () => number } {
  let parses = 0;
  const rows = new ParsedRows((_id, text) => {
    parses++;
    return Row.parse(JSON.parse(text));
  }, capacity);
  return { rows, parses: () => parses };
}

describe('rows parsed once and kept by id', () => {
  it('parses the same text under the same id once, and gives back the same value', () => {
    const { rows, parses } = counted(10);
    const first = rows.get('L1', '{"qty":5}');
    expect(rows.get('L1', '{"qty":5}')).toBe(first);
    expect(parses()).toBe(1);
  });

  it('parses a different text under a known id again, and refuses it when it fails the schema', () => {
    const { rows, parses } = counted(10);
    rows.get('L1', '{"qty":5}');
    expect(rows.get('L1', '{"qty":7}')).toEqual({ qty: 7 });
    expect(() => rows.get('L1', '{"qty":-1}')).toThrow();
    expect(parses()).toBe(3);
  });

  it('once full, keeps the rows being read, and forgets a row nobody read for a long while', () => {
    const { rows, parses } = counted(2);
    rows.get('L1', '{"qty":1}');
    rows.get('L2', '{"qty":2}');
    // Full, and L1 was read a moment ago: L3 is parsed but not kept.
    rows.get('L3', '{"qty":3}');
    rows.get('L1', '{"qty":1}');
    rows.get('L2', '{"qty":2}');
    expect(parses()).toBe(3);
    // L1 is read over and over; L2 not for more than 4 × 2 reads: it makes room for L3.
    for (let i = 0; i < 9; i++) rows.get('L1', '{"qty":1}');
    rows.get('L3', '{"qty":3}');
    rows.get('L3', '{"qty":3}');
    rows.get('L1', '{"qty":1}');
    expect(parses()).toBe(4);
    rows.get('L2', '{"qty":2}');
    expect(parses()).toBe(5);
  });

  it('with more open rows than it holds, read in the same order each refresh, still finds as many as it holds', () => {
    const { rows, parses } = counted(100);
    const refresh = (): void => {
      for (let i = 0; i < 150; i++) rows.get(`L${i}`, `{"qty":${i + 1}}`);
    };
    refresh();
    expect(parses()).toBe(150);
    refresh();
    refresh();
    // Each later refresh parses only the 50 rows it cannot hold (a cache that evicted the least
    // recent row for each new one would parse all 150 every time).
    expect(parses()).toBe(250);
  });
});
