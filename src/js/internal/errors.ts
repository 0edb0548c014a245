/** The errors the facade throws itself (every other error is built in wasm). */
import type { MeshErrorCode } from '../generated/codes.js';

/** A `TypeError` with the `code` and `field` every data-mesh error carries. */
function typeError(message: string, code: MeshErrorCode, field: string): TypeError {
  const error = new TypeError(message) as TypeError & { code: MeshErrorCode; field: string };
  error.code = code;
  error.field = field;
  return error;
}

/** The error every method of an object throws after `free()`. */
export function freedError(className: string): TypeError {
  return typeError(`this ${className} was freed and can no longer be used`, 'ERR_OBJECT_FREED', 'this');
}

/** The error any call throws before `await init()` has finished in a browser. */
export function notInitializedError(): TypeError {
  return typeError('data-mesh is not initialised: call `await init()` before using it', 'ERR_NOT_INITIALIZED', 'init');
}
