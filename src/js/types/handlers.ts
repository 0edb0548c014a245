/** The handlers the `on*` methods take, and how a delivery reached a node. */
import type { Delivery, Message } from './messages.js';

/** A handler registered with `onBroadcast`, `onError`, `onSync` or `onAnomaly`. */
export type Handler<A> = (arg: A) => void;


/**
 * A handler registered with `onMessage`: the accepted message, and how the network delivered it
 * (`delivery` is absent for a message handed to `receive`).
 */
export type MessageHandler<T> = (message: Message<T>, delivery?: Delivery) => void;

/** Returned by every `on*` method: call it to remove the handler. */
export type Unsubscribe = () => void;

/** A timer's callback (`MeshNode.setTimer`, `MeshNetwork.at`); it runs at the timer's virtual time. */
export type TimerCallback = () => void;

/** Returned by `setTimer` and `at`: call it to cancel the timer; true when it was still pending. */
export type CancelTimer = () => boolean;
