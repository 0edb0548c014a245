/** Which NetworkState belongs to which public MeshNetwork, for the classes that take one as an argument. */
import { raw } from './raw.js';
import type { NetworkState } from './network-state.js';

const states = new WeakMap<object, NetworkState<never, never>>();

/** Records that `network` is backed by `state`. */
export function registerNetwork<T, H>(network: object, state: NetworkState<T, H>): void {
  states.set(network, state as unknown as NetworkState<never, never>);
}

/** The state behind `network`; throws `ERR_INVALID_TYPE` naming `field` for anything that is not a MeshNetwork. */
export function networkState<T, H>(field: string, network: unknown): NetworkState<T, H> {
  const state = typeof network === 'object' && network !== null ? states.get(network) : undefined;
  if (state === undefined) throw raw().invalidTypeError(field, 'a MeshNetwork', network);
  return state as unknown as NetworkState<T, H>;
}
