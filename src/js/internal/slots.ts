/** Node ids given to a network's methods, as the slots its raw network uses. */
import { str } from './checks.js';
import type { NetworkState } from './network-state.js';
import { raw } from './raw.js';

/** The slot of the live node `nodeId`; throws `ERR_UNKNOWN_NODE` (or a type error) naming `field`. */
export function slotOf<T, H>(state: NetworkState<T, H>, field: string, nodeId: unknown): number {
  return state.use().slotOf(field, str(field, nodeId));
}

/** The slots of the node ids in `nodeIds` (an array), each error naming `field[i]`. */
export function slotsOf<T, H>(state: NetworkState<T, H>, field: string, nodeIds: unknown): Uint32Array {
  if (!Array.isArray(nodeIds)) throw raw().invalidTypeError(field, 'an array of node ids', nodeIds);
  return Uint32Array.from(nodeIds, (id, i) => slotOf(state, `${field}[${i}]`, id));
}

/** The slots of the live nodes not in `slots`, in creation order (read from the records: no lookup in wasm). */
export function otherSlots<T, H>(state: NetworkState<T, H>, slots: Uint32Array): Uint32Array {
  const taken = new Set(slots);
  return Uint32Array.from(state.holdLive().filter((record) => !taken.has(record.slot)), (record) => record.slot);
}

/** The slots of `edges`, an array of `[nodeId, nodeId]` pairs: edge `i` links `from[i]` and `to[i]`. */
export function edgeSlots<T, H>(state: NetworkState<T, H>, edges: unknown): [from: Uint32Array, to: Uint32Array] {
  if (!Array.isArray(edges)) throw raw().invalidTypeError('edges', 'an array of [nodeId, nodeId] pairs', edges);
  const from = new Uint32Array(edges.length);
  const to = new Uint32Array(edges.length);
  edges.forEach((edge: unknown, i) => {
    if (!Array.isArray(edge) || edge.length !== 2) throw raw().invalidTypeError(`edges[${i}]`, 'a [nodeId, nodeId] pair', edge);
    const [a, b]: unknown[] = edge;
    from[i] = slotOf(state, `edges[${i}]`, a);
    to[i] = slotOf(state, `edges[${i}]`, b);
  });
  return [from, to];
}
