/** Everything the facade keeps for one node: its handle and its handlers. */
import { Listeners, callAll, enqueue, type ThrowSink } from './dispatcher.js';
import type { Delivery, Message, NodeError } from '../types.js';

/** What the protocol a node runs hears of the node's life besides its messages. */
export interface NodeLifecycle {
  /** The node's first run begins. */
  start(): void;
  /** The node crashed. */
  crashed(): void;
  /** The node restarted; its protocol keeps its state when `keepsState`. */
  restarted(keepsState: boolean): void;
  /** The broadcast workload handed the node `value`. */
  offered(value: number): void;
}

/** One node's record; `H` is the type of its public handle. */
export class NodeRecord<T, H = unknown> implements ThrowSink {
  /** False once the node is removed: its handlers never run again. */
  alive = true;
  /** `onMessage` handlers. */
  readonly message = new Listeners<Message<T>, Delivery | undefined>();
  /** `onBroadcast` handlers. */
  readonly broadcast = new Listeners<Message<T>>();
  /** `onError` handlers. */
  readonly error = new Listeners<NodeError<T>>();
  /** `onSync` handlers. */
  readonly sync = new Listeners<number>();
  /** The node's public handle (set once it is made). */
  handle: H | undefined = undefined;
  /** The protocol the node runs, if any. */
  lifecycle: NodeLifecycle | undefined = undefined;
  #direct: Delivery | undefined;

  constructor(
    /** The node's slot in the raw network. */
    readonly slot: number,
    /** The node's id. */
    readonly nodeId: string,
  ) {}

  /** Calls this node's handlers in `list` with `arg` (and `info`); what they throw goes to its `onError`. */
  emit<A, B>(list: Listeners<A, B | undefined>, arg: A, info?: B): void {
    if (this.alive) callAll(list.list, arg, this, info);
  }

  /** Queues a handler's exception for this node's `onError`. */
  handlerThrew(error: unknown): void {
    enqueue(() => this.emitError({ type: 'handler-error', nodeId: this.nodeId, error }));
  }

  /** Calls this node's `onError` handlers; what they throw is reported, never re-routed. */
  emitError(error: NodeError<T>): void {
    if (error.type === 'handler-error' && (!this.alive || this.error.list.length === 0)) {
      console.error(`data-mesh: a handler of node "${this.nodeId}" threw:`, error.error);
    }
    if (this.alive) callAll(this.error.list, error);
  }

  /** How an instant broadcast of this node reaches everyone: straight from it, one hop (made once and shared by all its messages, so frozen). */
  direct(): Delivery {
    return (this.#direct ??= Object.freeze({ from: this.nodeId, hops: 1 }));
  }

  /** Whether a handler would hear of a message this node receives. */
  listens(): boolean {
    return this.message.list.length > 0 || this.error.list.length > 0;
  }
}
