/** Asks the browser console's operator for their name, once per session, before anything else. */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Text,
} from '@fluentui/react-components';
import { useState } from 'react';
import { OperatorName } from '../../shared/operator-name';
import { operatorNeeded, useOperatorStore } from './operator';

export function OperatorPrompt() {
  const { name, setName } = useOperatorStore();
  const [typed, setTyped] = useState('');
  const parsed = OperatorName.safeParse(typed);
  return (
    <Dialog open={operatorNeeded(name)} modalType="alert">
      <DialogSurface aria-label="Who is operating this console?">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (parsed.success) setName(parsed.data);
          }}
        >
          <DialogBody>
            <DialogTitle>Who is operating this console?</DialogTitle>
            <DialogContent>
              <Text as="p">
                Everyone using this server acts under its account, so your name is what the run journal and its report record with each step
                you confirm or roll back here. It is kept for this browser session only.
              </Text>
              <Field label="Your name" validationMessage={typed !== '' && !parsed.success ? parsed.error.issues[0]?.message : undefined}>
                <Input value={typed} onChange={(_event, data) => setTyped(data.value)} autoFocus />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" disabled={!parsed.success}>
                Continue
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
