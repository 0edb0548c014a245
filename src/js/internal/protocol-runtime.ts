/** Running a protocol written in TypeScript on one node: its state, context and hooks. */
import { flush } from './dispatcher.js';
import { hook, num, object } from './checks.js';
import type { NeighbourCache } from './neighbours.js';
import type { RawNetwork } from './raw.js';
import { SeededRandom } from './seeded-random.js';
import type { NodeLifecycle, NodeRecord } from './node-record.js';
import type { CancelTimer, Message, Protocol, ProtocolContext, TimerCallback } from '../types.js';

/** What a protocol's node does, as its public handle offers it. */
export interface ProtocolNode<T> {
  /** The node's id. */
  readonly nodeId: string;
  /** Its step. */
  readonly globalStep: number;
  /** Its pattern value. */
  readonly patternValue: number;
  /** Sends to one node. */
  send(toNodeId: string, data: T): Message<T>;
  /** Sends to every neighbour. */
  broadcast(data: T): Message<T>;
  /** Sets a node timer. */
  setTimer(delayMs: number, callback: TimerCallback): CancelTimer;
}

/** What a protocol's node needs of its network (the network's state; named here to keep imports one way). */
export interface ProtocolNetwork {
  /** The raw network (throws once freed). */
  use(): RawNetwork;
  /** The neighbours of nodes, kept while the wiring stays the same. */
  readonly neighbours: NeighbourCache<{ readonly nodeId: string }>;
}

/** A protocol's hooks, read once (a getter is never read again), each called with the protocol as `this`. */
type Hooks<T> = Required<Pick<Protocol<T>, 'onMessage'>> & Omit<Protocol<T>, 'onMessage' | 'name'>;

/** A protocol given by the user, with its hooks read and checked. */
export type CheckedProtocol<T> = readonly [protocol: object, hooks: Hooks<T>];

/**
 * `value`, a protocol given as `field`, with its hooks (see `protocolHooks`), or undefined when
 * no protocol was given (`value` undefined).
 */
export function checkedProtocol<T>(field: string, value: unknown): CheckedProtocol<T> | undefined {
  return value === undefined ? undefined : [value as object, protocolHooks<T>(field, value)];
}

/** The optional hooks, in the order they are checked. */
const OPTIONAL = ['init', 'onStart', 'onValue', 'onSync', 'onCrash', 'onRestart'] as const;

/**
 * The hooks of `value`, a protocol given as `field`: an object whose `onMessage` is a function and
 * whose other hooks are functions when present. Throws `ERR_INVALID_TYPE` naming `field` or
 * `field.hook`, also when reading one throws.
 */
function protocolHooks<T>(field: string, value: unknown): Hooks<T> {
  const protocol = object(field, value);
  const hooks = { onMessage: hook(field, protocol, 'onMessage', true) } as Record<string, unknown>;
  for (const name of OPTIONAL) hooks[name] = hook(field, protocol, name, false);
  return hooks as unknown as Hooks<T>;
}

/** One node's protocol: its state, its context (this object), and the hooks it calls. */
export class ProtocolRuntime<T, H> implements ProtocolContext<T>, NodeLifecycle {
  /** The node's protocol state. */
  state: unknown = undefined;
  #random: SeededRandom | undefined;

  constructor(
    readonly protocol: object,
    readonly hooks: Hooks<T>,
    readonly network: ProtocolNetwork,
    readonly record: NodeRecord<T, H>,
    readonly node: ProtocolNode<T>,
  ) {}

  /** Makes the node's state and listens to its messages and syncs. */
  attach(): void {
    this.network.use().setHosted(this.record.slot);
    this.#init();
    this.record.message.add((message, delivery) => this.hooks.onMessage.call(this.protocol, this.state, this, message, delivery));
    const onSync = this.hooks.onSync;
    if (onSync !== undefined) this.record.sync.add((step) => onSync.call(this.protocol, this.state, this, step));
  }

  /** Runs `onStart` (the node's first run). */
  start(): void {
    this.#call(this.hooks.onStart);
  }

  /** Runs `onCrash`. */
  crashed(): void {
    this.#call(this.hooks.onCrash);
  }

  /** Runs `onRestart`, with a state made anew unless `keepsState`. */
  restarted(keepsState: boolean): void {
    if (!this.record.alive) return;
    if (!keepsState) this.#init();
    this.#call(this.hooks.onRestart);
  }

  /** Runs `onValue` with the value the broadcast workload handed the node. */
  offered(value: number): void {
    const onValue = this.hooks.onValue;
    this.#call(onValue && ((state, ctx) => onValue.call(this.protocol, state, ctx, value)));
  }

  get nodeId(): string {
    return this.record.nodeId;
  }

  get now(): number {
    return this.network.use().now();
  }

  get globalStep(): number {
    return this.node.globalStep;
  }

  get patternValue(): number {
    return this.node.patternValue;
  }

  neighbours(): string[] {
    return this.network.neighbours.ids(this.network.use(), this.record.slot);
  }

  send(toNodeId: string, data: T): Message<T> {
    return this.node.send(toNodeId, data);
  }

  broadcast(data: T): Message<T> {
    return this.node.broadcast(data);
  }

  setTimer(delayMs: number, callback: TimerCallback): CancelTimer {
    return this.node.setTimer(delayMs, callback);
  }

  learn(value: number): boolean {
    return this.network.use().learnValue(this.record.slot, num('value', value));
  }

  random(): number {
    this.#random ??= new SeededRandom(this.network.use().protocolSeed(this.record.slot));
    return this.#random.next();
  }

  /** Makes the state with `init` (undefined without it, or when it throws). */
  #init(): void {
    this.state = undefined;
    const init = this.hooks.init;
    if (init === undefined) return;
    try {
      this.state = init.call(this.protocol, this);
    } catch (error) {
      this.record.handlerThrew(error);
      flush();
    }
  }

  /** Calls `hook` (if any) with the state and this context; what it throws goes to `onError`. */
  #call(hook: ((state: unknown, ctx: ProtocolContext<T>) => void) | undefined): void {
    if (hook === undefined || !this.record.alive) return;
    try {
      hook.call(this.protocol, this.state, this);
    } catch (error) {
      this.record.handlerThrew(error);
    }
    flush();
  }
}
