/**
 * Stable stand-ins for what real hardware makes up (serial numbers, signatures, GUIDs, data): derived
 * from a seed, so the same scenario or the same operation always gives the same values and tests can
 * compare against them.
 */
import { createHash } from 'node:crypto';

/** A pseudo-random hex string derived from a seed. */
export function deterministicHex(seed: string, length: number): string {
  let out = '';
  for (let block = 0; out.length < length; block += 1) {
    out += createHash('sha256').update(`${seed}#${block}`).digest('hex');
  }
  return out.slice(0, length);
}

/** A GUID in the lower-case, brace-less form ShadowSwap uses everywhere. */
export function deterministicGuid(seed: string): string {
  const h = deterministicHex(seed, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** An MBR disk signature: 8 upper-case hex digits, never 0 (Windows treats 0 as "no signature"). */
export function deterministicSignature(seed: string): string {
  const hex = deterministicHex(seed, 8).toUpperCase();
  return hex === '00000000' ? '00000001' : hex;
}

/** `\\?\Volume{guid}\`, the volume name Windows gives a volume when a host mounts it. */
export function volumeGuidPath(seed: string): string {
  return `\\\\?\\Volume{${deterministicGuid(seed)}}\\`;
}

/** The checksum of a volume's data: equal checksums mean the same data. */
export function contentChecksum(dataSeed: string, files: readonly string[]): string {
  return createHash('sha256').update(dataSeed).update('\n').update(files.join('\n')).digest('hex');
}
