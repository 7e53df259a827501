/**
 * The masking matrix as a picture: LUNs down, hosts across (grouped by cluster), one small cell each,
 * coloured and marked by access so the dangerous cells stand out even without colour: a node missing a
 * disk of its cluster (✕ on red), a host outside the cluster seeing one (! on red), a LUN nobody sees.
 * Both directions are virtual, so 26,000 LUNs × 500 hosts draws only the cells on screen. It can be scoped to
 * one cluster; a LUN's name (a button, so the keyboard reaches it) or any of its cells opens the LUN.
 */
import { Dropdown, Option, Switch, SearchBox, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState } from 'react';
import type { MatrixHost, MatrixRow } from '../../../shared/inventory-rows';
import { cellAccess, type CellAccess } from '../../../shared/masking-findings';
import { QueryError } from '../components/QueryState';
import { usePagedRows } from '../components/use-paged-rows';
import { matrixQuery, matrixScopeParams } from '../first-data';
import { useContractQuery } from '../queries';
import { countText } from '../../../shared/count-text';

const CELL = 24;
const ROW_HEADER = 300;
const COLUMN_HEADER = 110;

const useStyles = makeStyles({
  toolbar: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    flexWrap: 'wrap',
    marginBottom: tokens.spacingVerticalS,
  },
  search: { width: '320px' },
  count: { color: tokens.colorNeutralForeground2 },
  legend: {
    display: 'flex',
    gap: tokens.spacingHorizontalM,
    alignItems: 'center',
    flexWrap: 'wrap',
    color: tokens.colorNeutralForeground2,
  },
  legendItem: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  viewport: {
    overflow: 'auto',
    position: 'relative',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  headerRow: { position: 'sticky', top: 0, zIndex: 2, backgroundColor: tokens.colorNeutralBackground3, height: `${COLUMN_HEADER}px` },
  corner: {
    position: 'sticky',
    left: 0,
    zIndex: 3,
    width: `${ROW_HEADER}px`,
    height: `${COLUMN_HEADER}px`,
    display: 'flex',
    alignItems: 'flex-end',
    padding: tokens.spacingHorizontalS,
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground3,
    fontWeight: tokens.fontWeightSemibold,
  },
  band: {
    position: 'absolute',
    top: 0,
    height: '20px',
    boxSizing: 'border-box',
    borderLeft: `2px solid ${tokens.colorNeutralStroke1}`,
    paddingLeft: '4px',
    fontSize: tokens.fontSizeBase100,
    fontWeight: tokens.fontWeightSemibold,
    // A two-node cluster is 48 px wide: let its name run on over the next band rather than be cut.
    whiteSpace: 'nowrap',
    backgroundColor: tokens.colorNeutralBackground4,
  },
  hostName: {
    position: 'absolute',
    bottom: '4px',
    width: `${CELL}px`,
    height: `${COLUMN_HEADER - 26}px`,
    writingMode: 'vertical-rl',
    transform: 'rotate(180deg)',
    fontSize: tokens.fontSizeBase100,
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    textOverflow: 'ellipsis',
    display: 'flex',
    alignItems: 'center',
  },
  row: { position: 'absolute', left: 0, height: `${CELL}px` },
  rowHeader: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    width: `${ROW_HEADER}px`,
    height: `${CELL}px`,
    boxSizing: 'border-box',
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    paddingLeft: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  flagged: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  lunButton: {
    border: 'none',
    background: 'none',
    padding: 0,
    font: 'inherit',
    color: 'inherit',
    cursor: 'pointer',
    textAlign: 'start',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    ':hover': { textDecorationLine: 'underline' },
  },
  open: { backgroundColor: tokens.colorNeutralBackground1Selected },
  muted: { color: tokens.colorNeutralForeground3 },
  cell: {
    position: 'absolute',
    top: 0,
    width: `${CELL - 2}px`,
    height: `${CELL - 2}px`,
    margin: '1px',
    boxSizing: 'border-box',
    borderRadius: '3px',
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightBold,
    cursor: 'pointer',
  },
  sees: { backgroundColor: tokens.colorPaletteGreenBackground3, color: tokens.colorNeutralForegroundOnBrand },
  'sees-outside-cluster': { backgroundColor: tokens.colorPaletteRedBackground3, color: tokens.colorNeutralForegroundOnBrand },
  'missing-cluster-node': {
    border: `2px solid ${tokens.colorPaletteRedBorder2}`,
    backgroundColor: tokens.colorPaletteRedBackground1,
    color: tokens.colorPaletteRedForeground1,
  },
  none: { backgroundColor: tokens.colorNeutralBackground3 },
  swatch: { position: 'static', display: 'inline-flex' },
});

