/**
 * The bar above a DataTable: the search box, the row count (a live status), what the last copy or export
 * did, and the Copy row, Export CSV and Refresh buttons.
 */
import { Button, SearchBox, Spinner, Text, Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular, ArrowDownloadRegular, CopyRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';

export interface ToolbarNotice {
  text: string;
  failed: boolean;
}

interface Props {
  noun: { one: string; many: string };
  countLabel: string;
  fetching: boolean;
  notice: ToolbarNotice | null;
  onSearch: (typed: string) => void;
  canCopy: boolean;
  onCopy: () => void;
  exporting: boolean;
  canExport: boolean;
  onExport: () => void;
  onRefresh: () => void;
  /** What the search box takes beyond words (e.g. "state:damaged"), said in its placeholder. */
  searchHint?: string;
  /** The table's own switches, beside its search box. */
  controls?: ReactNode;
}

const useStyles = makeStyles({
  toolbar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  search: { width: '320px' },
  count: { color: tokens.colorNeutralForeground2, fontVariantNumeric: 'tabular-nums' },
  spacer: { flexGrow: 1 },
  notice: { color: tokens.colorNeutralForeground3 },
  noticeError: { color: tokens.colorPaletteRedForeground1 },
});

export function DataTableToolbar({
  noun,
  countLabel,
  fetching,
  notice,
  onSearch,
  canCopy,
  onCopy,
  exporting,
  canExport,
  onExport,
  onRefresh,
  searchHint,
  controls,
}: Props) {
  const styles = useStyles();
  return (
    <div className={styles.toolbar}>
      <SearchBox
        className={styles.search}
        aria-label={`Search ${noun.many}`}
        placeholder={searchHint ? `Search ${noun.many}, or ${searchHint}` : `Search ${noun.many}`}
        onChange={(_event, data) => onSearch(data.value)}
      />
      {controls}
      <Text className={styles.count} role="status">
        {countLabel}
      </Text>
      {fetching && <Spinner size="extra-tiny" aria-label={`Updating ${noun.many}`} />}
      <span className={styles.spacer} />
      {notice && (
        <Text className={notice.failed ? styles.noticeError : styles.notice} aria-live="polite">
          {notice.text}
        </Text>
      )}
      <Tooltip content="Copy the selected row as JSON (Ctrl+C)" relationship="description">
        <Button icon={<CopyRegular />} disabled={!canCopy} onClick={onCopy}>
          Copy row
        </Button>
      </Tooltip>
      <Tooltip content={`Download the ${noun.many} this table shows, as CSV`} relationship="description">
        <Button
          icon={exporting ? <Spinner size="extra-tiny" /> : <ArrowDownloadRegular />}
          disabled={exporting || !canExport}
          onClick={onExport}
        >
          Export CSV
        </Button>
      </Tooltip>
      <Button icon={<ArrowClockwiseRegular />} onClick={onRefresh}>
        Refresh
      </Button>
    </div>
  );
}
