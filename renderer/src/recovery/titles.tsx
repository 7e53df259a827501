/** Headings under the page title (h2): a section (a wizard step, a run) is h3, its parts are h4. */
import { Subtitle1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  section: { margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalS}` },
  subsection: { margin: `${tokens.spacingVerticalXL} 0 ${tokens.spacingVerticalS}` },
});

export function SectionTitle({ id, children }: { id: string; children: ReactNode }) {
  return (
    <Subtitle1 as="h3" id={id} block className={useStyles().section}>
      {children}
    </Subtitle1>
  );
}

export function SubsectionTitle({ children }: { children: ReactNode }) {
  return (
    <Subtitle2 as="h4" block className={useStyles().subsection}>
      {children}
    </Subtitle2>
  );
}
