/**
 * A float read from a float/monetary field. JSON sees a plain number (toJSON); the XML-RPC codec
 * writes it as <double>, as Odoo's marshaller does for Python floats (55.0, not <int>55</int>).
 */
export class FloatValue {
  constructor(readonly value: number) {}

  toJSON(): number {
    return this.value;
  }
}

export function float(value: unknown): FloatValue {
  return new FloatValue(Number(value) || 0);
}
