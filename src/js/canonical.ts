/** The canonical encoding that tags and signatures cover, for apps that sign with WebCrypto. */
import { raw } from './raw.js';
import type { Message } from './types.js';

const UTF8 = new TextEncoder();
const PREFIX = UTF8.encode('data-mesh/v1');

/**
 * The bytes a message's payload contributes to its canonical encoding: none for `undefined`, a
 * `Uint8Array` as it is, anything else as the UTF-8 of `JSON.stringify(data)` (so a receiver
 * that gets JSON-compatible data as JSON and parses it computes the same bytes). Throws
 * `ERR_INVALID_TYPE` naming `data` for a value JSON cannot write (a BigInt, a cycle).
 */
export function payloadBytes(data: unknown): Uint8Array {
  if (data instanceof Uint8Array) return data;
  let text: string | undefined;
  try {
    text = JSON.stringify(data);
  } catch {
    throw raw().invalidTypeError('data', 'a Uint8Array or a value JSON.stringify can write', data);
  }
  return text === undefined ? new Uint8Array(0) : UTF8.encode(text);
}

/**
 * The bytes an HMAC tag or ed25519 signature of `message` covers: "data-mesh/v1", the sender id
 * (u32 big-endian length, then UTF-8), the step, the pattern value and the sequence number (u64
 * big-endian each), and the payload (u32 big-endian length, then `payloadBytes(data)`).
 */
export function canonicalBytes(message: Pick<Message, 'senderId' | 'globalStep' | 'patternValue' | 'sequence' | 'data'>): Uint8Array<ArrayBuffer> {
  const id = UTF8.encode(message.senderId);
  const payload = payloadBytes(message.data);
  const bytes = new Uint8Array(PREFIX.length + 4 + id.length + 24 + 4 + payload.length);
  const view = new DataView(bytes.buffer);
  bytes.set(PREFIX, 0);
  let at = PREFIX.length;
  view.setUint32(at, id.length);
  bytes.set(id, at + 4);
  at += 4 + id.length;
  const numbers = { globalStep: message.globalStep, patternValue: message.patternValue, sequence: message.sequence ?? 0 };
  for (const [field, number] of Object.entries(numbers)) {
    if (!Number.isSafeInteger(number) || number < 0) throw raw().invalidTypeError(field, 'a non-negative safe integer', number);
    view.setBigUint64(at, BigInt(number));
    at += 8;
  }
  view.setUint32(at, payload.length);
  bytes.set(payload, at + 4);
  return bytes;
}
