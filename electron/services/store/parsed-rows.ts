/**
 * Parsed rows kept by id with the text they were parsed from, for rows written once and read often
 * (an approval line's record never changes: a trigger refuses it). The inbox and the open-order
 * checks read every open line on each refresh; at 4,000 of them parsing was ~120 ms of each. The
 * same text is not parsed twice; a different text under the same id is parsed again (and refused,
 * if it fails the schema) as ever, so a row changed behind the planner's back is still caught.
 * Oldest entries go first once `capacity` is reached.
 */
export class ParsedRows<T> {
  private readonly byId = new Map<string, { text: string; value: T }>();

  constructor(
    private readonly parse: (id: string, text: string) => T,
    private readonly capacity: number,
  ) {}

  get(id: string, text: string): T {
    const known = this.byId.get(id);
    if (known && known.text === text) return known.value;
    const value = this.parse(id, text);
    if (known) this.byId.delete(id);
    else if (this.byId.size >= this.capacity) {
      const oldest = this.byId.keys().next();
      if (!oldest.done) this.byId.delete(oldest.value);
    }
    this.byId.set(id, { text, value });
    return value;
  }
}