const glyph: Record<CellAccess, string> = { sees: '●', 'sees-outside-cluster': '!', 'missing-cluster-node': '✕', none: '' };
const meaning: Record<CellAccess, string> = {
  sees: 'sees it',
  'sees-outside-cluster': 'sees it, from outside the cluster',
  'missing-cluster-node': 'cannot see it, though it is a node of its cluster',
  none: 'does not see it',
};

interface Band {
  cluster: string;
  start: number;
  end: number;
}

function bandsOf(hosts: readonly MatrixHost[]): Band[] {
  const bands: Band[] = [];
  hosts.forEach((host, i) => {
    const cluster = host.cluster ?? 'Standalone hosts';
    const last = bands.at(-1);
    if (last && last.cluster === cluster) last.end = i;
    else bands.push({ cluster, start: i, end: i });
  });
  return bands;
}

function rowLabel(row: MatrixRow): string {
  if (row.cluster) return `${row.cluster} / ${row.resource}`;
  if (row.seenBy.length > 0) return 'not a cluster disk';
  return row.state === 'shadow' ? 'shadow copy, masked until imported' : 'masked to nobody';
}

export function Legend() {
  const styles = useStyles();
  return (
    <div className={styles.legend} aria-label="Legend">
      {(Object.keys(glyph) as CellAccess[]).map((access) => (
        <span key={access} className={styles.legendItem}>
          <span className={mergeClasses(styles.cell, styles[access], styles.swatch)} aria-hidden>
            {glyph[access]}
          </span>
          {access === 'none'
            ? 'no access'
            : access === 'sees'
              ? 'sees the LUN'
              : access === 'missing-cluster-node'
                ? 'cluster node missing the LUN'
                : 'host outside the cluster sees it'}
        </span>
      ))}
    </div>
  );
}

const ALL_CLUSTERS = '';

/** The estate's cluster names, for the scope list (a cluster's nodes are its children in the cluster table). */
function useClusterNames(): string[] {
  const clusters = useContractQuery('inventory.clusterPage', matrixScopeParams).data?.rows ?? [];
  return clusters.flatMap((row) => (row.kind === 'cluster' ? [row.name] : []));
}

interface Props {
  height: number;
  /** The LUN whose details are open, and what a click on a LUN's name or cell does. */
  openLunId: string | null;
  onOpenLun: (lunId: string) => void;
}

