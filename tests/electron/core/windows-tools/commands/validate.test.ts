import { describe, expect, it } from 'vitest';
import { ShadowSwapError } from '../../../../../shared/errors';
import {
  describeForbiddenCharacter,
  validateClusterResourceName,
  validateDiskraidNumber,
  validateDiskshadowAlias,
  validateGuid,
  validateHostName,
  validateIqn,
  validateLocalFilePath,
  validateMetadataCabPath,
  validateVolume,
  validateWwn,
} from '../../../../../electron/core/windows-tools/commands/validate';

function refused(fn: () => unknown, field: string): ShadowSwapError {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ShadowSwapError);
  const e = caught as ShadowSwapError;
  expect(e.code).toBe('INVALID_REQUEST');
  expect(e.details?.['field']).toBe(field);
  expect(e.message).toMatch(/Allowed: /);
  return e;
}

describe('validateGuid', () => {
  it('normalizes braces and case', () => {
    expect(validateGuid('{C3AD8620-8B3A-4BC6-944C-F732EB0EA317}')).toBe('c3ad8620-8b3a-4bc6-944c-f732eb0ea317');
    expect(validateGuid('c3ad8620-8b3a-4bc6-944c-f732eb0ea317')).toBe('c3ad8620-8b3a-4bc6-944c-f732eb0ea317');
  });
  it('refuses unbalanced braces, wrong lengths and junk', () => {
    refused(() => validateGuid('{c3ad8620-8b3a-4bc6-944c-f732eb0ea317', 'set'), 'set');
    refused(() => validateGuid('c3ad8620-8b3a-4bc6-944c-f732eb0ea31', 'set'), 'set');
    refused(() => validateGuid('c3ad8620-8b3a-4bc6-944c-f732eb0ea317 & del', 'set'), 'set');
    refused(() => validateGuid(42, 'set'), 'set');
  });
});

describe('validateVolume', () => {
  it('accepts drive letters, mount points and volume GUID paths', () => {
    expect(validateVolume('e:')).toEqual({ kind: 'drive', text: 'E:', letter: 'E' });
    expect(validateVolume('E:\\')).toEqual({ kind: 'drive', text: 'E:\\', letter: 'E' });
    expect(validateVolume('C:\\Mounts\\SQL_Data')).toEqual({ kind: 'mountPoint', text: 'C:\\Mounts\\SQL_Data\\' });
    expect(validateVolume('\\\\?\\Volume{6CD5140B-0000-0000-0000-602200000000}\\')).toEqual({
      kind: 'volumeGuid',
      text: '\\\\?\\Volume{6cd5140b-0000-0000-0000-602200000000}\\',
      guid: '6cd5140b-0000-0000-0000-602200000000',
    });
  });
  it('refuses spaces, traversal, UNC and shell characters', () => {
    expect(refused(() => validateVolume('C:\\My Mounts\\x'), 'volume').message).toMatch(/space/);
    refused(() => validateVolume('C:\\Mounts\\..\\Windows'), 'volume');
    refused(() => validateVolume('\\\\server\\share'), 'volume');
    refused(() => validateVolume('E:&calc'), 'volume');
    refused(() => validateVolume('EE:'), 'volume');
  });
});

describe('file paths', () => {
  it('accepts absolute .cab paths and normalizes the drive letter', () => {
    expect(validateMetadataCabPath('c:\\ShadowSwap\\runs\\fr-2024.cab')).toBe('C:\\ShadowSwap\\runs\\fr-2024.cab');
  });
  it('refuses relative, UNC, wrong extension, spaces, empty segments', () => {
    refused(() => validateMetadataCabPath('fr.cab'), 'metadata file');
    refused(() => validateMetadataCabPath('\\\\srv\\share\\fr.cab'), 'metadata file');
    refused(() => validateMetadataCabPath('C:\\vss\\fr.txt'), 'metadata file');
    refused(() => validateMetadataCabPath('C:\\Program Files\\fr.cab'), 'metadata file');
    refused(() => validateMetadataCabPath('C:\\vss\\\\fr.cab'), 'metadata file');
    refused(() => validateLocalFilePath('C:\\vss\\run.dsh\\', 'script', ['.dsh']), 'script');
  });
});

