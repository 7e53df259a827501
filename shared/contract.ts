/**
 * The one contract between the doors (Electron IPC, the gateway's WebSocket, the CLI) and the core.
 * Every method has a params schema and a result schema; every event has a payload schema.
 * Adding a method here is the only way to make it callable from outside the core.
 */
import { z } from 'zod';
import { AppInfo, Cluster, Host, Lun, SnapshotSet, StorageArray } from './domain';
import { doctorMethods } from './doctor-contract';
import { inventoryMethods } from './inventory-contract';
import { labMethods } from './lab-contract';
import { recoveryEvents, recoveryMethods } from './recovery-contract';
import { reportMethods } from './report-contract';
import { savedOutputMethods } from './saved-output-contract';
import { snapshotMethods } from './snapshot-contract';

const NoParams = z.object({}).strict();

export const methods = {
  'app.info': { params: NoParams, result: AppInfo },
  'inventory.luns': {
    params: z.object({ filter: z.string().max(200).optional() }).strict(),
    result: z.array(Lun),
  },
  'inventory.hosts': {
    params: z.object({ filter: z.string().max(200).optional() }).strict(),
    result: z.array(Host),
  },
  'inventory.arrays': { params: NoParams, result: z.array(StorageArray) },
  'inventory.snapshots': {
    params: z.object({ filter: z.string().max(200).optional() }).strict(),
    result: z.array(SnapshotSet),
  },
  'inventory.clusters': {
    params: z.object({ filter: z.string().max(200).optional() }).strict(),
    result: z.array(Cluster),
  },
  ...inventoryMethods,
  ...recoveryMethods,
  ...snapshotMethods,
  ...reportMethods,
  ...savedOutputMethods,
  ...labMethods,
  ...doctorMethods,
} as const;

export const events = {
  /** The backend's state changed; clients refetch what they show. */
  'inventory.changed': z.object({ reason: z.string() }),
  ...recoveryEvents,
} as const;

export type MethodName = keyof typeof methods;
export type EventName = keyof typeof events;
export type ParamsOf<M extends MethodName> = z.input<(typeof methods)[M]['params']>;
export type ResultOf<M extends MethodName> = z.output<(typeof methods)[M]['result']>;
export type PayloadOf<E extends EventName> = z.output<(typeof events)[E]>;

export const methodNames = Object.keys(methods) as MethodName[];
export const eventNames = Object.keys(events) as EventName[];

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && Object.hasOwn(methods, value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.hasOwn(events, value);
}
