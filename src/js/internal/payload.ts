/** The bytes a message's payload contributes to what its tag or signature covers, and its size. */
import { MESSAGE_HEADER_BYTES, NEEDS_SIZE } from '../generated/codes.js';
import { isInstance } from './checks.js';
import { raw } from './raw.js';

const UTF8 = new TextEncoder();

/** The payload bytes of `data` (the rule `payloadBytes` documents). */
export function encodePayload(data: unknown): Uint8Array {
  if (isInstance(data, Uint8Array)) return data;
  let text: string | undefined;
  try {
    text = JSON.stringify(data);
  } catch {
    throw raw().invalidTypeError('data', 'a Uint8Array or a value JSON.stringify can write', data);
  }
  return text === undefined ? new Uint8Array(0) : UTF8.encode(text);
}

/**
 * Runs `send(size)` (a wasm send) with `size` (`NONE` when the sender set none); when a scheduled
 * network answers `NEEDS_SIZE`, runs it again with the size of a message carrying `data`: its
 * payload bytes plus `MESSAGE_HEADER_BYTES`. So a payload is sized only when a send needs it,
 * never in an instant network. Returns what `send` returned last.
 */
export function sized(data: unknown, size: number, send: (size: number) => number): number {
  const count = send(size);
  return count === NEEDS_SIZE ? send(encodePayload(data).length + MESSAGE_HEADER_BYTES) : count;
}
