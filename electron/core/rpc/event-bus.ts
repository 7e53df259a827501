/** Typed fan-out of contract events from the core to every connected door. */
import type { EventName, PayloadOf } from '../../../shared/contract';

export type EventListener = <E extends EventName>(event: E, payload: PayloadOf<E>) => void;

export class EventBus {
  private readonly listeners = new Set<EventListener>();

  emit<E extends EventName>(event: E, payload: PayloadOf<E>): void {
    for (const listener of this.listeners) listener(event, payload);
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
