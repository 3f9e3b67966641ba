/**
 * Parsed rows kept by id with the text they were parsed from, for rows written once and read often
 * (an approval line's record never changes: a trigger refuses it). The inbox and the open-order
 * checks read every open line on each refresh; at 4,000 of them parsing was ~120 ms of each. The
 * same text is not parsed twice; a different text under the same id is parsed again (and refused,
 * if it fails the schema) as ever, so a row changed behind the planner's back is still caught.
 *
 * Once `capacity` rows are kept, the least recently read goes only if nobody read it in the last
 * `4 × capacity` reads (a settled line nobody asks for any more); otherwise the new row is parsed and
 * not kept. Each refresh reads every open line in the same order, so evicting the least recent row
 * for each new one would keep evicting the very row read next, and past `capacity` open lines
 * nothing would ever be found: this way `capacity` of them stay found.
 */
export class ParsedRows<T> {
  /** In order of last read, least recent first. */
  private readonly byId = new Map<string, { text: string; value: T; readAt: number }>();
  private reads = 0;

  constructor(
    private readonly parse: (id: string, text: string) => T,
    private readonly capacity: number,
  ) {}

  get(id: string, text: string): T {
    const readAt = ++this.reads;
    const known = this.byId.get(id);
    if (known) this.byId.delete(id);
    if (known && known.text === text) {
      known.readAt = readAt;
      this.byId.set(id, known);
      return known.value;
    }
    const value = this.parse(id, text);
    if (this.byId.size >= this.capacity && !this.forgetLeastRecent(readAt)) return value;
    this.byId.set(id, { text, value, readAt });
    return value;
  }

  private forgetLeastRecent(now: number): boolean {
    const least = this.byId.entries().next();
    if (least.done || now - least.value[1].readAt <= 4 * this.capacity) return false;
    this.byId.delete(least.value[0]);
    return true;
  }
}
