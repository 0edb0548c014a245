/** Node ids given to a network's methods, as the slots its raw network uses. */
import { items, str } from './checks.js';
import type { NetworkState } from './network-state.js';
import { raw } from './raw.js';

/** The slot of the live node `nodeId`; throws `ERR_UNKNOWN_NODE` (or a type error) naming `field`. */
export function slotOf<T, H>(state: NetworkState<T, H>, field: string, nodeId: unknown): number {
  return state.use().slotOf(field, str(field, nodeId));
}

/** The slots of the node ids in `nodeIds` (an array), each error naming `field[i]`. */
export function slotsOf<T, H>(state: NetworkState<T, H>, field: string, nodeIds: unknown): Uint32Array {
  return Uint32Array.from(items(field, nodeIds, 'an array of node ids'), (id, i) => slotOf(state, `${field}[${i}]`, id));
}

/** The slots of the live nodes not in `slots`, in creation order (read from the records: no lookup in wasm). */
export function otherSlots<T, H>(state: NetworkState<T, H>, slots: Uint32Array): Uint32Array {
  const taken = new Set(slots);
  return Uint32Array.from(state.holdLive().filter((record) => !taken.has(record.slot)), (record) => record.slot);
}

/** The slots of `edges`, an array of `[nodeId, nodeId]` pairs: edge `i` links `from[i]` and `to[i]`. */
export function edgeSlots<T, H>(state: NetworkState<T, H>, edges: unknown): [from: Uint32Array, to: Uint32Array] {
  const list = items('edges', edges, 'an array of [nodeId, nodeId] pairs');
  const from = new Uint32Array(list.length);
  const to = new Uint32Array(list.length);
  list.forEach((edge: unknown, i) => {
    const pair = items(`edges[${i}]`, edge, 'a [nodeId, nodeId] pair');
    if (pair.length !== 2) throw raw().invalidTypeError(`edges[${i}]`, 'a [nodeId, nodeId] pair', edge);
    const [a, b] = pair;
    from[i] = slotOf(state, `edges[${i}]`, a);
    to[i] = slotOf(state, `edges[${i}]`, b);
  });
  return [from, to];
}
