// Reading a shared link: every part is untrusted (broken JSON, wrong types, huge or non-finite
// numbers, prototype keys, markup). What cannot be used is left out, named in a short notice, and
// its default taken; nothing from the link ever runs as script or becomes markup.
import { FILE_KEY, SCENARIOS } from './scenarios.js';
import { MAX_TIME, decodeScenario } from './scenario-file.js';
import { PROTOCOLS, WORKLOADS } from './run-choices.js';
import { readActions } from './link-actions.js';

/** Each number setting: the whole numbers it takes, `[min, max]`, and their description. */
const SETTINGS = {
  seed: [0, Number.MAX_SAFE_INTEGER, 'a whole number from 0'],
  pattern: [0, Number.MAX_SAFE_INTEGER, 'a whole number from 0'],
  interval: [1, Number.MAX_SAFE_INTEGER, 'a whole number from 1'],
  nodes: [100, 100_000, 'a whole number from 100 to 100 000'],
};

/** Each choice setting: its choices by key. */
const CHOICES = { protocol: PROTOCOLS, workload: WORKLOADS };

/** At most `max` characters of `text`, for a notice (shown as text, never as markup). */
export const clip = (text, max = 40) => (text.length > max ? `${text.slice(0, max)}…` : text);

/**
 * The scenario the link's `file` parameter (`text`, or null for none) carries, read only when the
 * link asks for scenario `asked` FILE_KEY; undefined, with a description in `ignored`, for a
 * missing, broken or refused one.
 */
function readFile(text, asked, ignored) {
  if (asked !== FILE_KEY) {
    if (text !== null) ignored.push(`file (read only with scenario=${FILE_KEY})`);
    return undefined;
  }
  if (text === null) {
    ignored.push('file (missing: a scenario too big for a link is left out of it)');
    return undefined;
  }
  const { scenario, problem } = decodeScenario(text);
  if (problem !== undefined) ignored.push(`file (${clip(problem, 160)})`);
  return scenario;
}

/**
 * What the link asks for, from its query `search` and its fragment `hash` (which carries a loaded
 * scenario as `file`: a fragment never reaches the server, whose limit on a URL's length may be
 * 8 KiB): the scenario `key` (a bundled one, FILE_KEY with the `file` scenario it carries, else
 * mesh-network), the input `values` (`seed`, `nodes`, `pattern`, `interval`, `protocol`,
 * `workload`: strings, or null where it names none or one that breaks its rule), the recorded
 * `actions`, the `time` to run to
 * (undefined for none), and `ignored`: a short description of each part left out.
 */
export function readLink(search, hash) {
  const params = new URLSearchParams(search);
  const ignored = [];
  const asked = params.get('scenario');
  const known = asked !== null && Object.hasOwn(SCENARIOS, asked);
  const file = readFile(new URLSearchParams(hash.slice(1)).get('file'), asked, ignored);
  if (asked !== null && !known && asked !== FILE_KEY) ignored.push(`scenario "${clip(asked)}" (not a bundled scenario)`);
  const values = {};
  for (const [name, [min, max, rule]] of Object.entries(SETTINGS)) {
    const text = params.get(name);
    const fine = text === null || (/^\d{1,16}$/.test(text) && Number(text) >= min && Number(text) <= max);
    if (!fine) ignored.push(`${name} "${clip(text)}" (must be ${rule})`);
    values[name] = fine ? text : null;
  }
  for (const [name, choices] of Object.entries(CHOICES)) {
    const text = params.get(name);
    const fine = text === null || Object.hasOwn(choices, text);
    if (!fine) ignored.push(`${name} "${clip(text)}" (must be one of ${Object.keys(choices).join(', ')})`);
    values[name] = fine ? text : null;
  }
  const actions = readActions(params.get('actions'), ignored);
  let time;
  if (params.has('t')) {
    const t = Number(params.get('t'));
    if (params.get('t') !== '' && Number.isFinite(t) && t >= 0 && t <= MAX_TIME) time = t;
    else ignored.push(`t "${clip(params.get('t'))}" (must be a time in ms from 0 to 1e9)`);
  }
  const key = file !== undefined ? FILE_KEY : known ? asked : 'mesh-network';
  return { key, file, values, actions, time, ignored };
}
