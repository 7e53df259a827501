/** UI-only state (which page is open), kept in zustand; server data lives in react-query. */
import { create } from 'zustand';

interface UiState {
  /** The id of a page in navigation.tsx. */
  page: string;
  openPage(page: string): void;
}

export const useUiStore = create<UiState>((set) => ({
  page: 'luns',
  openPage: (page) => set({ page }),
}));
