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

  it('forgets the oldest row once full', () => {
    const { rows, parses } = counted(2);
    rows.get('L1', '{"qty":1}');
    rows.get('L2', '{"qty":2}');
    rows.get('L3', '{"qty":3}');
    rows.get('L2', '{"qty":2}');
    expect(parses()).toBe(3);
    rows.get('L1', '{"qty":1}');
    expect(parses()).toBe(4);
  });
});
