/** One host: its initiators, its cluster, and the LUNs it sees. */
import { Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { formatBytes } from '../../../shared/format';
import type { HostDetail } from '../../../shared/inventory-rows';
import { LunStateBadge } from '../components/badges';
import { DetailPane, Fields, Section } from '../components/DetailPane';
import { QueryError } from '../components/QueryState';
import { useContractQuery } from '../queries';
import { initiatorText } from './initiator-text';
import { countText } from '../../../shared/count-text';

const useStyles = makeStyles({
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

function Body({ detail }: { detail: HostDetail }) {
  const styles = useStyles();
  const { host, luns, lunCount } = detail;
  return (
    <>
      <Fields
        fields={[
          ['Cluster', host.clusterName ?? 'standalone'],
          ['Operating system', host.osVersion],
        ]}
      />
      <Section>Initiators</Section>
      <ul className={styles.list}>
        {host.initiators.map((initiator) => (
          <li key={initiatorText(initiator)} className={styles.mono}>
            {initiatorText(initiator)}
          </li>
        ))}
      </ul>
      <Section>LUNs it sees ({countText(lunCount)})</Section>
      {lunCount === 0 ? (
        <Text>No LUN is unmasked to this host.</Text>
      ) : (
        <ul className={styles.list} aria-label="LUNs it sees">
          {luns.map((lun) => (
            <li key={lun.id}>
              {lun.name} — {formatBytes(lun.sizeBytes)} {lun.volumes && `(${lun.volumes})`} <LunStateBadge state={lun.state} />
            </li>
          ))}
          {lunCount > luns.length && <li>… and {countText(lunCount - luns.length)} more: search the LUN page for this host.</li>}
        </ul>
      )}
    </>
  );
}

export function HostDetails({ name, onClose }: { name: string; onClose: () => void }) {
  const detail = useContractQuery('inventory.host', { name });
  return (
    <DetailPane label="Host details" title={name} onClose={onClose}>
      {detail.error ? (
        <QueryError what="this host" error={detail.error} />
      ) : detail.data ? (
        <Body detail={detail.data} />
      ) : (
        <Spinner size="small" label="Loading the host…" />
      )}
    </DetailPane>
  );
}
