import { beforeEach, describe, expect, it } from 'vitest';
import { startWizardWith, useWizardStore, wizardPlaceOf } from '../../../renderer/src/recovery/wizard-store';
import { useUiStore } from '../../../renderer/src/ui-store';

const wizard = () => useWizardStore.getState();
const place = () => wizardPlaceOf(useUiStore.getState().route);

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
    wizard().setOptions({ mode: 'maintenance' });
    expect(wizard().options).toMatchObject({ mode: 'maintenance', identity: 'revert', verify: true });
  });

  it('puts the chosen set in the URL of the steps that work on it', () => {
    wizard().chooseSet('set-1');
    wizard().goTo('options');
    expect(useUiStore.getState().route).toEqual({ page: 'recovery', step: 'options', setId: 'set-1' });
  });

  it('moves to the run step, with the run in the URL, when a run starts', () => {
    wizard().chooseSet('set-1');
    wizard().runStarted('run-1');
    expect(place()).toEqual({ step: 'run', setId: null, runId: 'run-1' });
  });

  it('a reset goes back to step 1 with nothing chosen', () => {
    wizard().chooseSet('set-1');
    wizard().reset();
    expect(place().step).toBe('set');
    expect(wizard().setId).toBeNull();
  });

  it('startWizardWith opens the Recovery page on the preflight of that set, with nothing left from before', () => {
    wizard().chooseSet('old');
    wizard().acknowledge('check-a', true);
    startWizardWith('set-9');
    expect(wizard()).toMatchObject({ setId: 'set-9', acknowledged: [] });
    expect(useUiStore.getState().route).toEqual({ page: 'recovery', step: 'scope', setId: 'set-9' });
  });
});
