/** MeshNetwork: creates nodes, routes their broadcasts, and is watched by observers. */
import { NetworkState } from './network-state.js';
import { addNode, nodeHandle, type MeshNode } from './mesh-node.js';
import { str } from './checks.js';
import type { NodeConfig } from './types.js';

/**
 * A network of nodes. With no options a broadcast reaches every other live node at once, in
 * creation order. `T` is the payload type of its messages.
 */
export class MeshNetwork<T = unknown> {
  readonly #state = new NetworkState<T>('MeshNetwork');

  /** Creates a node at step 0. Throws if the config is invalid or the id is taken. */
  createNode(config: NodeConfig): MeshNode<T> {
    const record = addNode(this.#state, config);
    record.node = nodeHandle(this.#state, record);
    return record.node;
  }

  /** The live node with this id, or `undefined`. */
  getNode(nodeId: string): MeshNode<T> | undefined {
    const slot = this.#state.use().findNode(str('nodeId', nodeId));
    return slot === undefined ? undefined : this.#state.records[slot].node;
  }

  /**
   * Removes the node with this id: its handlers never run again and its handle throws
   * `ERR_NODE_REMOVED`. Returns whether a node was removed (an unknown id is not an error).
   */
  removeNode(nodeId: string): boolean {
    const rawNetwork = this.#state.use();
    const slot = rawNetwork.findNode(str('nodeId', nodeId));
    if (slot === undefined) return false;
    rawNetwork.removeNode(slot);
    this.#state.removeRecord(this.#state.records[slot]);
    return true;
  }

  /** The live nodes, in creation order. */
  getNodes(): MeshNode<T>[] {
    this.#state.use();
    return this.#state.liveNodes();
  }

  /** How many nodes are live. */
  get size(): number {
    return this.#state.use().nodeCount();
  }

  /** Bytes of wasm heap the network's core state holds: node states, ids and their lookup table. */
  get memoryBytes(): number {
    return this.#state.use().heapBytes();
  }

  /** @internal The shared state, for observers that watch this network. */
  _state(): NetworkState<T> {
    return this.#state;
  }

  /** Releases the network's wasm memory; it and all its nodes throw `ERR_OBJECT_FREED` afterwards. */
  free(): void {
    this.#state.free();
  }
}
