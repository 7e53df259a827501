/**
 * Who is operating this browser console. Every console of one gateway runs as the gateway's account, so
 * the person names themselves once per browser session; the name goes with each confirmation and the
 * journal records it with the door. The desktop app confirms as the signed-in account and never asks.
 */
import { create } from 'zustand';
import { transportKind } from './client';

const SESSION_KEY = 'shadowswap.operator';

interface OperatorState {
  /** The name given in this session; null until given (always null in the desktop app, which does not ask). */
  name: string | null;
  setName(name: string | null): void;
}

function storedName(): string | null {
  if (transportKind !== 'browser') return null;
  try {
    return window.sessionStorage.getItem(SESSION_KEY);
  } catch {
    return null;
  }
}

export const useOperatorStore = create<OperatorState>((set) => ({
  name: storedName(),
  setName: (name) => {
    try {
      if (name === null) window.sessionStorage.removeItem(SESSION_KEY);
      else window.sessionStorage.setItem(SESSION_KEY, name);
    } catch {
      // Storage refused (a private window's quota): the name lasts until the page reloads.
    }
    set({ name });
  },
}));

/** Whether this console must ask for a name: the browser console, until one is given. */
export const operatorNeeded = (name: string | null) => transportKind === 'browser' && name === null;

/** The operator param of a confirmation: the session's name in a browser; nothing in the desktop app. */
export function operatorParam(): { operator?: string } {
  const { name } = useOperatorStore.getState();
  return name === null ? {} : { operator: name };
}
