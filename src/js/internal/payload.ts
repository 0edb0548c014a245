/** The bytes a message's payload contributes to what its tag or signature covers, and its size. */
import { MESSAGE_HEADER_BYTES, NEEDS_SIZE, NONE } from '../generated/codes.js';
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

/** Whether a network's sends have needed their size (it is scheduled): numbers are sized before their send from then on. */
export interface SizeMemo {
  /** True once a send answered `NEEDS_SIZE`. */
  sizesNumbers: boolean;
}

/**
 * `size`, or when it is `NONE` and `data` is a number, the size of a message carrying it (its
 * payload is the number as `JSON.stringify` writes it, ASCII), known without encoding anything.
 */
function presized(data: unknown, size: number): number {
  if (size !== NONE || typeof data !== 'number') return size;
  return (Number.isFinite(data) ? String(data).length : 'null'.length) + MESSAGE_HEADER_BYTES;
}

/**
 * Runs `send(size)` (a wasm send) with `size` (`NONE` when the sender set none); when a scheduled
 * network answers `NEEDS_SIZE`, runs it again with the size of a message carrying `data`: its
 * payload bytes plus `MESSAGE_HEADER_BYTES`. So a payload is sized only when a send needs it,
 * never in an instant network; once a network's send needed it (`memo`), a number is sized before
 * the first call, which then needs no second one. Returns what `send` returned last.
 */
export function sized(data: unknown, size: number, send: (size: number) => number, memo: SizeMemo): number {
  const count = send(memo.sizesNumbers ? presized(data, size) : size);
  if (count !== NEEDS_SIZE) return count;
  memo.sizesNumbers = true;
  return send(encodePayload(data).length + MESSAGE_HEADER_BYTES);
}
