import { describe, expect, it } from 'vitest';
import { ShadowSwapError } from '../../../../shared/errors';
import { isPromptEcho, readSavedListing } from '../../../../electron/core/inventory/saved-listing';
import { savedOutputHandlers } from '../../../../electron/core/inventory/saved-output-handlers';
import { fixture } from '../windows-tools/fixtures';

function refusal(fn: () => unknown): ShadowSwapError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ShadowSwapError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('readSavedListing: never a silent zero', () => {
  it('"Open saved output…" refuses a listing it cannot read, with the lines in the message and in details', () => {
    const text =
      'Contenuto dell\u2019ID del set di copie shadow: {7b37f005-c738-450c-83cd-ad2f237f2b28}\nID copia shadow: {153b6835-be81-45ed-bd01-2edbf4f61a85}\n';
    const error = refusal(() => savedOutputHandlers()['parse.savedOutput']({ tool: 'vssadmin', text }, {}));
    expect(error.code).toBe('STATE_UNREADABLE');
    expect(error.message).toMatch(
      /^This looks like vssadmin output in a language or format ShadowSwap does not read yet: 2 lines not recognised/,
    );
    expect(error.message).toContain('\n  ID copia shadow: {153b6835-be81-45ed-bd01-2edbf4f61a85}\n');
    expect(error.details).toMatchObject({ tool: 'vssadmin', unrecognised: text.trim().split('\n') });
  });

  it('a file of the other tool is named as such', () => {
    const error = refusal(() => readSavedListing('vssadmin', fixture('diskshadow-create-transportable.synthetic.txt'), {}));
    expect(error.details).toMatchObject({ looksLike: 'diskshadow' });
  });

  it('shows at most 20 of many unrecognised lines and counts the rest', () => {
    const text = Array.from({ length: 25 }, (_, i) => `Ligne inconnue ${i}`).join('\n');
    const error = refusal(() => readSavedListing('diskshadow', text, {}));
    expect(error.message).toContain('25 lines not recognised');
    expect(error.message).toContain('  Ligne inconnue 19\n  … and 5 more');
    expect(error.message).not.toContain('Ligne inconnue 20');
  });

  it('a prompt echo alone does not make an empty listing a failure, and stays listed', () => {
    const listing = readSavedListing('vssadmin', fixture('vssadmin-list-shadows-empty.txt'), {});
    expect(listing.shadowCopies).toEqual([]);
    expect(listing.unparsed).toEqual(['C:\\Windows\\system32>vssadmin List Shadows']);
  });

  it('an error the tool printed instead of a listing is refused, not read as "none"', () => {
    const error = refusal(() => readSavedListing('vssadmin', fixture('vssadmin-not-elevated-wrapped.txt'), {}));
    expect(error.message).toContain("Error: You don't have the correct permissions");
  });

  it('recognises the prompts of cmd.exe, PowerShell and Evil-WinRM, and nothing else', () => {
    expect(isPromptEcho('C:\\Windows\\system32>vssadmin list shadows')).toBe(true);
    expect(isPromptEcho('PS C:\\Users\\svc_backup\\desktop> diskshadow')).toBe(true);
    expect(isPromptEcho('*Evil-WinRM* PS C:\\Windows\\Temp\\Privesc> diskshadow /s x.txt')).toBe(true);
    expect(isPromptEcho('ID copia shadow: {153b6835-be81-45ed-bd01-2edbf4f61a85}')).toBe(false);
    expect(isPromptEcho('Original Volume: (C:)\\\\?\\Volume{be4f748a-a19f-11e6-a5bb-806e6f6e6963}\\')).toBe(false);
  });
});
