/**
 * Running a network in a Web Worker (or a Node worker thread): `serveNetworks` answers requests
 * inside the worker, `MeshWorker` sends them from the page and receives snapshots for drawing.
 */
import { MeshNetwork } from './mesh-network.js';
import type { MeshNode } from './mesh-node.js';
import { raw } from './internal/raw.js';
import { networkState } from './internal/registry.js';
import { listen, plainError, serveInOrder, type PlainError } from './internal/endpoint.js';
import type { MessageEndpoint, NetworkOptions, NodeConfig, SimulationStats } from './types.js';

/** What the page can ask the worker to do with its network. */
export type WorkerRequest =
  | { type: 'create'; options?: NetworkOptions; scenario?: string | object }
  | { type: 'createNode'; config: NodeConfig }
  | { type: 'broadcast'; nodeId: string; data: unknown }
  | { type: 'run'; ticks: number }
  | { type: 'runUntil'; time: number }
  | { type: 'call'; method: WorkerMethod; args: unknown[] };

/** The `MeshNetwork` methods a worker runs on request through `MeshWorker.call`. */
export type WorkerMethod =
  | 'setTopology'
  | 'setEdges'
  | 'connect'
  | 'disconnect'
  | 'setLink'
  | 'setLinks'
  | 'partition'
  | 'heal'
  | 'crash'
  | 'restart'
  | 'pause'
  | 'resume'
  | 'setByzantine'
  | 'setDrift'
  | 'traceHash'
  | 'exportTrace';

/** The state of a worker's network after a request, for drawing. */
export interface NetworkSnapshot {
  /** Virtual time in ms. */
  now: number;
  /** Node ids by slot (creation order, removed nodes included). */
  nodeIds: string[];
  /** One `NODE_STATE_RECORD` per slot (see `MeshNetwork.nodeStates`). */
  nodeStates: Float64Array;
  /** One `TRANSFER_RECORD` per transfer in flight (see `MeshNetwork.transfers`). */
  transfers: Float64Array;
  /** Running totals. */
  stats: SimulationStats;
  /** The trace hash so far. */
  traceHash: string;
}

/** A worker's answer: a snapshot and the request's own result, or the error it threw. */
interface WorkerResponse {
  id: number;
  snapshot?: NetworkSnapshot;
  result?: unknown;
  error?: PlainError;
}

/**
 * Serves one network inside a worker: call `serveNetworks(self, init())` (browser) or
 * `serveNetworks(parentPort)` (Node). Requests that arrive before `ready` resolves wait for it,
 * and all are answered in order, each with a snapshot; node state and transfers travel as
 * transferred typed arrays, not copies.
 */
export function serveNetworks(endpoint: MessageEndpoint, ready: Promise<unknown> = Promise.resolve()): void {
  let network: MeshNetwork | undefined;
  serveInOrder(endpoint, ready, (data) => {
    const { id, request } = data as { id: number; request: WorkerRequest };
    const response: WorkerResponse = { id };
    try {
      if (request.type === 'create') {
        // Built before the old network is freed: a create that throws leaves the old one serving.
        const created = request.scenario === undefined ? new MeshNetwork(request.options) : MeshNetwork.fromScenario(request.scenario);
        network?.free();
        network = created;
      } else if (network === undefined) {
        throw new Error('send a create request first');
      } else {
        response.result = handle(network, request);
      }
      response.snapshot = snapshot(network);
    } catch (error) {
      response.error = plainError(error);
    }
    const transfer = response.snapshot ? [response.snapshot.nodeStates.buffer, response.snapshot.transfers.buffer] : [];
    endpoint.postMessage(response, transfer as Transferable[]);
  });
}

/** Runs one request on `network`; returns its result. */
function handle(network: MeshNetwork, request: Exclude<WorkerRequest, { type: 'create' }>): unknown {
  switch (request.type) {
    case 'createNode':
      return network.createNode(request.config).nodeId;
    case 'broadcast':
      return liveNode(network, request.nodeId).broadcast(request.data);
    case 'run':
      return network.run(request.ticks);
    case 'runUntil':
      return network.runUntil(request.time);
    case 'call':
      return (network[request.method] as (...args: unknown[]) => unknown).apply(network, request.args);
  }
}

/** The live node `nodeId` of `network`; throws `ERR_UNKNOWN_NODE` naming `nodeId` when it has none. */
function liveNode(network: MeshNetwork, nodeId: string): MeshNode<unknown> {
  const node = network.getNode(nodeId);
  if (node === undefined) throw raw().unknownNodeError('nodeId', nodeId);
  return node;
}

function snapshot(network: MeshNetwork): NetworkSnapshot {
  const nodeStates = network.nodeStates();
  const nodeIds = networkState('network', network).records.map((record) => record.nodeId);
  return { now: network.now, nodeIds, nodeStates, transfers: network.transfers(), stats: network.getSimulationStats(), traceHash: network.traceHash() };
}

/**
 * The page's side of a network served in a worker: every method posts a request and resolves
 * with the network's snapshot after it (or rejects with the error the worker threw, keeping its
 * `code` and `field`).
 */
export class MeshWorker {
  readonly #endpoint: MessageEndpoint;
  readonly #pending = new Map<number, { resolve: (r: WorkerResponse) => void }>();
  #nextId = 1;

  /** Talks to a worker that runs `serveNetworks` (such as `data-mesh/worker`). */
  constructor(endpoint: MessageEndpoint) {
    this.#endpoint = endpoint;
    listen(endpoint, (data) => {
      const response = data as WorkerResponse;
      this.#pending.get(response.id)?.resolve(response);
      this.#pending.delete(response.id);
    });
  }

  #send(request: WorkerRequest): Promise<WorkerResponse> {
    const id = this.#nextId++;
    return new Promise<WorkerResponse>((resolve) => {
      this.#pending.set(id, { resolve });
      this.#endpoint.postMessage({ id, request });
    }).then((response) => {
      if (response.error === undefined) return response;
      const error = new Error(response.error.message) as Error & { code?: string; field?: string };
      error.name = response.error.name;
      error.code = response.error.code;
      error.field = response.error.field;
      throw error;
    });
  }

  async #snapshot(request: WorkerRequest): Promise<NetworkSnapshot> {
    return (await this.#send(request)).snapshot as NetworkSnapshot;
  }

  /** Creates the worker's network from options or a scenario, replacing any earlier one (which stays if this throws). */
  create(setup: { options?: NetworkOptions; scenario?: string | object } = {}): Promise<NetworkSnapshot> {
    return this.#snapshot({ type: 'create', ...setup });
  }

  /** Adds a node. */
  createNode(config: NodeConfig): Promise<NetworkSnapshot> {
    return this.#snapshot({ type: 'createNode', config });
  }

  /** Broadcasts `data` (structured-cloned into the worker) from a node. */
  broadcast(nodeId: string, data: unknown): Promise<NetworkSnapshot> {
    return this.#snapshot({ type: 'broadcast', nodeId, data });
  }

  /** Runs `ticks` ticks. */
  run(ticks = 1): Promise<NetworkSnapshot> {
    return this.#snapshot({ type: 'run', ticks });
  }

  /** Runs until `time` ms. */
  runUntil(time: number): Promise<NetworkSnapshot> {
    return this.#snapshot({ type: 'runUntil', time });
  }

  /** Calls another `MeshNetwork` method in the worker; resolves with its result. */
  async call(method: WorkerMethod, ...args: unknown[]): Promise<unknown> {
    return (await this.#send({ type: 'call', method, args })).result;
  }
}
