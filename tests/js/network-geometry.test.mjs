// What a click on the network view hits (www/network-geometry.js), on a 400x400 canvas at a pixel
// ratio of 1: two nodes 152 px apart on a line, and one message in flight between them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NODE_STATE_RECORD, NODE_STATUSES, TRANSFER_RECORD } from 'data-mesh';
import { hitTest } from '../../www/network-geometry.js';

const CANVAS = { width: 400, height: 400 };

/** A view of nodes at layout `positions` (`[x, y]` each) with `statuses`, one copy of message 7 from slot 0 to 1 `progress` of the way, and `selected`. */
function view(positions, statuses, progress, selected = -1) {
  const states = new Float64Array(statuses.length * NODE_STATE_RECORD.length);
  statuses.forEach((status, slot) => (states[slot * NODE_STATE_RECORD.length + NODE_STATE_RECORD.status] = NODE_STATUSES.indexOf(status)));
  const transfers = new Float64Array(TRANSFER_RECORD.length);
  Object.assign(transfers, { [TRANSFER_RECORD.from]: 0, [TRANSFER_RECORD.to]: 1, [TRANSFER_RECORD.progress]: progress, [TRANSFER_RECORD.messageId]: 7 });
  return { positions: Float64Array.from(positions.flat()), states, transfers, selected };
}

// Node 0 is drawn at (124, 200), node 1 at (276, 200): the margin is 48 px.
const LINE = [[0.25, 0.5], [0.75, 0.5]];
const COPY = { copy: { messageId: 7, from: 0, to: 1 } };

test('a removed node, which is not drawn, does not hide the message under it', () => {
  const middle = view([...LINE, [0.5, 0.5]], ['online', 'online', 'removed'], 0.5);
  assert.deepEqual(hitTest(CANVAS, middle, 200, 200), COPY);
  const online = view([...LINE, [0.5, 0.5]], ['online', 'online', 'online'], 0.5);
  assert.deepEqual(hitTest(CANVAS, online, 200, 200), { slot: 2 }, 'a node drawn there is hit');
});

test("a click on the selected node's larger ring hits the node, not a message beside it", () => {
  // The message's dot is 10 px from node 0; the click is 9.5 px from node 0, 0.5 px from the dot.
  const progress = 10 / 152;
  assert.deepEqual(hitTest(CANVAS, view(LINE, ['online', 'online'], progress), 133.5, 200), COPY, 'beyond a plain node (8 px): the message');
  assert.deepEqual(hitTest(CANVAS, view(LINE, ['online', 'online'], progress, 0), 133.5, 200), { slot: 0 }, 'within the selected one (11 px): the node');
});
