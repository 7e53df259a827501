/** Everything about one LUN: identity and compliance, volumes, masking, the cluster disk, and its copies. */
import { Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { formatBytes } from '../../../shared/format';
import type { LunDetail, SetRef } from '../../../shared/inventory-rows';
import { ComplianceBadge, LunStateBadge, ResourceStateBadge, SetStateBadge } from '../components/badges';
import { DetailPane, Fields, Section } from '../components/DetailPane';
import { QueryError } from '../components/QueryState';
import { useContractQuery } from '../queries';
import { arraySourceText } from './array-source-text';
import { formatDateTime } from './time-text';
import { countText } from '../../../shared/count-text';

const useStyles = makeStyles({
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  reason: { display: 'block', marginTop: tokens.spacingVerticalXS },
});

function SetLine({ set }: { set: SetRef }) {
  const styles = useStyles();
  return (
    <li>
      {formatDateTime(set.createdAt)} from {set.sourceHost} <SetStateBadge state={set.state} />
      <br />
      <span className={styles.mono}>{set.setId}</span> → {set.shadowLunName}
    </li>
  );
}

function Body({ detail }: { detail: LunDetail }) {
  const styles = useStyles();
  const { lun, compliance, array, disk } = detail;
  return (
    <>
      <Fields
        fields={[
          ['State', <LunStateBadge key="s" state={lun.state} />],
          [
            'LUN id',
            <span key="i" className={styles.mono}>
              {lun.id}
            </span>,
          ],
          ['Array', array ? `${array.name} (${array.vendor} ${array.model})` : lun.arrayId],
          ...(array?.source ? ([['Array known from', arraySourceText(array.source)]] as const) : []),
          ['Size', formatBytes(lun.sizeBytes)],
          ['Disk', `${lun.diskKind} ${lun.partitionStyle}`],
          [
            'Signature',
            <span key="g" className={styles.mono}>
              {lun.signature ?? 'none (uninitialised)'}
            </span>,
          ],
          ['Attributes', [lun.readOnly ? 'read-only' : 'read/write', lun.hidden ? 'hidden' : null].filter(Boolean).join(', ')],
          [
            'Data checksum',
            <span key="c" className={styles.mono}>
              {lun.contentChecksum.slice(0, 16)}…
            </span>,
          ],
          ...(detail.originalName ? ([['Shadow copy of', detail.originalName]] as const) : []),
        ]}
      />
      <Section>Cluster recovery compliance</Section>
      <Text className={styles.reason}>
        <ComplianceBadge verdict={compliance.verdict} reason={compliance.reason} /> The LUN {compliance.reason}.
      </Text>
      <ul className={styles.list} aria-label="Page 0x83 identifiers">
        {lun.identifiers.map((id) => (
          <li key={`${id.type}-${id.value}`}>
            Type {id.type}, association {id.association ?? 'unknown (VDS does not report it)'}, {id.codeSet}:{' '}
            <span className={styles.mono}>{id.value}</span>
          </li>
        ))}
      </ul>
      <Section>Volumes</Section>
      <ul className={styles.list}>
        {lun.volumes.map((volume) => (
          <li key={volume.guidPath}>
            {volume.driveLetter ?? 'no drive letter'} {volume.label} ({volume.fileSystem}){volume.damaged ? ' — damaged' : ''}
            <br />
            <span className={styles.mono}>{volume.guidPath}</span>
          </li>
        ))}
      </ul>
      <Section>Masked to</Section>
      <Text>
        {lun.maskAll
          ? `* — every host (${countText(lun.maskedTo.length)} now)`
          : lun.maskedTo.length > 0
            ? lun.maskedTo.join(', ')
            : 'nobody: no host sees this LUN'}
      </Text>
      <Section>Cluster disk</Section>
      {disk ? (
        <Fields
          fields={[
            ['Resource', `${disk.resource.name} in ${disk.cluster}`],
            ['State', <ResourceStateBadge key="r" state={disk.resource.state} />],
            ['Owner node', disk.resource.ownerNode],
            ['Group', disk.resource.group],
            ['Maintenance', disk.resource.maintenanceMode ? 'on' : 'off'],
            ['Depends on', disk.resource.dependencies.join(', ') || 'nothing'],
          ]}
        />
      ) : (
        <Text>Not a cluster disk: no cluster node sees a disk resource expecting this signature.</Text>
      )}
      {detail.shadowIn && (
        <>
          <Section>Part of snapshot set</Section>
          <ul className={styles.list}>
            <SetLine set={detail.shadowIn} />
          </ul>
        </>
      )}
      <Section>Snapshot sets holding a copy ({detail.copiesIn.length})</Section>
      {detail.copiesIn.length > 0 ? (
        <ul className={styles.list} aria-label="Snapshot sets holding a copy">
          {detail.copiesIn.map((set) => (
            <SetLine key={set.shadowCopyId} set={set} />
          ))}
        </ul>
      ) : (
        <Text>No snapshot set holds a copy of this LUN.</Text>
      )}
    </>
  );
}

export function LunDetails({ id, onClose }: { id: string; onClose: () => void }) {
  const detail = useContractQuery('inventory.lun', { id });
  return (
    <DetailPane label="LUN details" title={detail.data?.lun.name ?? id} onClose={onClose}>
      {detail.error ? (
        <QueryError what="this LUN" error={detail.error} />
      ) : detail.data ? (
        <Body detail={detail.data} />
      ) : (
        <Spinner size="small" label="Loading the LUN…" />
      )}
    </DetailPane>
  );
}
