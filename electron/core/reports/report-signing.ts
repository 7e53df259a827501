/**
 * Report signatures: every exported report is signed with this installation's Ed25519 key, kept in the
 * data directory (keys/report-signing.pem, readable by its owner only). The signature covers the report's
 * digest (the SHA-256 of its canonical data), so it proves a report was made by the holder of this key and
 * not changed since. It does not prove more: whoever holds the key can sign anything (see README,
 * "Report authenticity"). The public key's fingerprint is what a change board pins.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ShadowSwapError } from '../../../shared/errors';
import type { ReportSignature } from '../../../shared/report';

/** Binds a signature to its purpose, so a signature made for something else cannot pass as a report's. */
const PURPOSE = 'shadowswap report v1\n';

export interface ReportKey {
  fingerprint: string;
  publicKeyPem: string;
  sign(reportDigest: string): ReportSignature;
}

export function reportKeyFile(dataDir: string): string {
  return path.join(dataDir, 'keys', 'report-signing.pem');
}

/** "sha256:" and the hex SHA-256 of the public key's DER (SPKI) bytes. */
export function keyFingerprint(publicKey: KeyObject): string {
  return `sha256:${createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')}`;
}

/** This installation's key, made on first use. Two processes making it at once end up with the same one. */
export function reportKey(dataDir: string): ReportKey {
  const file = reportKeyFile(dataDir);
  if (!fs.existsSync(file)) createKeyFile(file);
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ShadowSwapError(
      'STATE_UNREADABLE',
      `The report signing key ${file} cannot be read (${(error as Error).message}). Reports cannot be signed; restore the file from a backup. Making a new key would leave every report signed so far unverifiable against the fingerprint your change board pinned.`,
      { file },
    );
  }
  const publicKey = createPublicKey(privateKey);
  const fingerprint = keyFingerprint(publicKey);
  const publicKeyDer = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  return {
    fingerprint,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    sign: (reportDigest) => ({
      algorithm: 'ed25519',
      keyFingerprint: fingerprint,
      publicKey: publicKeyDer,
      value: sign(null, Buffer.from(PURPOSE + reportDigest), privateKey).toString('base64'),
    }),
  };
}

/** The fingerprint of this installation's key, or null when it has none yet (verifying never makes one). */
export function installationFingerprint(dataDir: string): string | null {
  try {
    return keyFingerprint(createPublicKey(fs.readFileSync(reportKeyFile(dataDir), 'utf8')));
  } catch {
    return null;
  }
}

/** Whether `signature` is a valid signature over `reportDigest` by the key it names; the why when not. */
export function signatureProblem(signature: ReportSignature, reportDigest: string): string | null {
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey({ key: Buffer.from(signature.publicKey, 'base64'), format: 'der', type: 'spki' });
  } catch {
    return 'its public key cannot be read';
  }
  if (publicKey.asymmetricKeyType !== 'ed25519') return 'its public key is not an Ed25519 key';
  if (keyFingerprint(publicKey) !== signature.keyFingerprint) return 'its public key does not have the fingerprint it states';
  const valid = verify(null, Buffer.from(PURPOSE + reportDigest), publicKey, Buffer.from(signature.value, 'base64'));
  return valid ? null : 'it does not match the report data: the report was changed after it was signed';
}

/** Writes a new key where none is: complete before its name appears, and never over another process's. */
function createKeyFile(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const { privateKey } = generateKeyPairSync('ed25519');
  const temp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(temp, 'w', 0o600);
  try {
    fs.writeSync(fd, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.linkSync(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    fs.rmSync(temp, { force: true });
  }
}
