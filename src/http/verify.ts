import { createPublicKey, type KeyObject, verify } from "node:crypto";

/** The DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw 32-byte key follows it. */
const ED25519_SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");

/** Discord's public key (64 hex characters, Developer Portal › General Information) as a node:crypto key. */
export function publicKeyFromHex(hex: string): KeyObject {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new Error("an Ed25519 public key is 64 hex characters");
  return createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, "hex")]),
    format: "der",
    type: "spki",
  });
}

/** How old (or how far ahead) a signature's timestamp may be. */
export const MAX_SIGNATURE_AGE_S = 5 * 60;

/**
 * True when `signature` (hex) is Discord's Ed25519 signature of `timestamp` + `body` and the timestamp is
 * within five minutes of `now`: a replayed old request fails even with a good signature.
 */
export function verifyInteraction(
  key: KeyObject,
  signature: string,
  timestamp: string,
  body: Buffer,
  now: number = Date.now(),
): boolean {
  if (!/^[0-9a-fA-F]{128}$/.test(signature) || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(now / 1000 - Number(timestamp)) > MAX_SIGNATURE_AGE_S) return false;
  try {
    return verify(null, Buffer.concat([Buffer.from(timestamp), body]), key, Buffer.from(signature, "hex"));
  } catch {
    return false;
  }
}
