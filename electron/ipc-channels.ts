/**
 * The two IPC channel names, in a module with no imports: the sandboxed preload bundles it and may
 * load nothing but electron.
 */
export const INVOKE_CHANNEL = 'shadowswap:invoke';
export const EVENT_CHANNEL = 'shadowswap:event';