export function MatrixGrid({ height, openLunId, onOpenLun }: Props) {
  const styles = useStyles();
  const [search, setSearch] = useState('');
  const [scope, setScope] = useState(ALL_CLUSTERS);
  const clusterNames = useClusterNames();
  // The scope is a search term the core understands (cluster:<name>): rows and host columns narrow together.
  const filter = scope === ALL_CLUSTERS ? search : `${search} cluster:${scope}`.trim();
  const [flaggedOnly, setFlaggedOnly] = useState(matrixQuery.extra.flaggedOnly);
  const viewportRef = useRef<HTMLDivElement>(null);
  const [rowCount, setRowCount] = useState(0);
  const [hostCount, setHostCount] = useState(0);
  // eslint-disable-next-line react-hooks/incompatible-library -- the console does not use the React Compiler; the virtualizers re-render on scroll themselves.
  const rowVirtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => viewportRef.current,
    estimateSize: () => CELL,
    overscan: 8,
    scrollPaddingStart: COLUMN_HEADER,
  });
  const columnVirtualizer = useVirtualizer({
    horizontal: true,
    count: hostCount,
    getScrollElement: () => viewportRef.current,
    estimateSize: () => CELL,
    overscan: 6,
    scrollPaddingStart: ROW_HEADER,
    // The host columns sit to the right of the sticky LUN names: the viewport's last ROW_HEADER pixels of
    // columns the virtualizer would count are off screen, and are not drawn.
    rangeExtractor: (range) =>
      defaultRangeExtractor({ ...range, endIndex: Math.max(range.startIndex, range.endIndex - Math.floor(ROW_HEADER / CELL)) }),
  });
  const rowItems = rowVirtualizer.getVirtualItems();
  const columnItems = columnVirtualizer.getVirtualItems();
  const rows = usePagedRows(
    'inventory.matrixPage',
    { ...matrixQuery, filter, extra: { flaggedOnly } },
    rowItems[0]?.index ?? 0,
    rowItems.at(-1)?.index ?? 0,
  );
  const head = rows.head;
  if (head && head.rowCount !== rowCount) setRowCount(head.rowCount);
  if (head && head.hosts.length !== hostCount) setHostCount(head.hosts.length);
  const hosts = head?.hosts ?? [];
  const bands = bandsOf(hosts);
  const firstColumn = columnItems[0]?.index ?? 0;
  const lastColumn = columnItems.at(-1)?.index ?? -1;
  const width = ROW_HEADER + columnVirtualizer.getTotalSize();

  return (
    <div>
      <div className={styles.toolbar}>
        <SearchBox
          className={styles.search}
          aria-label="Search the matrix"
          placeholder="Search LUNs, clusters, findings"
          value={search}
          onChange={(_e, data) => setSearch(data.value)}
        />
        <Dropdown
          aria-label="Cluster"
          value={scope === ALL_CLUSTERS ? 'Every cluster' : scope}
          selectedOptions={[scope]}
          onOptionSelect={(_e, data) => setScope(data.optionValue ?? ALL_CLUSTERS)}
        >
          <Option value={ALL_CLUSTERS}>Every cluster</Option>
          {clusterNames.map((name) => (
            <Option key={name} value={name}>
              {name}
            </Option>
          ))}
        </Dropdown>
        <Switch label="Only LUNs with findings" checked={flaggedOnly} onChange={(_e, data) => setFlaggedOnly(data.checked)} />
        <Text className={styles.count}>
          {head ? `${countText(head.matched)} of ${countText(head.total)} LUNs × ${countText(hosts.length)} hosts` : 'Loading the matrix…'}
        </Text>
        <Legend />
      </div>
      {rows.error && <QueryError what="the masking matrix" error={rows.error} />}
      <div
        ref={viewportRef}
        className={styles.viewport}
        style={{ height: Math.min(height, COLUMN_HEADER + rowCount * CELL + 2) }}
        tabIndex={0}
        role="grid"
        aria-label="Masking matrix"
        aria-rowcount={rowCount + 1}
        aria-colcount={hostCount + 1}
      >
        <div style={{ width, height: COLUMN_HEADER + rowVirtualizer.getTotalSize(), position: 'relative' }}>
          <div className={styles.headerRow} style={{ width }} role="row" aria-rowindex={1}>
            <div className={styles.corner} role="columnheader">
              LUN → cluster disk
            </div>
            {bands
              .filter((band) => band.end >= firstColumn && band.start <= lastColumn)
              .map((band) => (
                <div
                  key={band.cluster}
                  className={styles.band}
                  style={{ left: ROW_HEADER + band.start * CELL, width: (band.end - band.start + 1) * CELL }}
                  title={band.cluster}
                  aria-hidden
                >
                  {band.cluster}
                </div>
              ))}
            {columnItems.map((column) => {
              const host = hosts[column.index];
              return (
                <div
                  key={column.key}
                  className={styles.hostName}
                  style={{ left: ROW_HEADER + column.start }}
                  role="columnheader"
                  aria-colindex={column.index + 2}
                  title={host ? `${host.name}${host.cluster ? ` (${host.cluster})` : ''}` : undefined}
                >
                  {host?.name}
                </div>
              );
            })}
          </div>
          {rowItems.map((item) => {
            const row = rows.rowAt(item.index);
            const seen = new Set(row?.seenBy ?? []);
            return (
              <div
                key={item.key}
                className={styles.row}
                style={{ top: COLUMN_HEADER + item.start, width }}
                role="row"
                aria-rowindex={item.index + 2}
                data-lun={row?.name}
              >
                <div
                  className={mergeClasses(styles.rowHeader, row && row.lunId === openLunId && styles.open)}
                  role="rowheader"
                  title={row ? `${row.name} — ${rowLabel(row)}` : undefined}
                >
                  {row ? (
                    <>
                      <button
                        type="button"
                        className={mergeClasses(styles.lunButton, row.findings.length > 0 && styles.flagged)}
                        onClick={() => onOpenLun(row.lunId)}
                      >
                        {row.findings.length > 0 ? '⚠ ' : ''}
                        {row.name}
                      </button>
                      <span className={styles.muted}>{rowLabel(row)}</span>
                    </>
                  ) : (
                    <span className={styles.muted}>Loading…</span>
                  )}
                </div>
                {row &&
                  columnItems.map((column) => {
                    const host = hosts[column.index];
                    if (!host) return null;
                    const access = cellAccess(seen.has(column.index), row.cluster, host.cluster);
                    return (
                      <div
                        key={column.key}
                        className={mergeClasses(styles.cell, styles[access])}
                        style={{ left: ROW_HEADER + column.start }}
                        role="gridcell"
                        aria-colindex={column.index + 2}
                        aria-label={`${host.name} ${meaning[access]}`}
                        title={`${host.name} ${meaning[access]} (${row.name})`}
                        data-access={access}
                        onClick={() => onOpenLun(row.lunId)}
                      >
                        {glyph[access]}
                      </div>
                    );
                  })}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
