import { createPublicKey, type KeyObject, verify } from 'node:crypto';

/** The DER prefix that makes a raw 32-byte Ed25519 public key an SPKI key node:crypto reads. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** A signed request older (or further ahead) than this is refused: a replay, or a clock far off. */
export const MAX_SIGNATURE_AGE_S = 5 * 60;

/** Why a request's signature is refused; null when it is good. */
export type SignatureProblem = 'missing' | 'malformed' | 'stale' | 'bad';

/** The application's public key (`DISCORD_PUBLIC_KEY`, 64 hex digits) as a key node:crypto verifies with. */
export function publicKeyFromHex(hex: string): KeyObject {
  const raw = Buffer.from(hex, 'hex');
  if (raw.length !== 32) throw new Error('http/signature: a public key must be 32 bytes (64 hex digits)');
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

/**
 * Checks a request as Discord signs it: Ed25519 over `X-Signature-Timestamp`
 * followed by the raw body, the signature in `X-Signature-Ed25519` as hex.
 * The timestamp (unix seconds) must be within MAX_SIGNATURE_AGE_S of now.
 */
export function signatureProblem(
  key: KeyObject,
  headers: { signature: string | undefined; timestamp: string | undefined },
  body: Buffer,
  nowMs: number = Date.now(),
): SignatureProblem | null {
  const { signature, timestamp } = headers;
  if (!signature || !timestamp) return 'missing';
  if (!/^[0-9a-f]{128}$/i.test(signature) || !/^\d{1,12}$/.test(timestamp)) return 'malformed';
  const signed = Buffer.concat([Buffer.from(timestamp, 'utf8'), body]);
  if (!verify(null, signed, key, Buffer.from(signature, 'hex'))) return 'bad';
  // Checked after the signature: an attacker cannot make a stale-looking request go unlogged as bad.
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > MAX_SIGNATURE_AGE_S) return 'stale';
  return null;
}
