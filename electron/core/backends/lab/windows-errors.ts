/**
 * The Lab's failures, built from the shared code registry (electron/core/windows-codes.ts) so that what
 * an operator reads in a drill is what they will read on a server, code and text alike.
 */
import { ShadowSwapError, type ErrorCode } from '../../../../shared/errors';
import { formatHresult, windowsCodes, type WindowsCodeSymbol } from '../../windows-tools/windows-codes';

/** The codes the Lab can fail with: those whose system text the registry holds. */
export type WindowsErrorSymbol = {
  [K in WindowsCodeSymbol]: (typeof windowsCodes)[K]['text'] extends string ? K : never;
}[WindowsCodeSymbol];
const windowsErrors: Record<WindowsErrorSymbol, { hresult: number; text: string }> = windowsCodes;

export function statusOf(symbol: WindowsErrorSymbol): { hresult: string; symbol: string } {
  return { hresult: formatHresult(windowsErrors[symbol].hresult), symbol };
}

/**
 * A failure carrying the real code. `explanation` says what happened and what to do; the real text is
 * appended so the operator can search for it. BACKEND_FAILED unless it is the caller's order that is wrong.
 */
export function windowsFailure(symbol: WindowsErrorSymbol, explanation: string, code: ErrorCode = 'BACKEND_FAILED'): ShadowSwapError {
  const { hresult, text } = windowsErrors[symbol];
  return new ShadowSwapError(code, `${explanation} (${symbol} ${formatHresult(hresult)}: ${text})`, { ...statusOf(symbol), text });
}
