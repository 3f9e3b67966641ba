/**
 * `repr()` of a JSON value as Python would print it, because Odoo puts reprs of domain leaves and
 * values into its error messages (e.g. "Invalid field stock.move.foo in leaf ('foo', '=', 1)").
 */
export function pythonRepr(value: unknown, asTuple = false): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : pythonFloat(value);
  if (typeof value === 'string') return pythonString(value);
  if (Array.isArray(value)) {
    const items = value.map((item) => pythonRepr(item));
    if (asTuple) return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
    return `[${items.join(', ')}]`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).map(([key, item]) => `${pythonString(key)}: ${pythonRepr(item)}`);
    return `{${entries.join(', ')}}`;
  }
  return String(value);
}

function pythonFloat(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'nan' : value > 0 ? 'inf' : '-inf';
  return String(value);
}

export function pythonString(value: string): string {
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
  let out = quote;
  for (const char of value) {
    if (char === '\\') out += '\\\\';
    else if (char === quote) out += `\\${quote}`;
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else out += char;
  }
  return out + quote;
}

/** How Python lists missing argument names: 'a' / 'a' and 'b' / 'a', 'b', and 'c'. */
export function pythonNameList(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  if (names.length === 2) return `${names[0]} and ${names[1]}`;
  return `${names.slice(0, -1).join(', ')}, and ${names[names.length - 1]}`;
}
