import { generateKeyPairSync, type KeyObject, sign } from "node:crypto";

/** A throwaway Ed25519 key pair standing in for Discord's: the public key as the 64 hex of the portal. */
export function testKeyPair(): { publicKeyHex: string; privateKey: KeyObject } {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const der = publicKey.export({ format: "der", type: "spki" });
  return { publicKeyHex: der.subarray(der.length - 32).toString("hex"), privateKey };
}

/** The two headers Discord adds: the Ed25519 signature of timestamp + body, and the timestamp. */
export function signedHeaders(
  privateKey: KeyObject,
  body: string,
  timestamp = Math.floor(Date.now() / 1000),
): Record<string, string> {
  const ts = String(timestamp);
  return {
    "content-type": "application/json",
    "x-signature-ed25519": sign(null, Buffer.from(ts + body), privateKey).toString("hex"),
    "x-signature-timestamp": ts,
  };
}
