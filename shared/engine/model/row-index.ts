/** Which lines belong to each row, in their original order (CSR layout: one offset array, one item array). */
export interface RowIndex {
  readonly start: Int32Array;
  readonly items: Int32Array;
}

export function buildRowIndex(rowOfLine: Int32Array, rowCount: number): RowIndex {
  const start = new Int32Array(rowCount + 1);
  for (const row of rowOfLine) if (row >= 0) start[row + 1] = (start[row + 1] ?? 0) + 1;
  for (let row = 0; row < rowCount; row++) start[row + 1] = (start[row + 1] ?? 0) + (start[row] ?? 0);
  const fill = start.slice(0, rowCount);
  const items = new Int32Array(start[rowCount] ?? 0);
  rowOfLine.forEach((row, line) => {
    if (row < 0) return;
    const at = fill[row] ?? 0;
    items[at] = line;
    fill[row] = at + 1;
  });
  return { start, items };
}
