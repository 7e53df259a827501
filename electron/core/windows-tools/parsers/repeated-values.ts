/**
 * Set and provider GUIDs, machine names, provider names, attribute lists and creation times repeat from
 * one shadow copy to the next. A listing of 40 000 copies should not keep 40 000 equal strings (every one
 * of them survives into the result, and the collector has to move each out of the young generation), nor
 * normalise the same text 40 000 times. A RepeatedField remembers what a field's text produced and hands
 * it out again when the same text comes back, reading the text in place so that a repeat costs no string.
 */
export class RepeatedField<T> {
  /**
   * Where the last few texts were read (one slot when values repeat only in runs), and what each produced,
   * to compare the next text with them in place: the output is a flat string, while a slice of it is read
   * through its parent at every character (and makes `startsWith` take a slow runtime path), which doubled
   * the cost of the comparison most lines of a listing go through.
   */
  private readonly recentSrc: string[];
  private readonly recentFrom: number[];
  private readonly recentLength: number[];
  private readonly recentValue: T[];
  /** The slot the next new text takes, round robin. */
  private nextSlot = 0;
  /** Texts seen before the recent ones, when the field's values recur out of order; null when only runs repeat. */
  private readonly earlier: Map<string, T> | null;

  /**
   * @param produce turns the field's text into its value (e.g. a normalised GUID).
   * @param initial a placeholder, never handed out.
   * @param recurring how many distinct texts to remember (creation times: the copies of a set share one and
   *   the hours recur across sets; volume labels and alias names come in turn); 0 when values repeat only in
   *   runs (a set's GUID, the host's name). The table is emptied when full, so a listing of all-distinct
   *   texts costs a few resets, not unbounded memory.
   */
  constructor(
    private readonly produce: (text: string) => T,
    initial: T,
    private readonly recurring = 0,
  ) {
    // A few in-place slots catch values taken in turn (a set's volumes, E: F: G:) without a table lookup,
    // which has to slice and hash the text first.
    const slots = recurring > 0 ? RECENT_SLOTS : 1;
    this.recentSrc = new Array<string>(slots).fill('');
    this.recentFrom = new Array<number>(slots).fill(0);
    this.recentLength = new Array<number>(slots).fill(-1);
    this.recentValue = new Array<T>(slots).fill(initial);
    this.earlier = recurring > 0 ? new Map() : null;
  }

  /** `produce(s.slice(from, to))`, or what the same text produced before. */
  at(s: string, from: number, to: number): T {
    const length = to - from;
    for (let slot = 0; slot < this.recentLength.length; slot += 1) {
      if (
        this.recentLength[slot] === length &&
        sameText(s, from, this.recentSrc[slot] as string, this.recentFrom[slot] as number, length)
      ) {
        return this.recentValue[slot] as T;
      }
    }
    const text = s.slice(from, to);
    let value = this.earlier?.get(text);
    if (value === undefined) {
      value = this.produce(text);
      if (this.earlier !== null) {
        if (this.earlier.size >= this.recurring) this.earlier.clear();
        this.earlier.set(text, value);
      }
    }
    const slot = this.nextSlot;
    this.nextSlot = (slot + 1) % this.recentLength.length;
    this.recentSrc[slot] = s;
    this.recentFrom[slot] = from;
    this.recentLength[slot] = length;
    this.recentValue[slot] = value;
    return value;
  }
}

const RECENT_SLOTS = 4;

/** Whether `a` at `aFrom` and `b` at `bFrom` hold the same `length` code units. */
function sameText(a: string, aFrom: number, b: string, bFrom: number, length: number): boolean {
  for (let k = 0; k < length; k += 1) {
    if (a.charCodeAt(aFrom + k) !== b.charCodeAt(bFrom + k)) return false;
  }
  return true;
}
