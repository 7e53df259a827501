/**
 * The run's report, saved in any format: HTML (self-contained, prints well), PDF, JSON (complete, with its
 * digest, for `shadowswap report verify`) and CSV of the steps. Built from the run's journal by the core.
 */
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ReportFormat } from '../../../shared/report';
import { client } from '../client';
import { base64Bytes, saveBlob } from '../download';

const formats: Array<{ format: ReportFormat; label: string }> = [
  { format: 'html', label: 'HTML report' },
  { format: 'pdf', label: 'PDF report' },
  { format: 'json', label: 'JSON (verifiable)' },
  { format: 'csv', label: 'CSV of the steps' },
];

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  error: { color: tokens.colorPaletteRedForeground1 },
});

export function ReportExports({ runId }: { runId: string }) {
  const styles = useStyles();
  const [busy, setBusy] = useState<ReportFormat | null>(null);
  const [status, setStatus] = useState<{ text: string; failed: boolean } | null>(null);

  async function save(format: ReportFormat) {
    setBusy(format);
    setStatus(null);
    try {
      const report = await client.invoke('reports.export', { runId, format });
      const body = report.encoding === 'base64' ? base64Bytes(report.content) : report.content;
      saveBlob(report.fileName, new Blob([body], { type: report.mediaType }));
      setStatus({ text: `Saved ${report.fileName}.`, failed: false });
    } catch (error) {
      setStatus({ text: `The ${format.toUpperCase()} report could not be made: ${(error as Error).message}`, failed: true });
    } finally {
      setBusy(null);
    }
  }

  return (
    <div role="group" aria-label={`Report of run ${runId}`} className={styles.row}>
      <Text weight="semibold">Report:</Text>
      {formats.map(({ format, label }) => (
        <Button key={format} size="small" disabled={busy !== null} onClick={() => void save(format)}>
          {busy === format ? 'Preparing…' : label}
        </Button>
      ))}
      {status && (
        <Text role="status" className={status.failed ? styles.error : undefined}>
          {status.text}
        </Text>
      )}
    </div>
  );
}
