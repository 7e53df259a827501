/** An initiator as the admin reads it in the array's host definitions. */
import type { Initiator } from '../../../shared/domain';

export const initiatorText = (initiator: Initiator) => (initiator.kind === 'fc' ? `FC ${initiator.wwn}` : `iSCSI ${initiator.iqn}`);
