/** Documents given as JSON text or as objects, read the same way. */
import { raw } from './raw.js';

/**
 * `value` (given as `field`) as the JSON document it stands for: text is parsed, an object goes
 * through `JSON.stringify` first (so it reads exactly as its text would). Text that is not JSON
 * throws `notJson(problem)`; anything else that is not a document, `ERR_INVALID_TYPE` naming `field`.
 */
export function jsonDocument(field: string, value: unknown, notJson: (problem: string) => Error): unknown {
  let text: unknown;
  try {
    text = typeof value === 'string' ? value : JSON.stringify(value);
  } catch {
    text = undefined; // a BigInt, a cycle or a throwing toJSON: not a JSON document
  }
  if (typeof text !== 'string') throw raw().invalidTypeError(field, 'JSON text or an object', value);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw notJson(error instanceof Error ? error.message : String(error));
  }
}
