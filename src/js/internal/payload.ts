/** The bytes a message's payload contributes to what its tag or signature covers. */
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
