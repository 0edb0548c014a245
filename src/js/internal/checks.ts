/** Fast `typeof` checks on the JS side; on failure the wasm side builds the typed error. */
import type { NodeConfig, PatternConfig } from '../types.js';
import { raw } from './raw.js';

/** Throws the `ERR_INVALID_TYPE` error (built in wasm) for `value` in `field`. */
function wrongType(field: string, expected: string, value: unknown): never {
  throw raw().invalidTypeError(field, expected, value);
}

/** `value` if it is a number, else throws `ERR_INVALID_TYPE` naming `field`. */
export function num(field: string, value: unknown): number {
  return typeof value === 'number' ? value : wrongType(field, 'a number', value);
}

/** `value` if it is a string, else throws `ERR_INVALID_TYPE` naming `field`. */
export function str(field: string, value: unknown): string {
  return typeof value === 'string' ? value : wrongType(field, 'a string', value);
}

/** `value` if it is a `Uint8Array`, else throws `ERR_INVALID_TYPE` naming `field`. */
export function bytes(field: string, value: unknown): Uint8Array {
  return value instanceof Uint8Array ? value : wrongType(field, 'a Uint8Array', value);
}

/** `value` if it is a function, else throws `ERR_INVALID_TYPE` naming `field`. */
export function fn<F>(field: string, value: F): F {
  return typeof value === 'function' ? value : wrongType(field, 'a function', value);
}

function object(field: string, value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : wrongType(field, 'an object', value);
}

/** The fields of a pattern configuration, type-checked (ranges are checked in wasm). */
export function patternConfig(config: PatternConfig): [seed: number, interval: number] {
  const c = object('config', config);
  return [num('seed', c.seed), num('phaseResetInterval', c.phaseResetInterval)];
}

/** The fields of a node configuration, type-checked (ranges are checked in wasm). */
export function nodeConfig(config: NodeConfig): [nodeId: string, seed: number, interval: number] {
  const c = object('config', config);
  return [str('nodeId', c.nodeId), num('seed', c.seed), num('phaseResetInterval', c.phaseResetInterval)];
}

/** The fields a message is validated by, read once. */
export interface MessageFields {
  /** The claimed sender. */
  senderId: string;
  /** Its step. */
  globalStep: number;
  /** Its pattern value. */
  patternValue: number;
}

/**
 * Reads each message field once; undefined when a field is missing, of the wrong type, or its
 * getter throws (values are range-checked in wasm).
 */
export function readMessage(m: unknown): MessageFields | undefined {
  try {
    const o = m as Record<string, unknown> | null;
    if (typeof o !== 'object' || o === null) return undefined;
    const senderId = o.senderId;
    const globalStep = o.globalStep;
    const patternValue = o.patternValue;
    if (typeof senderId !== 'string' || typeof globalStep !== 'number' || typeof patternValue !== 'number') return undefined;
    return { senderId, globalStep, patternValue };
  } catch {
    return undefined;
  }
}

/** The sender id of a message that failed `readMessage`, when it has a readable string one. */
export function malformedSenderId(m: unknown): string | undefined {
  try {
    const senderId = (m as { senderId?: unknown } | null)?.senderId;
    return typeof senderId === 'string' ? senderId : undefined;
  } catch {
    return undefined;
  }
}

/** A `Map` as a plain record with no prototype, so that keys like `__proto__` stay ordinary keys. */
export function toRecord<V>(map: Map<string, V>): Record<string, V> {
  const record: Record<string, V> = Object.create(null);
  for (const [key, value] of map) {
    Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return record;
}
