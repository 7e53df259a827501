/**
 * The only error a parser may throw. It points at the offending line so the operator (and the recorded
 * transcript) can see exactly which part of the tool output was not understood.
 */
export class ParseError extends Error {
  /** 1-based line number in the input (after splitting on CRLF/LF/CR); 0 when no line applies. */
  readonly line: number;
  /** The text of that line as received (before wrap joining). */
  readonly text: string;

  constructor(message: string, line: number, text: string) {
    super(line > 0 ? `${message} (line ${line}: ${JSON.stringify(text.length > 200 ? `${text.slice(0, 200)}...` : text)})` : message);
    this.name = 'ParseError';
    this.line = line;
    this.text = text;
  }
}