describe('validateHostName', () => {
  it('accepts NetBIOS and DNS names as typed', () => {
    expect(validateHostName('SQLNODE1')).toBe('SQLNODE1');
    expect(validateHostName('dc02.sub.poseidon.yzx')).toBe('dc02.sub.poseidon.yzx');
  });
  it('refuses long NetBIOS names, all digits, bad labels', () => {
    refused(() => validateHostName('ABCDEFGHIJKLMNOP'), 'computer name');
    refused(() => validateHostName('12345'), 'computer name');
    refused(() => validateHostName('-node.contoso.local'), 'computer name');
    refused(() => validateHostName('node..local'), 'computer name');
    refused(() => validateHostName('node_1'), 'computer name');
    refused(() => validateHostName(`${'a'.repeat(64)}.local`), 'computer name');
  });
});

describe('validateClusterResourceName', () => {
  it('accepts letters, digits, space, - _ . ( )', () => {
    expect(validateClusterResourceName('Cluster Disk 2')).toBe('Cluster Disk 2');
    expect(validateClusterResourceName('SQL Server (MSSQLSERVER)')).toBe('SQL Server (MSSQLSERVER)');
  });
  it('refuses leading/trailing spaces and other punctuation', () => {
    refused(() => validateClusterResourceName(' Cluster Disk 2'), 'cluster resource name');
    refused(() => validateClusterResourceName('Disk, 2'), 'cluster resource name');
    refused(() => validateClusterResourceName('Disk{2}'), 'cluster resource name');
  });
});

describe('WWN and IQN', () => {
  it('normalizes WWNs to 16 upper-case hex digits (SetMask format)', () => {
    expect(validateWwn('0123456789abcdef')).toBe('0123456789ABCDEF');
    expect(validateWwn('01:23:45:67:89:AB:CD:EF')).toBe('0123456789ABCDEF');
    refused(() => validateWwn('0123456789ABCDE'), 'WWN');
    refused(() => validateWwn('01:23:45:67-89:AB:CD:EF'), 'WWN');
  });
  it('normalizes IQNs to lower case and refuses the diskraid separator', () => {
    expect(validateIqn('iqn.1991-05.com.Microsoft:RECOVERY1.contoso.local')).toBe('iqn.1991-05.com.microsoft:recovery1.contoso.local');
    expect(validateIqn('eui.02004567A425678D')).toBe('eui.02004567a425678d');
    refused(() => validateIqn('iqn.1991-05.com.microsoft:a;iqn.1991-05.com.microsoft:b'), 'iSCSI initiator name');
    refused(() => validateIqn('iqn.1991-13.com.microsoft:x'), 'iSCSI initiator name');
    refused(() => validateIqn('iqn.91-05.com.microsoft:x'), 'iSCSI initiator name');
  });
});

describe('numbers and aliases', () => {
  it('diskraid numbers', () => {
    expect(validateDiskraidNumber(0, 'LUN number')).toBe(0);
    expect(validateDiskraidNumber('12', 'LUN number')).toBe(12);
    refused(() => validateDiskraidNumber(-1, 'LUN number'), 'LUN number');
    refused(() => validateDiskraidNumber(1.5, 'LUN number'), 'LUN number');
    refused(() => validateDiskraidNumber('1 & 2', 'LUN number'), 'LUN number');
  });
  it('aliases are identifiers that do not collide with VSS_*', () => {
    expect(validateDiskshadowAlias('DataE')).toBe('DataE');
    refused(() => validateDiskshadowAlias('VSS_SHADOW_SET'), 'alias');
    refused(() => validateDiskshadowAlias('1st'), 'alias');
    refused(() => validateDiskshadowAlias('a-b'), 'alias');
  });
});

describe('describeForbiddenCharacter names each dangerous character', () => {
  it.each([
    ['a"b', 'double quote'],
    ["a'b", 'single quote'],
    ['a&b', 'ampersand'],
    ['a|b', 'pipe'],
    ['a%b', 'percent'],
    ['a;b', 'semicolon'],
    ['a$b', 'dollar'],
    ['a`b', 'backtick'],
    ['a\nb', 'line break'],
    ['a\rb', 'line break'],
    ['a\0b', 'NUL'],
    ['Datenträger', 'non-ASCII'],
  ])('%j -> %s', (value, expected) => {
    expect(describeForbiddenCharacter(value)).toContain(expected);
  });
  it('clean text gives null', () => {
    expect(describeForbiddenCharacter('Cluster Disk 2')).toBeNull();
  });
});
