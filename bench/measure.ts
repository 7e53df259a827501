/**
 * Repeated measurement on a noisy shared machine: every figure is the median of several runs, with min
 * and max, so one slow run cannot pass for the truth. Ratios are measured side by side in the same run.
 */
export interface Figure {
  name: string;
  unit: string;
  median: number;
  min: number;
  max: number;
  runs: number;
  /** The target, in the same unit; null when the figure is reported only. */
  target: number | null;
  /** Whether lower or higher is better against the target. */
  better: 'lower' | 'higher';
  note?: string;
}

export function summarize(
  name: string,
  unit: string,
  samples: readonly number[],
  target: number | null,
  better: 'lower' | 'higher' = 'lower',
  note?: string,
): Figure {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return {
    name,
    unit,
    median,
    min: sorted[0] ?? NaN,
    max: sorted.at(-1) ?? NaN,
    runs: samples.length,
    target,
    better,
    ...(note ? { note } : {}),
  };
}

export async function timeRuns(runs: number, action: () => Promise<unknown> | unknown): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await action();
    samples.push(performance.now() - started);
  }
  return samples;
}

/** A clock every thread of the process agrees on: each thread's performance.now() counts from its own start. */
export const processClock = (): number => performance.timeOrigin + performance.now();

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export function meetsTarget(figure: Figure): boolean | null {
  if (figure.target === null) return null;
  return figure.better === 'lower' ? figure.median <= figure.target : figure.median >= figure.target;
}

/** Three significant figures at most, and never "0.00" for a value that is small but not zero. */
function format(value: number): string {
  const size = Math.abs(value);
  if (size >= 100) return value.toFixed(0);
  if (size >= 10) return value.toFixed(1);
  if (size >= 0.1 || size === 0) return value.toFixed(2);
  return value.toPrecision(2);
}

export function figuresTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => {
    const verdict = meetsTarget(f);
    return [
      f.name,
      `${format(f.median)} ${f.unit}`,
      `${format(f.min)}–${format(f.max)}`,
      String(f.runs),
      f.target === null ? '(reported)' : `${f.better === 'lower' ? '≤' : '≥'} ${f.target} ${f.unit} ${verdict ? 'met' : 'MISSED'}`,
    ];
  });
  const header = ['figure', 'median', 'min–max', 'runs', 'target'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
