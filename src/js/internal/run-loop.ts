/** Running a network: its report's handlers, then its timers' callbacks, until the run ends. */
import { DRAIN_HEAD } from '../generated/reports.js';
import { NONE } from '../generated/codes.js';
import { dispatchEvents } from './drain.js';
import type { NetworkState } from './network-state.js';
import type { RawNetwork } from './raw.js';

/**
 * Runs `start` (a run of the raw network, returning its first report's length) after the
 * protocols not started yet started, then finishes the run. Each time the engine stops (timers
 * fired, or a node that runs a protocol got messages), the handlers of what happened until then
 * run (a protocol's `onMessage` among them), then the timers' callbacks (at their virtual time:
 * what they send leaves then), then the bulk protocol's handlers of its batch (what they ask is
 * done as the run goes on), and the run goes on to where it was headed. A callback may call
 * any API, free the network included. Returns false when the run had nothing to do (`step` with
 * nothing due: a `length` of 0).
 */
export function finishRun<T, H>(state: NetworkState<T, H>, start: (rawNetwork: RawNetwork) => number): boolean {
  state.startProtocols();
  state.timers.mayHaveCrashed();
  let length = start(state.use());
  const ran = length > 0;
  while (length > 0) {
    const report = state.report(length);
    const pausedUntil = report[DRAIN_HEAD.pausedUntil];
    const bulk = state.bulk !== undefined && state.bulk.take(report, length, state.use().now()) ? state.bulk : undefined;
    const fired = dispatchEvents(state, length);
    if (pausedUntil === NONE) break;
    if (fired !== undefined) state.timers.fire(fired);
    if (state.freed) break;
    state.startProtocols(); // nodes a callback created start before the run goes on
    length = bulk !== undefined ? bulk.resume(pausedUntil) : state.use().resumeUntil(pausedUntil);
  }
  return ran;
}
