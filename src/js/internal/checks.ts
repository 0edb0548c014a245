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

/** `value instanceof Class`, or false when that throws (a proxy whose `getPrototypeOf` trap throws). */
export function isInstance<C>(value: unknown, Class: abstract new (...args: never[]) => C): value is C {
  try {
    return value instanceof Class;
  } catch {
    return false;
  }
}

/**
 * A copy of `value` if it is an array, else throws `ERR_INVALID_TYPE` naming `field`, also when
 * reading it throws (a revoked proxy, a throwing trap or getter).
 */
export function items(field: string, value: unknown, expected: string): unknown[] {
  try {
    if (Array.isArray(value)) return Array.from(value as unknown[]);
  } catch {
    // Unreadable: refused below, as a value of the wrong type.
  }
  return wrongType(field, expected, value);
}

/** `value` if it is a `Uint8Array`, else throws `ERR_INVALID_TYPE` naming `field`. */
export function bytes(field: string, value: unknown): Uint8Array {
  return isInstance(value, Uint8Array) ? value : wrongType(field, 'a Uint8Array', value);
}

/** `value` if it is a function, else throws `ERR_INVALID_TYPE` naming `field`. */
export function fn<F>(field: string, value: F): F {
  return typeof value === 'function' ? value : wrongType(field, 'a function', value);
}

/** `value` if it is an object, else throws `ERR_INVALID_TYPE` naming `field`. */
export function object(field: string, value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : wrongType(field, 'an object', value);
}

/**
 * The function `protocol[name]` of a protocol given as `field`, or undefined when it is absent
 * and not `required`; else throws `ERR_INVALID_TYPE` naming `field.name`, also when reading it throws.
 */
export function hook(field: string, protocol: Record<string, unknown>, name: string, required: boolean): ((...args: never[]) => unknown) | undefined {
  let value: unknown;
  try {
    value = protocol[name];
  } catch (thrown) {
    return wrongType(`${field}.${name}`, 'a function that can be read (reading it threw)', thrown);
  }
  return value === undefined && !required ? undefined : fn(`${field}.${name}`, value as (...args: never[]) => unknown);
}

/** `c[key]`; when reading it throws (a getter, a proxy's trap), the `ERR_INVALID_TYPE` error naming `key`. */
export function read(c: Record<string, unknown>, key: string, expected: string): unknown {
  try {
    return c[key];
  } catch (thrown) {
    return wrongType(key, `${expected} that can be read (reading it threw)`, thrown);
  }
}

/** The fields of a pattern configuration, type-checked (ranges are checked in wasm). */
export function patternConfig(config: PatternConfig): [seed: number, interval: number] {
  const c = object('config', config);
  return [num('seed', read(c, 'seed', 'a number')), num('phaseResetInterval', read(c, 'phaseResetInterval', 'a number'))];
}

/**
 * `options` without its own `protocol` field, and that field (undefined when absent). Options that
 * cannot even be inspected pass through unchanged, for the reader in wasm to refuse by name.
 */
export function withoutProtocol(options: unknown): [rest: unknown, protocol: unknown] {
  let has = false;
  try {
    has = typeof options === 'object' && options !== null && Object.hasOwn(options, 'protocol');
  } catch {
    has = false;
  }
  if (!has) return [options, undefined];
  const given = options as Record<string, unknown>;
  let keys: string[];
  try {
    keys = Object.keys(given);
  } catch (thrown) {
    return wrongType('options', 'an object that can be read (listing its keys threw)', thrown);
  }
  const rest: Record<string, unknown> = {};
  for (const key of keys) if (key !== 'protocol') rest[key] = read(given, key, 'a value');
  return [rest, read(given, 'protocol', 'a protocol object')];
}

/** The `protocol` of `options` (undefined when `options` is), which must be an object. */
export function protocolOption(options: unknown): unknown {
  return options === undefined ? undefined : read(object('options', options), 'protocol', 'a protocol object');
}

/** The fields of a node configuration, type-checked (ranges are checked in wasm). */
export function nodeConfig(config: NodeConfig): [nodeId: string, seed: number, interval: number] {
  const c = object('config', config);
  return [str('nodeId', read(c, 'nodeId', 'a string')), num('seed', read(c, 'seed', 'a number')), num('phaseResetInterval', read(c, 'phaseResetInterval', 'a number'))];
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
