/**
 * The report's own digest. Canonical JSON (keys sorted, no whitespace, and <, >, & and the JavaScript
 * line separators escaped so the same text can sit inside an HTML <script> block unchanged) hashed with
 * SHA-256: the JSON export and the HTML carry the same digest for the same model. Each section (a
 * top-level field, or one step) has its own digest too, so a change can be named without the journal.
 */
import { createHash } from 'node:crypto';
import type { ReportDigest } from '../../../shared/report';

const htmlSensitive = /[<>&\u2028\u2029]/g;

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${quote(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return typeof value === 'string' ? quote(value) : JSON.stringify(value);
}

function quote(text: string): string {
  return JSON.stringify(text).replace(htmlSensitive, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Section names: a top-level field by its name, a step as "step:<id>". Takes the model as plain JSON so
 * verification hashes exactly what a file holds, fields a schema would drop included.
 */
export function reportSections(model: Readonly<Record<string, unknown>>): Map<string, unknown> {
  const sections = new Map<string, unknown>();
  for (const [key, value] of Object.entries(model)) {
    if (key === 'steps' && Array.isArray(value))
      value.forEach((step: { id?: unknown }, i) => sections.set(`step:${typeof step?.id === 'string' ? step.id : `#${i + 1}`}`, step));
    else sections.set(key, value);
  }
  return sections;
}

export function digestReport(model: Readonly<Record<string, unknown>>): ReportDigest {
  return {
    algorithm: 'sha256',
    report: sha256(canonicalJson(model)),
    sections: Object.fromEntries([...reportSections(model)].map(([name, value]) => [name, sha256(canonicalJson(value))])),
  };
}
