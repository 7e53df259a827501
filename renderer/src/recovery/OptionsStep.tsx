/**
 * Step 3: how the swap is done: cluster handling (for a cluster only), disk identity, forensic hold and verification.
 * The host whose disks are recovered is never offered as the forensics host: its damaged disks would collide with
 * the recovered ones.
 */
import { Button, Field, Radio, RadioGroup, Select, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { forensicsHostChoices } from '../../../shared/forensics-hosts';
import { useContractQuery } from '../queries';
import { WizardFooter } from './WizardFooter';
import { useWizardStore } from './wizard-store';
import { SectionTitle } from './titles';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '48em' },
});

const NO_FORENSICS = '';

export function OptionsStep({ setId }: { setId: string }) {
  const styles = useStyles();
  const { options, setOptions, goTo } = useWizardStore();
  const hosts = useContractQuery('inventory.hosts', {});
  const sets = useContractQuery('inventory.snapshots', {});
  // The set's host and its cluster, read from the inventory so that they stay put while an option is replanned.
  const source = sets.data?.find((s) => s.id === setId)?.sourceHost ?? null;
  const cluster = (hosts.data ?? []).find((h) => h.name.toUpperCase() === source?.toUpperCase())?.clusterName ?? null;
  // Only hosts outside production are offered: a node of the recovered cluster would see the damaged disks beside the recovered ones.
  const choices = source === null ? [] : forensicsHostChoices(hosts.data ?? [], { cluster, sourceHost: source });
  return (
    <section aria-labelledby="wizard-options-heading">
      <SectionTitle id="wizard-options-heading">Options</SectionTitle>
      <div className={styles.form}>
        {cluster !== null && (
          <Field
            label="Cluster disk handling while the LUNs are swapped"
            hint="Offline is the documented path; maintenance mode keeps dependent resources (the SQL Server instance) from going down with the disks."
          >
            <RadioGroup
              value={options.mode}
              onChange={(_event, data) => setOptions({ mode: data.value === 'maintenance' ? 'maintenance' : 'offline' })}
            >
              <Radio value="offline" label="Take the disk resources offline" />
              <Radio value="maintenance" label="Put the disk resources in maintenance mode" />
            </RadioGroup>
          </Field>
        )}
        <Field
          label="Disk identity of the recovered LUNs"
          hint={
            cluster !== null
              ? 'Keeping the identity lets the cluster find its disks by signature; new signatures need each resource repointed, which Microsoft discourages.'
              : 'Keeping the identity lets the host find its volumes as they were; new signatures make them new disks to Windows.'
          }
        >
          <RadioGroup
            value={options.identity}
            onChange={(_event, data) => setOptions({ identity: data.value === 'new-signature' ? 'new-signature' : 'revert' })}
          >
            <Radio value="revert" label="Keep the original identity (break with revert) — recommended" />
            <Radio
              value="new-signature"
              label={cluster !== null ? 'Give new signatures and repoint the disk resources' : 'Give new signatures'}
            />
          </RadioGroup>
        </Field>
        <Field
          label="Forensics host for the damaged LUNs"
          hint="The damaged originals are never deleted. Without a host they stay masked from every host; with one, only that host sees them, to mount read-only. Only hosts outside production are offered."
          validationState={hosts.error ? 'error' : 'none'}
          validationMessage={hosts.error ? `Could not load the hosts: ${hosts.error.message}` : undefined}
        >
          <Select
            value={options.forensicsHost ?? NO_FORENSICS}
            onChange={(_event, data) => setOptions({ forensicsHost: data.value === NO_FORENSICS ? null : data.value })}
          >
            <option value={NO_FORENSICS}>None: keep them masked from every host</option>
            {choices.map((host) => (
              <option key={host.name} value={host.name}>
                {host.name}
                {host.clusterName ? ` (node of ${host.clusterName})` : ''}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          label="Verification"
          hint={
            cluster !== null
              ? "After the swap, check that the data is the shadow copy's, the volumes are writable and each disk resource is online on its owner node."
              : "After the swap, check that the data is the shadow copy's and the volumes are writable."
          }
        >
          <Switch
            checked={options.verify}
            onChange={(_event, data) => setOptions({ verify: data.checked })}
            label={options.verify ? 'Verify the recovery' : 'Do not verify'}
          />
        </Field>
      </div>
      <WizardFooter back="scope">
        <Button appearance="primary" onClick={() => goTo('review')}>
          Next: review the plan
        </Button>
      </WizardFooter>
    </section>
  );
}
