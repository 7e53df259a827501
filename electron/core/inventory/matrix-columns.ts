/**
 * The host columns of a filtered masking matrix. Searching the matrix narrows its rows; without this its
 * 500 host columns stayed, and a host's column sat 12,000 px away from its own LUNs. A filtered matrix
 * keeps the hosts that see one of the matched LUNs and the nodes of the clusters those LUNs back (a node
 * that should see a disk and does not is what the picture is for). The unfiltered matrix keeps every host.
 */
import type { MatrixHost, MatrixRow } from '../../../shared/inventory-rows';

/** Indexes, in the full host list's order, of the columns the matched rows need. */
export function relevantColumns(rows: readonly MatrixRow[], hosts: readonly MatrixHost[]): number[] {
  const wanted = new Set<number>();
  const clusters = new Set<string>();
  for (const row of rows) {
    for (const index of row.seenBy) wanted.add(index);
    if (row.cluster !== null) clusters.add(row.cluster.toUpperCase());
  }
  hosts.forEach((host, index) => {
    if (host.cluster !== null && clusters.has(host.cluster.toUpperCase())) wanted.add(index);
  });
  return [...wanted].sort((a, b) => a - b);
}

/** A row's `seenBy` renumbered for the narrowed column list (columns[i] is the full list's index of column i). */
export function renumberSeenBy(row: MatrixRow, columns: readonly number[]): MatrixRow {
  const position = new Map(columns.map((full, i) => [full, i]));
  return { ...row, seenBy: row.seenBy.flatMap((full) => position.get(full) ?? []) };
}
