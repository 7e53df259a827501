/** The estates `shadowswap lab init --scenario NAME` can create. */
import { ShadowSwapError } from '../../../../shared/errors';
import { dcPair } from './estates/dc-pair';
import { large } from './estates/large';
import { legacyVds } from './estates/legacy-vds';
import { mixedCompliance, twoNodeSql } from './estates/sql-cluster';
import { standaloneDc } from './estates/standalone-dc';
import type { LabState } from './lab-model';

export interface Scenario {
  summary: string;
  /** `now` places "last night's" sets; everything else is the same on every build. */
  build(now: Date): LabState;
}

export const scenarios: Record<string, Scenario> = {
  'two-node-sql': {
    summary:
      "Cluster SQLCLUS (SQL01, SQL02) with four clustered MBR LUNs, last night's transportable set of them, and backup host BACKUP01.",
    build: twoNodeSql,
  },
  'standalone-dc': {
    summary: "Domain controller DC01 with its AD database, logs and SYSVOL on iSCSI LUNs, and last night's transportable set.",
    build: standaloneDc,
  },
  'dc-pair': {
    summary:
      "Domain controllers DC01 and DC02 replicating with each other, each with AD on iSCSI LUNs, and last night's transportable set of DC01's.",
    build: dcPair,
  },
  'mixed-compliance': {
    summary:
      'Like two-node-sql, but one LUN is GPT, one dynamic, one reports only an NAA (type 3) identifier and one an unknown association.',
    build: mixedCompliance,
  },
  'legacy-vds': {
    summary:
      "File server FS01 on a VDS-only array (diskraid masking; indexes that moved when last night's set was taken), one LUN open to every host (*), hosts FS02 and BACKUP01.",
    build: legacyVds,
  },
  large: {
    summary: '10,000 LUNs on 10 arrays, 500 hosts, 100 clusters with 1,000 disk resources, 2,000 sets of 8 shadow copies.',
    build: large,
  },
};

export const DEFAULT_SCENARIO = 'two-node-sql';

export function buildScenario(name: string, now = new Date()): LabState {
  const scenario = scenarios[name];
  if (!scenario) {
    throw new ShadowSwapError('NOT_FOUND', `There is no Lab scenario called "${name}". Available: ${Object.keys(scenarios).join(', ')}.`);
  }
  return scenario.build(now);
}
