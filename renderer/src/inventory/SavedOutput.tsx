/**
 * "Open saved output…": a customer's saved diskshadow or vssadmin output, parsed by the same parsers as
 * `shadowswap parse`, shown in place of the live sets until the operator goes back. Nothing is stored.
 */
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
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { SavedListing, SavedOutputTool } from '../../../shared/saved-output-contract';
import { client } from '../client';
import { countText } from '../../../shared/count-text';

/** Rows rendered at most; the count says how many there are, and the CLI prints them all. */
const SHOWN = 1000;

export interface OpenedOutput {
  fileName: string;
  tool: SavedOutputTool;
  listing: SavedListing;
}

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  unparsed: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, whiteSpace: 'pre-wrap', margin: 0 },
  /** A refusal may list the lines ShadowSwap did not recognise, one per line. */
  refusal: { whiteSpace: 'pre-wrap' },
});

/**
 * Only a guess for the default choice: vssadmin writes "Contents of shadow copy set ID:" and "Shadow Copy
 * ID:" (French "ID du cliché instantané :", German "Schattenkopiekennung:", Spanish "Id. de instantánea:"),
 * diskshadow "* Shadow copy ID = {...}". The operator can always pick the other tool, and a file read as
 * the wrong one is refused, naming the right one.
 */
function guessTool(text: string): SavedOutputTool {
  const head = text.slice(0, 20_000);
  return /vssadmin|Contents of shadow copy set ID|Shadow Copy ID\s*:|ID du cliché instantané|Schattenkopiekennung|Id\. de instantánea/.test(
    head,
  ) && !/DiskShadow|Shadow copy ID =/.test(head)
    ? 'vssadmin'
    : 'diskshadow';
}

export function OpenSavedOutputDialog({ onOpened }: { onOpened(output: OpenedOutput): void }) {
  const [open, setOpen] = useState(false);
  // The dialog opens without a DialogTrigger: focus comes back to this button when it closes.
  const restoreFocusHere = useRestoreFocusTarget();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [tool, setTool] = useState<SavedOutputTool>('diskshadow');
  const [locale, setLocale] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const styles = useStyles();

  async function read() {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const listing = await client.invoke('parse.savedOutput', {
        tool,
        text: file.text,
        file: file.name,
        ...(locale.trim() ? { locale: locale.trim() } : {}),
      });
      onOpened({ fileName: file.name, tool, listing });
      setOpen(false);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open={open} onOpenChange={(_event, data) => setOpen(data.open)}>
      <Button {...restoreFocusHere} onClick={() => setOpen(true)}>
        Open saved output…
      </Button>
      <DialogSurface aria-label="Open saved tool output">
        <DialogBody>
          <DialogTitle>Open saved diskshadow or vssadmin output</DialogTitle>
          <DialogContent>
            <Field label="File with the tool's output" hint="Nothing is stored or sent anywhere; it is parsed and shown here only.">
              <input
                type="file"
                aria-label="File with the tool's output"
                accept=".txt,.log,text/plain"
                onChange={async (event) => {
                  const chosen = event.target.files?.[0];
                  if (!chosen) return;
                  const text = await chosen.text();
                  setFile({ name: chosen.name, text });
                  setTool(guessTool(text));
                }}
              />
            </Field>
            <Field label="Tool that printed it">
              <RadioGroup value={tool} onChange={(_event, data) => setTool(data.value as SavedOutputTool)}>
                <Radio value="diskshadow" label="diskshadow (create, list shadows, or a /l log)" />
                <Radio value="vssadmin" label="vssadmin (list shadows)" />
              </RadioGroup>
            </Field>
            <Field label="Locale of the host that printed it (optional)" hint="e.g. en-US or de-DE, to read dates such as 03/04/2024">
              <Input value={locale} onChange={(_event, data) => setLocale(data.value)} />
            </Field>
            {error && (
              <MessageBar intent="error">
                <MessageBarBody className={styles.refusal}>{error}</MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>Cancel</Button>
            <Button appearance="primary" disabled={!file || busy} onClick={() => void read()}>
              {busy ? 'Reading…' : 'Show it'}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

export function SavedOutputView({ output, onClose }: { output: OpenedOutput; onClose(): void }) {
  const styles = useStyles();
  const { shadowCopies, aliases, unparsed } = output.listing;
  const aliasNames = Object.keys(aliases);
  return (
    <section className={styles.view} aria-label="Saved output">
      <MessageBar intent="info">
        <MessageBarBody>
          Showing saved {output.tool} output from <strong>{output.fileName}</strong>, not the live inventory.
        </MessageBarBody>
      </MessageBar>
      <div>
        <Button onClick={onClose}>Back to the live snapshot sets</Button>
      </div>
      <Text role="status">
        {countText(shadowCopies.length)} shadow {shadowCopies.length === 1 ? 'copy' : 'copies'}
        {shadowCopies.length > SHOWN ? ` (the first ${countText(SHOWN)} are shown; shadowswap parse prints them all)` : ''}
        {unparsed.length > 0 ? `; ${unparsed.length} line(s) not recognised, listed below` : ''}
      </Text>
      <Table aria-label="Shadow copies in the saved output" size="small">
        <TableHeader>
          <TableRow>
            {['Shadow copy', 'Set', 'Volume', 'Created', 'Exposed as', 'Attributes'].map((header) => (
              <TableHeaderCell key={header}>{header}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {shadowCopies.slice(0, SHOWN).map((copy) => (
            <TableRow key={copy.id}>
              <TableCell className={styles.mono}>{copy.id}</TableCell>
              <TableCell className={styles.mono}>{copy.setId ?? '—'}</TableCell>
              <TableCell>{copy.originalVolumeLabel ?? copy.originalVolume ?? '—'}</TableCell>
              <TableCell>{copy.createdAt ?? copy.creationTime ?? '—'}</TableCell>
              <TableCell>{copy.exposedAs ?? 'not exposed'}</TableCell>
              <TableCell>{copy.attributes.join(', ')}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {aliasNames.length > 0 && <Text>Aliases: {aliasNames.map((name) => `%${name}% = ${aliases[name]}`).join('; ')}</Text>}
      {unparsed.length > 0 && (
        <details>
          <summary>Lines not recognised ({unparsed.length})</summary>
          <pre className={styles.unparsed}>{unparsed.join('\n')}</pre>
        </details>
      )}
    </section>
  );
}
