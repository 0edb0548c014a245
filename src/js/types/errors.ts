/** The shape of the errors data-mesh throws. */
import type { MeshErrorCode } from '../generated/codes.js';

/** The shape of every error data-mesh throws: a `TypeError` or `RangeError` with these fields. */
export interface MeshError extends Error {
  /** Stable machine-readable code. */
  code: MeshErrorCode;
  /** The field (or argument) the error is about. */
  field: string;
}
