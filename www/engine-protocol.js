// The messages between the demo page's main thread and its engine worker (engine-worker.js).
//
// main -> worker: `{ id, type, ...fields }`; the worker answers each, in order, with one reply
// `{ id, frame?, result?, error? }`. The main thread keeps one request in flight (engine-client.js),
// so a slow engine lowers the simulation rate, never the drawing rate.
//
//   start { scenario, settings, actions, time }  a new run of `scenario` (as played: seed, pattern,
//       protocol and workload set, see scenarios.js) with `settings` (`{ seed, pattern, nodes,
//       protocol, workload }`), replaying the fault-lab `actions` (`[time, action, nodeId,
//       argument]`) as it runs to `time` ms. Refused: `error`, and the run that was there stays.
//   advance { to }     plays to `to` ms, no further than the scenario's duration.
//   step { by }        plays `by` ms further (Step: one tick), past the duration too.
//   travel { time }    the same run replayed from 0 to `time` ms (time travel): a new run.
//   perform { action, argument, receiver }  a fault-lab action now, recorded: crash, restart,
//       pause, resume, byzantine (argument: the behaviour or 'honest') and remove act on the
//       selected node (none: nothing happens); add creates a node with a free id; partition
//       without an argument cuts the first half of the live nodes off, cut-one-way cuts them off
//       one way (their messages to the rest); heal, topology and links act on the network; drop
//       drops the copies in flight of message `argument` to node id `receiver` (undefined: to
//       every receiver), recorded as `[time, 'drop', receiver, messageId]` when it found any.
//   select { slot }    selects the node in `slot` (-1: none) for the inspector.
//   export { kind }    `result`: the run so far as text, kind 'trace' (JSON lines) or 'stats' (CSV).
//   checker {}         `result`: the run's `workloadReport()`.
//
// worker -> main: every reply but export's and checker's carries a `frame`: the run as it is now.
//   fresh        true when the request made a new run (start, travel): the page starts its views over.
//   time, traceHash, stats (`getSimulationStats()`), anomalies (counts by kind), selected (slot),
//   inspected    the selected node `{ nodeId, status, globalStep, patternValue, stats }`, or null.
//   states       `nodeStates()`, transfers: `transfers()`, trace: `drainTrace()` since the last
//                frame (empty unless the run records its trace): Float64Arrays, moved, not copied.
//   ticks        the tick statistics since the last frame (`drainTickStats()` rows).
//   log          new log lines `[time, text, kind, nodeId]`, the newest last, at most MAX_LOG_LINES.
//   nodes        when the nodes changed (new run, add, remove, topology): `{ ids, links, positions,
//                labels }`: node ids by slot, links as slot pairs (Uint32Array, empty in pixel
//                mode), layout positions `x, y` in 0..1 by slot (Float64Array), ids to draw under
//                the nodes or null. Typed arrays moved.
//   byzantine    when it changed: `[slot, behaviour]` pairs.
//   actions      the recorded actions `[time, action, nodeId, argument]`; applied: how many of
//                them were applied.
//   ended        true when an advance reached the scenario's duration.
// `error` is `{ code, field, message }` (the package's typed error; code 'ERR_ENGINE' for others).

/** The most log lines the page keeps, and so the most a frame carries. */
export const MAX_LOG_LINES = 300;

/** `error` as a reply carries it: its code, field and message. */
export function errorReply(error) {
  return { code: error?.code ?? 'ERR_ENGINE', field: error?.field ?? null, message: String(error?.message ?? error) };
}

/** Above this many nodes the network is drawn as pixels: no links are read or drawn. */
export const PIXEL_MODE_NODES = 2000;
