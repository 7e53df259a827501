/**
 * Where a page is shown: if its code cannot be loaded (the server stopped, or was rebuilt and the old chunk is
 * gone; each page is its own chunk, see navigation.tsx) or the page fails to draw, a message that says so in
 * place of the page, with the shell still working around it.
 */
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { Component, type ReactNode } from 'react';

class PageFailure extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (error === null) return this.props.children;
    return (
      <MessageBar intent="error">
        <MessageBarBody>
          <MessageBarTitle>This page could not be shown</MessageBarTitle>
          {error.message}. Reload the page; if it happens again, check that the ShadowSwap server (or the desktop app) is still running,
          then restart it.
        </MessageBarBody>
      </MessageBar>
    );
  }
}

/** `pageKey`: a new page starts with a fresh boundary, so one page's failure does not stick to the next. */
export function PageBoundary({ pageKey, children }: { pageKey: string; children: ReactNode }) {
  return <PageFailure key={pageKey}>{children}</PageFailure>;
}
