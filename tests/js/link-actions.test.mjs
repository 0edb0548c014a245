// Reading a shared link's fault-lab actions (www/link-actions.js) as untrusted input: well-formed
// ones kept in time order, drops checked for their message id, the rest named.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readActions } from '../../www/link-actions.js';

/** What `readActions` makes of the actions `list` (JSON text when a string): `{ kept, ignored }`. */
function read(list) {
  const ignored = [];
  const kept = readActions(typeof list === 'string' ? list : JSON.stringify(list), ignored);
  return { kept, ignored };
}

test('well-formed drops are kept beside the other actions, in time order', () => {
  const actions = [[80, 'drop', null, 7], [60, 'drop', 'gateway-001', 1], [70, 'crash', 'sensor-002', null]];
  assert.deepEqual(read(actions), {
    kept: [[60, 'drop', 'gateway-001', 1], [70, 'crash', 'sensor-002', null], [80, 'drop', null, 7]],
    ignored: [],
  });
});

test('a drop without a whole message id from 1 is left out and counted', () => {
  const broken = [
    [1, 'drop', null, 0],
    [1, 'drop', null, -3],
    [1, 'drop', null, 2.5],
    [1, 'drop', null, '4'],
    [1, 'drop', null, null],
    [1, 'drop', null, 2 ** 53],
  ];
  const { kept, ignored } = read([...broken, [2, 'drop', 'n1', 4]]);
  assert.deepEqual(kept, [[2, 'drop', 'n1', 4]]);
  assert.deepEqual(ignored, ['6 drop actions (not [time, "drop", receiver id or null, message id from 1])']);
});

test("a drop's receiver is kept as given, as every action's node id: it is only shown as text and looked up by the package", () => {
  const odd = [[1, 'drop', '<img src=x onerror=alert(1)>', 4], [1, 'drop', '__proto__', 4], [1, 'crash', 'constructor', null]];
  assert.deepEqual(read(odd), { kept: odd, ignored: [] });
});

test('a drop with a prototype key for its message id, or at a broken time, is left out', () => {
  const { kept, ignored } = read('[[1, "drop", null, {"__proto__": {"polluted": 1}}], [-1, "drop", null, 4], ["NaN", "drop", null, 4], [null, "drop", null, 4], [1e300, "drop", null, 4], [1, "drop", null]]');
  assert.deepEqual(kept, []);
  assert.deepEqual(ignored, ['5 of 6 actions (not [time, action, nodeId, argument], or too many)', '1 drop action (not [time, "drop", receiver id or null, message id from 1])']);
  assert.equal({}.polluted, undefined);
});

test('actions that are not JSON, or not a list, are all left out', () => {
  assert.deepEqual(read('[[NaN, "drop", null, 1]]'), { kept: [], ignored: ['actions (not JSON)'] });
  assert.deepEqual(read({ drop: 1 }), { kept: [], ignored: ['actions (not a list)'] });
  assert.deepEqual(readActions(null, []), []);
});
