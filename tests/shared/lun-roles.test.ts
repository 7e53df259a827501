import { describe, expect, it } from 'vitest';
import { lunRoles } from '../../shared/lun-roles';

type Facts = Parameters<typeof lunRoles>[0][number];
const lun = (id: string, change: Partial<Facts> = {}): Facts => ({
  id,
  state: 'healthy',
  shadowOf: null,
  maskedTo: [],
  maskAll: false,
  ...change,
});

describe('lunRoles', () => {
  it('before a recovery: originals seen by their hosts are production, unexposed copies are spare shadows', () => {
    const roles = lunRoles([lun('data', { maskedTo: ['SQL01', 'SQL02'] }), lun('data-sc', { state: 'shadow', shadowOf: 'data' })]);
    expect(Object.fromEntries(roles)).toEqual({ data: 'production', 'data-sc': 'spare-shadow' });
  });

  it('after a recovery: the broken copy serving the hosts is production, the original it replaced is evidence', () => {
    const roles = lunRoles([
      lun('data', { state: 'damaged' }),
      lun('logs'),
      lun('data-sc', { shadowOf: 'data', maskedTo: ['SQL01', 'SQL02'] }),
      lun('logs-sc', { shadowOf: 'logs', maskedTo: ['SQL01', 'SQL02'] }),
    ]);
    expect(Object.fromEntries(roles)).toEqual({ data: 'evidence', logs: 'evidence', 'data-sc': 'production', 'logs-sc': 'production' });
  });

  it('an original held for forensics is evidence even while a forensics host sees it', () => {
    expect(lunRoles([lun('data', { state: 'forensic-hold', maskedTo: ['BACKUP01'] })]).get('data')).toBe('evidence');
  });

  it('a LUN no host sees and nothing replaced is unassigned; `*` masking counts as seen', () => {
    const roles = lunRoles([lun('spare'), lun('shared', { maskAll: true })]);
    expect(Object.fromEntries(roles)).toEqual({ spare: 'unassigned', shared: 'production' });
  });
});
