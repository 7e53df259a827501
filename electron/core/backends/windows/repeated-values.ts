/**
 * Set and provider GUIDs, machine names, provider names, attribute lists and creation times repeat from
 * one shadow copy to the next. A listing of 40 000 copies should not keep 40 000 equal strings (every one
 * of them survives into the result, and the collector has to move each out of the young generation), nor
 * normalise the same text 40 000 times. A RepeatedField remembers what a field's text produced and hands
 * it out again when the same text comes back, reading the text in place so that a repeat costs no string.
 */
export class RepeatedField<T> {
  private lastText: string | null = null;
  private lastValue: T;
  /** Texts seen before the last one, when the field's values recur out of order; null when only runs repeat. */
  private readonly earlier: Map<string, T> | null;

  /**
   * @param produce turns the field's text into its value (e.g. a normalised GUID).
   * @param initial a placeholder, never handed out.
   * @param recurring how many distinct texts to remember (creation times: the copies of a set share one and
   *   the hours recur across sets); 0 when values repeat only in runs (a set's GUID, the host's name). The
   *   table is emptied when full, so a listing of all-distinct texts costs a few resets, not unbounded memory.
   */
  constructor(
    private readonly produce: (text: string) => T,
    initial: T,
    private readonly recurring = 0,
  ) {
    this.lastValue = initial;
    this.earlier = recurring > 0 ? new Map() : null;
  }

  /** `produce(s.slice(from, to))`, or what the same text produced before. */
  at(s: string, from: number, to: number): T {
    const last = this.lastText;
    // startsWith at a position is one native comparison and slices nothing.
    if (last !== null && to - from === last.length && s.startsWith(last, from)) return this.lastValue;
    const text = s.slice(from, to);
    let value = this.earlier?.get(text);
    if (value === undefined) {
      value = this.produce(text);
      if (this.earlier !== null) {
        if (this.earlier.size >= this.recurring) this.earlier.clear();
        this.earlier.set(text, value);
      }
    }
    this.lastText = text;
    this.lastValue = value;
    return value;
  }
}
