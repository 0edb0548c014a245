// Reading the fault-lab actions a shared link carries (its `actions` parameter, untrusted): each
// must be `[time, action, nodeId, argument]` as the fault lab records it, a drop also naming a
// message id; what is left out is counted in a short notice. Node ids are only ever shown as text
// and looked up by the package, which refuses one the run does not have.
import { MAX_TIME } from './scenario-file.js';

/** The fault-lab actions a link may replay. */
const ACTIONS = new Set(['crash', 'restart', 'pause', 'resume', 'byzantine', 'partition', 'cut-one-way', 'heal', 'remove', 'topology', 'links', 'add', 'drop']);

/** The most actions a link may carry. */
const MAX_ACTIONS = 10_000;

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

/**
 * Whether `action` (an action by `isAction`) is a well-formed drop: `[time, 'drop', receiver,
 * messageId]`, the receiver null (every copy) or a node id, the message id a whole number from 1.
 */
function isDrop([, , , messageId]) {
  return Number.isSafeInteger(messageId) && messageId >= 1;
}

/** The recorded actions the link's `actions` text holds (null: none), in time order; what was left out goes into `ignored`. */
export function readActions(text, ignored) {
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
  const shaped = parsed.slice(0, MAX_ACTIONS).filter(isAction);
  const kept = shaped.filter((action) => action[1] !== 'drop' || isDrop(action));
  const misshapen = parsed.length - shaped.length;
  const badDrops = shaped.length - kept.length;
  if (misshapen > 0) ignored.push(`${misshapen} of ${parsed.length} actions (not [time, action, nodeId, argument], or too many)`);
  if (badDrops > 0) ignored.push(`${badDrops} drop ${badDrops === 1 ? 'action' : 'actions'} (not [time, "drop", receiver id or null, message id from 1])`);
  return kept.sort((a, b) => a[0] - b[0]);
}
