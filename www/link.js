// Reading a shared link: every part is untrusted (broken JSON, wrong types, huge or non-finite
// numbers, prototype keys, markup). What cannot be used is left out, named in a short notice, and
// its default taken; nothing from the link ever runs as script or becomes markup.
import { SCENARIOS } from './scenarios.js';

/** The fault-lab actions a link may replay. */
const ACTIONS = new Set(['crash', 'restart', 'byzantine', 'partition', 'heal', 'remove', 'topology', 'links', 'add']);

/** The most actions a link may carry. */
const MAX_ACTIONS = 10_000;

/** The latest time a link may run to, in ms. */
const MAX_TIME = 1e9;

/** Each number setting: the whole numbers it takes, `[min, max]`, and their description. */
const SETTINGS = {
  seed: [0, Number.MAX_SAFE_INTEGER, 'a whole number from 0'],
  pattern: [0, Number.MAX_SAFE_INTEGER, 'a whole number from 0'],
  interval: [1, Number.MAX_SAFE_INTEGER, 'a whole number from 1'],
  nodes: [100, 100_000, 'a whole number from 100 to 100 000'],
};

/** At most 40 characters of `text`, for a notice (shown as text, never as markup). */
const clip = (text) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

/** Whether `action` is `[time, name, nodeId, argument]` as the fault lab records it. */
function isAction(action) {
  return (
    Array.isArray(action) &&
    action.length === 4 &&
    typeof action[0] === 'number' &&
    Number.isFinite(action[0]) &&
    action[0] >= 0 &&
    action[0] <= MAX_TIME &&
    ACTIONS.has(action[1]) &&
    (action[2] === null || (typeof action[2] === 'string' && action[2].length <= 200))
  );
}

/** The recorded actions the link's `actions` text holds, in time order, and what was left out. */
function readActions(text, ignored) {
  if (text === null) return [];
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    ignored.push('actions (not JSON)');
    return [];
  }
  if (!Array.isArray(parsed)) {
    ignored.push('actions (not a list)');
    return [];
  }
  const kept = parsed.slice(0, MAX_ACTIONS).filter(isAction);
  const dropped = parsed.length - kept.length;
  if (dropped > 0) ignored.push(`${dropped} of ${parsed.length} actions (not [time, action, nodeId, argument], or too many)`);
  return kept.sort((a, b) => a[0] - b[0]);
}

/**
 * What the link `search` (a URL's query) asks for: the scenario `key` (a bundled one, else
 * mesh-network), the input `values` (`seed`, `nodes`, `pattern`, `interval`: strings, or null
 * where it names none or one that breaks its rule), the recorded `actions`, the `time` to run to
 * (undefined for none), and `ignored`: a short description of each part left out.
 */
export function readLink(search) {
  const params = new URLSearchParams(search);
  const ignored = [];
  const asked = params.get('scenario');
  const known = asked !== null && Object.hasOwn(SCENARIOS, asked);
  if (asked !== null && !known) ignored.push(`scenario "${clip(asked)}" (not a bundled scenario)`);
  const values = {};
  for (const [name, [min, max, rule]] of Object.entries(SETTINGS)) {
    const text = params.get(name);
    const fine = text === null || (/^\d{1,16}$/.test(text) && Number(text) >= min && Number(text) <= max);
    if (!fine) ignored.push(`${name} "${clip(text)}" (must be ${rule})`);
    values[name] = fine ? text : null;
  }
  const actions = readActions(params.get('actions'), ignored);
  let time;
  if (params.has('t')) {
    const t = Number(params.get('t'));
    if (params.get('t') !== '' && Number.isFinite(t) && t >= 0 && t <= MAX_TIME) time = t;
    else ignored.push(`t "${clip(params.get('t'))}" (must be a time in ms from 0 to 1e9)`);
  }
  return { key: known ? asked : 'mesh-network', values, actions, time, ignored };
}
