/** One sentence on where the run stands and what the operator should do next. */
import { MessageBar, MessageBarBody, MessageBarTitle, type MessageBarIntent } from '@fluentui/react-components';
import type { RunDetail } from '../../../shared/recovery';

function attentionOf(run: RunDetail): { intent: MessageBarIntent; title: string; text: string } | null {
  const step = run.steps.find((s) => s.id === run.attentionStepId);
  switch (run.state) {
    case 'waiting-confirmation':
      return {
        intent: 'warning',
        title: 'Waiting for you',
        text: `"${step?.title}" changes production storage. Nothing more happens until you review and confirm it.`,
      };
    case 'failed':
      return {
        intent: 'error',
        title: step ? `"${step.title}" failed` : 'The run failed',
        text: `${run.lastError ?? ''} Resume retries from this step (finished steps are not repeated); Roll back puts every original back where it was.`,
      };
    case 'paused':
      return { intent: 'info', title: 'Paused', text: 'Nothing is running. Resume to go on, or roll back.' };
    case 'interrupted':
      return {
        intent: 'warning',
        title: 'Interrupted',
        text: 'The process driving this run ended mid-run (a crash or a closed console). Resume: each step first checks whether its effect is already in place. Or roll back.',
      };
    case 'rolling-back':
      return { intent: 'info', title: 'Rolling back', text: 'Undoing the steps this run changed, newest first.' };
    case 'rolled-back':
      return {
        intent: 'success',
        title: 'Rolled back',
        text: 'Every original is back where it was; the recovered LUNs are masked away and kept.',
      };
    case 'succeeded':
      return { intent: 'success', title: 'Recovery complete', text: 'Every step finished.' };
    case 'damaged':
      return {
        intent: 'error',
        title: 'Damaged journal',
        text: `${run.lastError ?? ''} Check the estate by hand, then release the LUNs this run holds.`,
      };
    case 'running':
      return null;
  }
}

export function RunAttention({ run }: { run: RunDetail }) {
  const attention = attentionOf(run);
  if (!attention) return null;
  return (
    <MessageBar intent={attention.intent}>
      <MessageBarBody>
        <MessageBarTitle>{attention.title}</MessageBarTitle>
        {attention.text}
      </MessageBarBody>
    </MessageBar>
  );
}
