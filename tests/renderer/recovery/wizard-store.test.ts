import { beforeEach, describe, expect, it } from 'vitest';
import { startWizardWith, useWizardStore } from '../../../renderer/src/recovery/wizard-store';
import { useUiStore } from '../../../renderer/src/ui-store';

const wizard = () => useWizardStore.getState();

describe('the wizard store', () => {
  beforeEach(() => wizard().reset());

  it('forgets acknowledged warnings when another set is chosen, keeps them for the same set', () => {
    wizard().chooseSet('set-1');
    wizard().acknowledge('check-a', true);
    wizard().chooseSet('set-1');
    expect(wizard().acknowledged).toEqual(['check-a']);
    wizard().chooseSet('set-2');
    expect(wizard().acknowledged).toEqual([]);
  });

  it('acknowledges a warning once, and can take it back', () => {
    wizard().acknowledge('check-a', true);
    wizard().acknowledge('check-a', true);
    expect(wizard().acknowledged).toEqual(['check-a']);
    wizard().acknowledge('check-a', false);
    expect(wizard().acknowledged).toEqual([]);
  });

  it('merges option changes', () => {
    wizard().setOptions({ mode: 'online' });
    expect(wizard().options).toMatchObject({ mode: 'online', identity: 'revert', verify: true });
  });

  it('moves to the run step when a run starts', () => {
    wizard().runStarted('run-1');
    expect(wizard()).toMatchObject({ runId: 'run-1', step: 'run' });
  });

  it('startWizardWith opens the Recovery page on the preflight of that set, with nothing left from before', () => {
    wizard().chooseSet('old');
    wizard().acknowledge('check-a', true);
    startWizardWith('set-9');
    expect(wizard()).toMatchObject({ setId: 'set-9', step: 'scope', acknowledged: [], runId: null });
    expect(useUiStore.getState().page).toBe('recovery');
  });
});
