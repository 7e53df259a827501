/**
 * Step 2: what this recovery touches (which LUNs are swapped for which shadow copies, on which host and
 * cluster), what each LUN is to the damage and what it loses, which LUNs may stay in production as they are
 * (docs/recovery-procedure.md#leaving-luns-out-of-the-scope), and the preflight verdicts for it.
 */
import {
  Button,
  Checkbox,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Lun } from '../../../shared/domain';
import type { RecoveryPlan } from '../../../shared/recovery';
import { dataLossLines, leaveOutText, scopeRoleText, type LunScope } from '../../../shared/recovery-scope';
import { QueryState } from '../components/QueryState';
import { LunStateBadge } from '../components/badges';
import { useContractQuery } from '../queries';
import { DomainControllerNotice } from './DomainControllerNotice';
import { PreflightChecklist } from './PreflightChecklist';
import { PreflightVerdictSummary } from './PreflightVerdictSummary';
import { WizardFooter } from './WizardFooter';
import { formatTime } from './run-format';
import { useReplannedWizardPlan } from './use-wizard-plan';
import { useWizardStore } from './wizard-store';
import { SectionTitle, SubsectionTitle } from './titles';

const useStyles = makeStyles({
  leaveOut: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, maxWidth: '28em' },
});

export function ScopeStep({ setId }: { setId: string }) {
  const plan = useReplannedWizardPlan(setId);
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
        <Button appearance="primary" disabled={!plan.data || plan.isPlaceholderData} onClick={() => goTo('options')}>
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
  const scope = plan.scope ?? [];
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
            <TableHeaderCell>Production LUN</TableHeaderCell>
            <TableHeaderCell>Volumes</TableHeaderCell>
            <TableHeaderCell>Its state now</TableHeaderCell>
            <TableHeaderCell>Role in this recovery</TableHeaderCell>
            <TableHeaderCell>Group</TableHeaderCell>
            <TableHeaderCell>Replaced by shadow copy LUN</TableHeaderCell>
            <TableHeaderCell>Leave out</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {scope.map((lun) => {
            const original = byId.get(lun.lunId);
            return (
              <TableRow key={lun.lunId}>
                <TableCell>{lun.lunName}</TableCell>
                <TableCell>{original ? volumesOf(original) : lun.volumes.join(', ')}</TableCell>
                <TableCell>{original && <LunStateBadge state={original.state} />}</TableCell>
                <TableCell>{scopeRoleText[lun.role]}</TableCell>
                <TableCell>{lun.group}</TableCell>
                <TableCell>{lun.leftOut ? 'None: stays in production' : lun.shadowLunId ? nameOf(lun.shadowLunId) : ''}</TableCell>
                <TableCell>
                  <LeaveOutControl lun={lun} scope={scope} />
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {plan.scope !== undefined && (
        <>
          <SubsectionTitle>What is lost</SubsectionTitle>
          <Text as="p" block>
            Recovery point: <strong>{formatTime(plan.setCreatedAt)}</strong>, when the set was taken. A LUN left out stays in production as
            it is; an application&apos;s consistency group (its databases&apos; data and logs) is never split.
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

/**
 * Leaves a LUN out of the recovery, with the LUNs of its consistency group (they stay or go together); disabled,
 * with the planner's reason beside it, where it may not be left out or where nothing would be left to recover.
 */
function LeaveOutControl({ lun, scope }: { lun: LunScope; scope: readonly LunScope[] }) {
  const styles = useStyles();
  const leaveOut = useWizardStore((s) => s.options.leaveOut);
  const setOptions = useWizardStore((s) => s.setOptions);
  const verdict = lun.leaveOut;
  if (verdict === undefined) return null;
  // What the operator asked, at once; the plan's own word on it follows when it is replanned.
  const leftOut = leaveOut.includes(lun.lunId);
  const group = [lun.lunId, ...verdict.together];
  const stillSwapped = scope.filter((other) => !leaveOut.includes(other.lunId) && !group.includes(other.lunId));
  const lastInScope = !leftOut && stillSwapped.length === 0;
  const reasonId = `leave-out-why-${lun.lunId}`;
  return (
    <div className={styles.leaveOut}>
      <Checkbox
        checked={leftOut}
        disabled={(!verdict.allowed && !leftOut) || lastInScope}
        aria-describedby={reasonId}
        label={`Leave ${lun.lunName} out`}
        onChange={(_event, data) =>
          setOptions({
            leaveOut: data.checked === true ? [...new Set([...leaveOut, ...group])] : leaveOut.filter((id) => !group.includes(id)),
          })
        }
      />
      <Text id={reasonId} size={200}>
        {lastInScope && verdict.allowed ? 'It is the last LUN left to recover.' : `${leaveOutText(lun) ?? ''}`}
        {verdict.together.length > 0 && verdict.allowed
          ? ` Left out together with ${verdict.together.map((id) => scope.find((l) => l.lunId === id)?.lunName ?? id).join(', ')}.`
          : ''}
      </Text>
    </div>
  );
}

function volumesOf(lun: Lun): string {
  return lun.volumes.map((v) => `${v.driveLetter ?? ''} ${v.label}${v.damaged ? ' (damaged)' : ''}`.trim()).join(', ');
}
