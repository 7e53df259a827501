/** The reads every domain controller step's probe makes, with the error an operator sees when the DC is gone. */
import type { DomainController } from '../../../../shared/domain-controller';
import { ShadowSwapError } from '../../../../shared/errors';
import type { StepContext } from './step-module';

export async function domainControllerNow(context: StepContext, host: string, health = false): Promise<DomainController> {
  const status = await context.backend.readDomainController({ host, health });
  if (status === null)
    throw new ShadowSwapError(
      'NOT_FOUND',
      `${host} no longer reads as a domain controller (its DomainRole is not 4 or 5, and it is not in DSRM). Nothing further was changed; check ${host} before resuming.`,
      { host },
    );
  return status;
}
