// A scenario of the user's own, from a file or a link: reading its text as untrusted input (size,
// JSON, prototype keys, markup in node ids, the page's node cap, then the package's own checks),
// and carrying it in a link as base64url of its UTF-8 JSON.
import { MeshNetwork } from 'data-mesh';

/** The biggest scenario file the page reads, in bytes. */
export const MAX_FILE_BYTES = 1024 * 1024;

/** The longest `file` link parameter the page writes or reads, in characters. */
export const MAX_LINK_CHARS = 64 * 1024;

/** The most nodes a loaded scenario may create on the page (as many as the scale mode). */
export const MAX_FILE_NODES = 100_000;

/** The latest time the page runs a scenario to, in ms: a link's time and actions, a loaded file's duration. */
export const MAX_TIME = 1e9;

/** Keys that name an object's prototype machinery rather than data. */
export const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Reads the text of a scenario file: `{ scenario }` (the parsed document) when the page and the
 * package accept it, else `{ problem }`, a short text naming the field and the rule it breaks.
 */
export function readScenario(text) {
  const tooBig = sizeProblem(new TextEncoder().encode(text).length);
  if (tooBig !== undefined) return { problem: tooBig };
  let scenario;
  try {
    scenario = JSON.parse(text);
  } catch (error) {
    return { problem: `not JSON (${error.message})` };
  }
  const problem = pageProblem(scenario) ?? packageProblem(scenario);
  return problem === undefined ? { scenario } : { problem };
}

/** `scenario` as a link parameter (base64url of its JSON), or undefined when that is longer than MAX_LINK_CHARS. */
export function encodeScenario(scenario) {
  const bytes = new TextEncoder().encode(JSON.stringify(scenario));
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  const encoded = btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
  return encoded.length <= MAX_LINK_CHARS ? encoded : undefined;
}

/** Reads a link's `file` parameter as `readScenario` reads a file: `{ scenario }` or `{ problem }`. */
export function decodeScenario(param) {
  if (param.length > MAX_LINK_CHARS) return { problem: `longer than ${MAX_LINK_CHARS} characters` };
  if (!/^[A-Za-z0-9_-]*$/.test(param) || param.length % 4 === 1) return { problem: 'not base64url' };
  const binary = atob(param.replaceAll('-', '+').replaceAll('_', '/'));
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return { problem: 'not UTF-8 text' };
  }
  return readScenario(text);
}

/** Why a scenario of `bytes` bytes is too big to read, or undefined when it is not. */
export function sizeProblem(bytes) {
  return bytes > MAX_FILE_BYTES ? `${Math.ceil(bytes / 1024)} KiB, more than the ${MAX_FILE_BYTES / 1024} KiB a scenario may have` : undefined;
}

/** What the page refuses in a parsed scenario before the package sees it, or undefined. */
function pageProblem(scenario) {
  if (scenario === null || typeof scenario !== 'object' || Array.isArray(scenario)) return 'scenario: must be a JSON object';
  const key = prototypeKey(scenario);
  if (key !== undefined) return `${key}: a prototype key is not allowed`;
  const { nodes } = scenario;
  const ids = Array.isArray(nodes) ? nodes.map((node, i) => [`nodes[${i}].nodeId`, node?.nodeId]) : [['nodes.prefix', nodes?.prefix]];
  const markup = ids.find(([, id]) => typeof id === 'string' && /[<>]/.test(id));
  if (markup !== undefined) return `${markup[0]}: markup (< or >) is not allowed in a node id here`;
  if (typeof nodes?.count === 'number' && nodes.count > MAX_FILE_NODES) return `nodes.count: this page plays at most ${MAX_FILE_NODES} nodes`;
  if (typeof scenario.duration === 'number' && scenario.duration > MAX_TIME) return `duration: this page plays at most ${MAX_TIME} ms`;
  return undefined;
}

/** The path of a prototype key anywhere in `value` (walked without recursion), or undefined. */
function prototypeKey(value) {
  const pending = [[value, '']];
  while (pending.length > 0) {
    const [item, path] = pending.pop();
    if (item === null || typeof item !== 'object') continue;
    for (const [key, inner] of Object.entries(item)) {
      const at = Array.isArray(item) ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;
      if (!Array.isArray(item) && PROTOTYPE_KEYS.has(key)) return at;
      pending.push([inner, at]);
    }
  }
  return undefined;
}

/** Why the package refuses `scenario` (its error's code and message, naming the field), or undefined. */
function packageProblem(scenario) {
  try {
    MeshNetwork.fromScenario(scenario).free();
    return undefined;
  } catch (error) {
    return `${error.code ?? error.name}: ${error.message}`;
  }
}
