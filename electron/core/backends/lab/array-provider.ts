/**
 * A Storage Management array's provider in the Lab, which can stop answering (`shadowswap lab array unreachable`), as
 * a provider service that is down or cut off from its array would: discovery then cannot read the array (the SAN
 * reading names it, lab-discovery.ts) and its masking sets cannot be changed. A VDS-only array has no such provider.
 */
import type { StorageArray } from '../../../../shared/domain';
import { ShadowSwapError } from '../../../../shared/errors';
import type { PreflightCheck } from '../../../../shared/recovery';
import type { SanReadFailure } from '../../../../shared/san-reading';
import type { LabState } from './lab-model';
import type { PreflightScope } from '../../backend';
import { findArray, findLun } from './lab-lookup';

export const PROVIDER_SILENT = 'its Storage Management provider did not answer';

export const providerAnswers = (state: LabState, array: StorageArray): boolean => !state.unreachableArrayIds.includes(array.id);

/**
 * Makes a Storage Management array's provider stop answering, or answer again, as a provider service that is down or
 * cut off from the array would. A VDS-only array has no such provider to stop.
 */
export function setProviderAnswers(state: LabState, arrayName: string, answers: boolean): string {
  const array = findArray(state, arrayName);
  if (array.management !== 'storage-management')
    throw new ShadowSwapError(
      'PRECONDITION_FAILED',
      `${array.name} has no Storage Management provider (VDS only): discovery never reads it, so there is no reading to fail. Choose an array managed through the Storage Management API.`,
      { array: array.name },
    );
  state.unreachableArrayIds = state.unreachableArrayIds.filter((id) => id !== array.id);
  if (!answers) state.unreachableArrayIds.push(array.id);
  return answers
    ? `${array.name}'s Storage Management provider answers again.`
    : `${array.name}'s Storage Management provider no longer answers: discovery cannot read it and its masking sets cannot be changed until: shadowswap lab array reachable --array ${array.name}`;
}

/** The arrays the SAN reading could not read: those whose Storage Management provider does not answer. */
export function arrayReadFailures(state: LabState): SanReadFailure[] {
  return state.arrays
    .filter((array) => array.management === 'storage-management' && !providerAnswers(state, array))
    .map((array) => ({ kind: 'array', name: array.name, reason: PROVIDER_SILENT }));
}

/** Refuses a change through the array's masking sets while its Storage Management provider does not answer. */
export function requireArrayAnswers(state: LabState, array: StorageArray): void {
  if (!providerAnswers(state, array))
    throw new ShadowSwapError(
      'BACKEND_FAILED',
      `${array.name} could not be changed: ${PROVIDER_SILENT}. Check that the provider answers (Get-StorageSubSystem on the console lists ${array.name}), then retry.`,
      { array: array.name },
    );
}

/** Each Storage Management array the recovery masks on answers through its provider, as the Windows preflight asks Get-StorageSubSystem. */
export function providerChecks(state: LabState, scope: PreflightScope): PreflightCheck[] {
  const arrays = new Map<string, StorageArray>();
  for (const { lunId } of scope.exposures) {
    const array = state.arrays.find((a) => a.id === findLun(state, lunId).arrayId);
    if (array?.management === 'storage-management') arrays.set(array.id, array);
  }
  return [...arrays.values()].map((array) => {
    const check = { id: `provider:${array.name}`, title: `${array.name} answers through its Storage Management provider` };
    return providerAnswers(state, array)
      ? { ...check, verdict: 'pass', reason: `Get-StorageSubSystem found ${array.name}`, fix: null }
      : {
          ...check,
          verdict: 'fail',
          reason: `${array.name}: ${PROVIDER_SILENT}, so its masking sets could not be changed during the recovery`,
          fix: "Check the array's Storage Management provider service (Get-StorageSubSystem on the console lists the array once it answers), then plan again.",
        };
  });
}
