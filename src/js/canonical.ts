/** The canonical encoding that tags and signatures cover, for apps that sign with WebCrypto. */
import { num, object, read, str } from './internal/checks.js';
import { encodePayload } from './internal/payload.js';
import { raw } from './internal/raw.js';
import type { Message } from './types.js';

/**
 * The bytes a message's payload contributes to its canonical encoding: none for `undefined`, a
 * `Uint8Array` as it is, anything else as the UTF-8 of `JSON.stringify(data)` (so a receiver
 * that gets JSON-compatible data as JSON and parses it computes the same bytes). Throws
 * `ERR_INVALID_TYPE` naming `data` for a value JSON cannot write (a BigInt, a cycle).
 */
export function payloadBytes(data: unknown): Uint8Array {
  return encodePayload(data);
}

/**
 * The bytes an HMAC tag or ed25519 signature of `message` covers: "data-mesh/v1", the sender id
 * (u32 big-endian length, then UTF-8), the step, the pattern value and the sequence number (u64
 * big-endian each; a missing sequence is 0), and the payload (u32 big-endian length, then
 * `payloadBytes(data)`). Built by the same code in wasm that tags and verifies.
 */
export function canonicalBytes(
  message: Pick<Message, 'senderId' | 'globalStep' | 'patternValue' | 'sequence' | 'data'>,
): Uint8Array<ArrayBuffer> {
  const m = object('message', message);
  const senderId = str('senderId', read(m, 'senderId', 'a string'));
  const globalStep = num('globalStep', read(m, 'globalStep', 'a number'));
  const patternValue = num('patternValue', read(m, 'patternValue', 'a number'));
  const sequence = num('sequence', read(m, 'sequence', 'a number') ?? 0);
  const payload = encodePayload(read(m, 'data', 'a payload'));
  return raw().canonicalBytes(senderId, globalStep, patternValue, sequence, payload) as Uint8Array<ArrayBuffer>;
}
