/**
 * Names what differs between two versions of a report, in an auditor's words: which section (from the
 * per-section digests) or which field (from a field-by-field comparison with the model rebuilt from the
 * journal), with the step's number and title and the journal event behind an output line.
 */
import type { ReportDigest } from '../../../shared/report';
import { canonicalJson } from './report-digest';

type Json = unknown;

const sectionTitles: Record<string, string> = {
  schema: 'the schema version',
  generatedAt: 'the time the report was made',
  run: 'the run summary (outcome, times, downtime, operator)',
  estate: 'the estate (hosts, cluster, arrays, LUNs)',
  options: 'the options',
  preflight: 'the preflight checks',
  masking: 'the masking before and after',
  verification: 'the verification results',
  domainController: 'the domain controller restore (kind and results)',
  forensicHold: 'the damaged LUNs (forensic hold)',
  nextSteps: 'what to do next',
  journal: 'the journal reference (chain head, event count)',
};

interface StepLike {
  id?: unknown;
  number?: unknown;
  title?: unknown;
  output?: unknown;
}

function stepsOf(model: Json): StepLike[] {
  const steps = (model as { steps?: unknown } | null)?.steps;
  return Array.isArray(steps) ? (steps as StepLike[]) : [];
}

function stepName(step: StepLike | undefined, fallback: string): string {
  return step && typeof step.number === 'number' && typeof step.title === 'string' ? `step ${step.number} "${step.title}"` : fallback;
}

/** Sections whose digest differs, was removed or was added, named. */
export function changedSections(recorded: ReportDigest['sections'], computed: ReportDigest['sections'], model: Json): string[] {
  const names = [...new Set([...Object.keys(recorded), ...Object.keys(computed)])];
  const describe = (name: string): string => {
    if (!name.startsWith('step:')) return sectionTitles[name] ?? `the field "${name}"`;
    const id = name.slice('step:'.length);
    return stepName(
      stepsOf(model).find((s) => s.id === id),
      `step ${id}`,
    );
  };
  return names.flatMap((name) => {
    if (!(name in computed)) return [`${describe(name)}: removed`];
    if (!(name in recorded)) return [`${describe(name)}: added (it was not in the report when it was made)`];
    return recorded[name] === computed[name] ? [] : [`${describe(name)}: changed`];
  });
}

/** Paths where two JSON values differ, depth first, at most `limit`. */
export function differingPaths(a: Json, b: Json, limit = 8, at: Array<string | number> = []): Array<Array<string | number>> {
  if (canonicalJson(a) === canonicalJson(b)) return [];
  const bothArrays = Array.isArray(a) && Array.isArray(b);
  const bothObjects =
    !bothArrays && a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b);
  if (!bothArrays && !bothObjects) return [at];
  const keys = bothArrays
    ? [...Array(Math.max((a as Json[]).length, (b as Json[]).length)).keys()]
    : [...new Set([...Object.keys(a as object), ...Object.keys(b as object)])];
  const found: Array<Array<string | number>> = [];
  for (const key of keys) {
    if (found.length >= limit) break;
    const left = (a as Record<string | number, Json>)[key];
    const right = (b as Record<string | number, Json>)[key];
    found.push(...differingPaths(left, right, limit - found.length, [...at, key]));
  }
  return found;
}

/** A path in the report in words: `steps[2].output[1].text` → step 3 "…", output line 2 (journal event 27). */
export function describePath(path: ReadonlyArray<string | number>, model: Json): string {
  const [head, index, field, line] = path;
  if (head === 'steps' && typeof index === 'number') {
    const step = stepsOf(model)[index];
    const name = stepName(step, `step ${index + 1}`);
    if (field === 'output' && typeof line === 'number') {
      const output = Array.isArray(step?.output) ? (step.output[line] as { seq?: unknown } | undefined) : undefined;
      return `${name}, output line ${line + 1}${typeof output?.seq === 'number' ? ` (journal event ${output.seq})` : ''}`;
    }
    return `${name}${path.length > 2 ? `, ${path.slice(2).join('.')}` : ''}`;
  }
  return `${sectionTitles[String(head)] ?? String(head)}${path.length > 1 ? ` (${path.slice(1).join('.')})` : ''}`;
}
