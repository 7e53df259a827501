/**
 * Step 2: what this recovery touches (which LUNs are swapped for which shadow copies, on which host and
 * cluster) and the preflight verdicts for it.
 */
import { Badge, Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import type { Lun } from '../../../shared/domain';
import type { RecoveryPlan } from '../../../shared/recovery';
import { QueryState } from '../components/QueryState';
import { useContractQuery } from '../queries';
import { DomainControllerNotice } from './DomainControllerNotice';
import { PreflightChecklist } from './PreflightChecklist';
import { PreflightVerdictSummary } from './PreflightVerdictSummary';
import { WizardFooter } from './WizardFooter';
import { formatTime } from './run-format';
import { useWizardPlan } from './use-wizard-plan';
import { useWizardStore } from './wizard-store';
import { SectionTitle, SubsectionTitle } from './titles';

export function ScopeStep({ setId }: { setId: string }) {
  const plan = useWizardPlan(setId);
  const { acknowledged, acknowledge, goTo } = useWizardStore();
  return (
    <section aria-labelledby="wizard-scope-heading">
      <SectionTitle id="wizard-scope-heading">Scope and preflight</SectionTitle>
      <QueryState query={plan} what="the recovery plan">
        {(p) => (
          <>
            <ScopeSummary plan={p} />
            <SubsectionTitle>Preflight checks</SubsectionTitle>
            <PreflightVerdictSummary plan={p} />
            <PreflightChecklist checks={p.preflight} acknowledged={acknowledged} onAcknowledge={acknowledge} />
          </>
        )}
      </QueryState>
      <WizardFooter back="set">
        <Button onClick={() => void plan.refetch()} disabled={plan.isFetching}>
          {plan.isFetching ? 'Checking…' : 'Run the checks again'}
        </Button>
        <Button appearance="primary" disabled={!plan.data} onClick={() => goTo('options')}>
          Next: options
        </Button>
      </WizardFooter>
    </section>
  );
}

function ScopeSummary({ plan }: { plan: RecoveryPlan }) {
  const luns = useContractQuery('inventory.luns', {});
  const byId = new Map((luns.data ?? []).map((l) => [l.id, l]));
  const nameOf = (id: string) => byId.get(id)?.name ?? id;
  return (
    <>
      <Text as="p" block>
        Set <code>{plan.setId}</code>, taken {formatTime(plan.setCreatedAt)}. It is imported on <strong>{plan.importHost}</strong>
        {plan.cluster ? (
          <>
            , in cluster <strong>{plan.cluster}</strong>
          </>
        ) : null}
        . Backend: {plan.backend}.
      </Text>
      <DomainControllerNotice plan={plan} />
      <Table aria-label="LUNs this recovery swaps" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Production LUN (swapped out)</TableHeaderCell>
            <TableHeaderCell>Volumes</TableHeaderCell>
            <TableHeaderCell>Its state now</TableHeaderCell>
            <TableHeaderCell>Replaced by shadow copy LUN</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {plan.originalLunIds.map((id, i) => {
            const original = byId.get(id);
            const shadowId = plan.shadowLunIds[i];
            return (
              <TableRow key={id}>
                <TableCell>{nameOf(id)}</TableCell>
                <TableCell>{original ? volumesOf(original) : ''}</TableCell>
                <TableCell>{original && <LunStateBadge lun={original} />}</TableCell>
                <TableCell>{shadowId ? nameOf(shadowId) : ''}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </>
  );
}

function volumesOf(lun: Lun): string {
  return lun.volumes.map((v) => `${v.driveLetter ?? ''} ${v.label}${v.damaged ? ' (damaged)' : ''}`.trim()).join(', ');
}

function LunStateBadge({ lun }: { lun: Lun }) {
  return (
    <Badge appearance="tint" color={lun.state === 'damaged' ? 'danger' : lun.state === 'healthy' ? 'success' : 'informative'}>
      {lun.state}
    </Badge>
  );
}
