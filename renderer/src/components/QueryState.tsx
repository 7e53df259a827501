/** What a page shows while its data loads or when the backend refused: never a blank screen. */
import { MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import type { ReactNode } from 'react';

export function QueryError({ what, error }: { what: string; error: Error }) {
  return (
    <MessageBar intent="error">
      <MessageBarBody>
        <MessageBarTitle>Could not load {what}</MessageBarTitle>
        {error.message}
      </MessageBarBody>
    </MessageBar>
  );
}

interface Props<T> {
  query: { isPending: boolean; error: Error | null; data: T | undefined };
  what: string;
  children: (data: T) => ReactNode;
}

export function QueryState<T>({ query, what, children }: Props<T>) {
  if (query.error) return <QueryError what={what} error={query.error} />;
  if (query.isPending || query.data === undefined) return <Spinner label={`Loading ${what}…`} />;
  return <>{children(query.data)}</>;
}
