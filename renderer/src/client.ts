/**
 * The renderer's one contract client. In Electron the preload bridge carries it; in a browser (the
 * gateway) a WebSocket to /rpc on the same origin does, authenticated by the gateway's cookie.
 */
import { createClient, type Channel, type ContractClient } from '../../shared/rpc';
import { createWsChannel } from '../../shared/ws-channel';

declare global {
  interface Window {
    shadowswap?: Channel;
  }
}

export type TransportKind = 'electron' | 'browser';

function openChannel(): { channel: Channel; kind: TransportKind } {
  if (window.shadowswap) return { channel: window.shadowswap, kind: 'electron' };
  const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return { channel: createWsChannel(new WebSocket(`${scheme}//${window.location.host}/rpc`)), kind: 'browser' };
}

const opened = openChannel();
export const transportKind: TransportKind = opened.kind;
export const client: ContractClient = createClient(opened.channel);
