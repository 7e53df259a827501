/** A run id wherever it appears: a link to that run on the Runs page (a real URL: it can be opened, copied, bookmarked). */
import { Link, makeStyles, tokens } from '@fluentui/react-components';
import { runHref } from '../routes';

const useStyles = makeStyles({ mono: { fontFamily: tokens.fontFamilyMonospace } });

export function RunLink({ runId, label }: { runId: string; label?: string }) {
  const styles = useStyles();
  return (
    <Link href={runHref(runId)} className={label ? undefined : styles.mono}>
      {label ?? runId}
    </Link>
  );
}
