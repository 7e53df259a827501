/**
 * Step 2: what this recovery touches (which LUNs are swapped for which shadow copies, on which host and
 * cluster), what each LUN is to the damage and what it loses, and the preflight verdicts for it.
 */
import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import type { Lun } from '../../../shared/domain';
import type { RecoveryPlan } from '../../../shared/recovery';
import { dataLossLines, scopeRoleText } from '../../../shared/recovery-scope';
import { QueryState } from '../components/QueryState';
import { LunStateBadge } from '../components/badges';
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
  const scopeOf = new Map((plan.scope ?? []).map((lun) => [lun.lunId, lun]));
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
            <TableHeaderCell>Role in this recovery</TableHeaderCell>
            <TableHeaderCell>Consistency group</TableHeaderCell>
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
                <TableCell>{original && <LunStateBadge state={original.state} />}</TableCell>
                <TableCell>{scopeRole(scopeOf.get(id)?.role)}</TableCell>
                <TableCell>{scopeOf.get(id)?.group ?? ''}</TableCell>
                <TableCell>{shadowId ? nameOf(shadowId) : ''}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {plan.scope !== undefined && (
        <>
          <SubsectionTitle>What is lost</SubsectionTitle>
          <Text as="p" block>
            Recovery point: <strong>{formatTime(plan.setCreatedAt)}</strong>, when the set was taken. The whole set is swapped: a
            consistency group (a cluster group, data and logs together) is never split.
          </Text>
          <ul aria-label="What each LUN loses">
            {dataLossLines(plan.scope, formatTime(plan.setCreatedAt)).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

const scopeRole = (role: keyof typeof scopeRoleText | undefined) => (role === undefined ? '' : scopeRoleText[role]);

function volumesOf(lun: Lun): string {
  return lun.volumes.map((v) => `${v.driveLetter ?? ''} ${v.label}${v.damaged ? ' (damaged)' : ''}`.trim()).join(', ');
}
