/** A refused or failed call, in the engine's own operator language (the RemoteError message says what to do). */
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

export function ActionError({ error, what }: { error: Error | null; what: string }) {
  if (!error) return null;
  return (
    <MessageBar intent="error">
      <MessageBarBody>
        <MessageBarTitle>{what}</MessageBarTitle>
        {error.message}
      </MessageBarBody>
    </MessageBar>
  );
}
