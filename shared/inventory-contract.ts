/**
 * The paged half of the inventory contract: windows of slim rows for the console's tables, one object for
 * its detail panes, and the masking matrix with its findings. The whole-estate methods (inventory.luns...)
 * stay in contract.ts for the CLI and scripts.
 */
import { z } from 'zod';
import {
  ClusterRow,
  expandedParam,
  HostDetail,
  HostRow,
  LunDetail,
  LunRow,
  MatrixHost,
  MatrixRow,
  pageOf,
  pageParams,
  SnapshotRow,
} from './inventory-rows';
import { EstateOverview } from './estate-overview';
import { MaskingFinding } from './masking-findings';
import { SanReading } from './san-reading';

const MatrixPage = pageOf(MatrixRow).extend({ hosts: z.array(MatrixHost) });

export const inventoryMethods = {
  /** `spareShadows: false` leaves out the spare shadow copies (most LUNs of a large estate); the filter takes `state:`, `role:`, `array:`, `cluster:`. */
  'inventory.lunPage': {
    params: z.object({ ...pageParams, spareShadows: z.boolean().default(true) }).strict(),
    result: pageOf(LunRow),
  },
  'inventory.lun': { params: z.object({ id: z.string().max(200) }).strict(), result: LunDetail },
  'inventory.snapshotPage': { params: z.object({ ...pageParams, ...expandedParam }).strict(), result: pageOf(SnapshotRow) },
  'inventory.clusterPage': { params: z.object({ ...pageParams, ...expandedParam }).strict(), result: pageOf(ClusterRow) },
  'inventory.hostPage': { params: z.object(pageParams).strict(), result: pageOf(HostRow) },
  'inventory.host': { params: z.object({ name: z.string().max(200) }).strict(), result: HostDetail },
  /**
   * The matrix window: flagged LUNs first, then cluster by cluster. `flaggedOnly` keeps the findings' LUNs alone;
   * the filter's `cluster:<name>` scopes it to one cluster's disks.
   */
  'inventory.matrixPage': { params: z.object({ ...pageParams, flaggedOnly: z.boolean().default(false) }).strict(), result: MatrixPage },
  'inventory.findingPage': { params: z.object(pageParams).strict(), result: pageOf(MaskingFinding) },
  /** When the SAN was read and which arrays or hosts could not be (shared/san-reading.ts). */
  'inventory.reading': { params: z.object({}).strict(), result: SanReading },
  /** The home page: per cluster and standalone host, its health, latest recovery point and warnings. */
  'inventory.overview': { params: z.object({}).strict(), result: EstateOverview },
  /** The whole matrix and every finding, for the CLI and scripts. */
  'inventory.matrix': {
    params: z.object({ filter: z.string().max(200).optional() }).strict(),
    result: z.object({ hosts: z.array(MatrixHost), rows: z.array(MatrixRow), findings: z.array(MaskingFinding) }),
  },
} as const;
