/**
 * Reading `ConvertTo-Json` output. Its traps:
 * - one object is written as an object, several as an array, none as nothing at all;
 * - enums are written as numbers by Windows PowerShell 5.1 and may be names elsewhere;
 * - the console may add a BOM or surrounding whitespace.
 * Everything becomes an array of plain objects, or a ParseError that points at the bad spot.
 */
import { ParseError } from './parse-error';

export type JsonObject = Record<string, unknown>;

function lineOfPosition(text: string, position: number): { line: number; text: string } {
  const before = text.slice(0, position);
  const line = before.split(/\r\n|\r|\n/).length;
  const lines = text.split(/\r\n|\r|\n/);
  return { line, text: lines[line - 1] ?? '' };
}

/** The objects in a ConvertTo-Json document (empty output = no objects). */
export function parsePowerShellJson(input: string, what: string): JsonObject[] {
  if (typeof input !== 'string') throw new ParseError(`${what} output is not text`, 0, '');
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  if (text.trim() === '') return [];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const pos = /position (\d+)/.exec(message);
    const at = pos === null ? { line: 1, text: text.split(/\r\n|\r|\n/)[0] ?? '' } : lineOfPosition(text, Number(pos[1]));
    throw new ParseError(`${what} output is not valid JSON (${message})`, at.line, at.text);
  }
  const items = Array.isArray(value) ? value : [value];
  return items.map((item, index) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      throw new ParseError(`${what} output item ${index + 1} is not an object`, 1, JSON.stringify(item) ?? String(item));
    }
    return item as JsonObject;
  });
}

/** Errors about one item point at line 1 (compressed JSON is one line) and quote the item. */
export function itemError(what: string, item: JsonObject, problem: string): ParseError {
  let shown: string;
  try {
    shown = JSON.stringify(item);
  } catch {
    shown = '[item]';
  }
  return new ParseError(`${what}: ${problem}`, 1, shown);
}

export function optionalString(item: JsonObject, key: string, what: string): string | null {
  const v = item[key];
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  // Objects beyond -Depth are written as their ToString(); objects within it usually carry a Name.
  if (typeof v === 'object' && !Array.isArray(v) && typeof (v as JsonObject)['Name'] === 'string')
    return (v as JsonObject)['Name'] as string;
  throw itemError(what, item, `${key} is not text`);
}

export function requiredString(item: JsonObject, key: string, what: string): string {
  const v = optionalString(item, key, what);
  if (v === null || v === '') throw itemError(what, item, `${key} is missing`);
  return v;
}

/**
 * A DriveLetter property as `E:`, or null for none: a letterless partition's or volume's is a [char] 0, which
 * ConvertTo-Json writes as "\u0000" (docs/windows-facts.md#letterless-volumes), and trim() keeps it.
 */
export function optionalDriveLetter(item: JsonObject, what: string): string | null {
  const letter = (optionalString(item, 'DriveLetter', what) ?? '').replace(/\0/g, '').trim();
  if (letter === '') return null;
  if (!/^[A-Za-z]$/.test(letter)) throw itemError(what, item, 'DriveLetter is not a letter');
  return `${letter.toUpperCase()}:`;
}

export function optionalBoolean(item: JsonObject, key: string, what: string): boolean | null {
  const v = item[key];
  if (v === undefined || v === null) return null;
  if (typeof v === 'boolean') return v;
  if (v === 'True' || v === 'true') return true;
  if (v === 'False' || v === 'false') return false;
  throw itemError(what, item, `${key} is not true or false`);
}

export function optionalInteger(item: JsonObject, key: string, what: string): number | null {
  const v = item[key];
  if (v === undefined || v === null) return null;
  if (typeof v === 'number' && Number.isSafeInteger(v)) return v;
  if (typeof v === 'string' && /^-?\d{1,15}$/.test(v.trim())) return Number(v.trim());
  throw itemError(what, item, `${key} is not a whole number`);
}
