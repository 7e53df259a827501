/** UI-only state (which page is open), kept in zustand; server data lives in react-query. */
import { create } from 'zustand';

export type PageId = 'luns' | 'hosts';

interface UiState {
  page: PageId;
  openPage(page: PageId): void;
}

export const useUiStore = create<UiState>((set) => ({
  page: 'luns',
  openPage: (page) => set({ page }),
}));
