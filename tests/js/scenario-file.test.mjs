// A scenario of the user's own (www/scenario-file.js): reading a file's text as untrusted input,
// and carrying the scenario in a link as base64url.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_FILE_BYTES, MAX_LINK_CHARS, decodeScenario, encodeScenario, readScenario, sizeProblem } from '../../www/scenario-file.js';

const scenario = {
  version: 1,
  name: 'Zürich ✓',
  nodes: [{ nodeId: 'a' }, { nodeId: 'b' }],
  events: [{ at: 10, broadcast: 'a', data: { text: 'grüße' } }],
  duration: 100,
};

test('an accepted scenario is read as it is, and a link carries it back unchanged', () => {
  assert.deepEqual(readScenario(JSON.stringify(scenario, null, 2)), { scenario });
  const link = encodeScenario(scenario);
  assert.match(link, /^[A-Za-z0-9_-]+$/);
  assert.deepEqual(decodeScenario(link), { scenario });
});

test('a refused scenario names the field and the rule', () => {
  const problem = (doc) => readScenario(typeof doc === 'string' ? doc : JSON.stringify(doc)).problem;
  assert.match(problem('{"version": 1,'), /^not JSON/);
  assert.equal(problem('[1, 2]'), 'scenario: must be a JSON object');
  assert.equal(problem('null'), 'scenario: must be a JSON object');
  assert.match(problem({ ...scenario, events: [{ at: 'soon', broadcast: 'a' }] }), /^ERR_INVALID_TYPE: events\[0\]\.at must be a number/);
  assert.match(problem({ ...scenario, events: [{ at: 1, crash: 'nobody' }] }), /^ERR_UNKNOWN_NODE: events\[0\]\.crash/);
  assert.equal(problem('{"version": 1, "nodes": [], "drift": {"__proto__": 1}}'), 'drift.__proto__: a prototype key is not allowed');
  assert.equal(problem({ ...scenario, events: [{ at: 1, broadcast: 'a', data: [{ constructor: 1 }] }] }), 'events[0].data[0].constructor: a prototype key is not allowed');
  assert.equal(problem({ version: 1, nodes: [{ nodeId: 'a' }, { nodeId: '<img src=x onerror=alert(1)>' }] }), 'nodes[1].nodeId: markup (< or >) is not allowed in a node id here');
  assert.equal(problem({ version: 1, nodes: { count: 2, prefix: '<b>' } }), 'nodes.prefix: markup (< or >) is not allowed in a node id here');
  assert.equal(problem({ version: 1, nodes: { count: 100_001 } }), 'nodes.count: this page plays at most 100000 nodes');
  assert.equal(problem({ ...scenario, duration: 1e9 + 1 }), 'duration: this page plays at most 1000000000 ms');
  assert.equal(readScenario(JSON.stringify({ ...scenario, duration: 1e9 })).problem, undefined, 'the longest a link may run to is allowed');
});

test('size caps: a file over 1 MiB is refused unread, a scenario over 64 KiB encoded is left out of links', () => {
  assert.equal(sizeProblem(MAX_FILE_BYTES), undefined);
  assert.equal(sizeProblem(MAX_FILE_BYTES + 1), '1025 KiB, more than the 1024 KiB a scenario may have');
  assert.match(readScenario(' '.repeat(MAX_FILE_BYTES + 1)).problem, /^1025 KiB/);
  const big = { ...scenario, description: 'x'.repeat(MAX_LINK_CHARS) };
  assert.equal(readScenario(JSON.stringify(big)).scenario.description.length, MAX_LINK_CHARS);
  assert.equal(encodeScenario(big), undefined);
});

test('a broken or hostile link parameter is refused with its reason', () => {
  assert.deepEqual(decodeScenario('not base64!'), { problem: 'not base64url' });
  assert.deepEqual(decodeScenario('abcde'), { problem: 'not base64url' });
  assert.deepEqual(decodeScenario('A'.repeat(MAX_LINK_CHARS + 4)), { problem: `longer than ${MAX_LINK_CHARS} characters` });
  assert.deepEqual(decodeScenario('_w'), { problem: 'not UTF-8 text' });
  assert.match(decodeScenario(Buffer.from('{"version": 1').toString('base64url')).problem, /^not JSON/);
  assert.match(decodeScenario(Buffer.from('{"version": 2, "nodes": []}').toString('base64url')).problem, /^ERR_INVALID_SCENARIO: version/);
});
