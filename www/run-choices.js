// The protocol and workload the toolbar adds to the scenario played: a built-in relaying
// (docs/scenarios.md, `protocol`) or an example protocol written in TypeScript
// (example-protocols.js), and a workload whose checker judges it (docs/workloads.md).

/**
 * The example protocols of examples/ that the player runs on every node (made in
 * example-protocols.js), by the key used in the URL, with their names in the protocol list.
 */
export const EXAMPLE_PROTOCOLS = {
  'push-pull': 'push-pull',
  'batched-gossip': 'batched gossip',
  'efficient-broadcast': 'efficient broadcast (Glomers 3d)',
};

/** Whether `key` names an example protocol. */
export const isExample = (key) => Object.hasOwn(EXAMPLE_PROTOCOLS, key);

/**
 * The protocols by the key used in the URL: the built-in ones as the scenario names them;
 * `scenario` keeps the scenario's own relaying, and so do the examples (every node runs its
 * example protocol instead, see example-protocols.js).
 */
export const PROTOCOLS = {
  scenario: undefined,
  none: 'none',
  flood: 'flood',
  gossip: { name: 'gossip', fanout: 3 },
  ...Object.fromEntries(Object.keys(EXAMPLE_PROTOCOLS).map((key) => [key, undefined])),
};

/** The workloads by the key used in the URL, each made for a scenario lasting `duration` ms; `off` adds none. */
export const WORKLOADS = {
  off: undefined,
  broadcast: (duration) => ({ kind: 'broadcast', rate: 10, duration }),
  sync: () => ({ kind: 'sync' }),
};

/** The choices a run starts with unless the toolbar or the link says otherwise. */
export const DEFAULT_CHOICES = { protocol: 'scenario', workload: 'off' };

/**
 * `scenario` with the `protocol` and `workload` chosen (keys of PROTOCOLS and WORKLOADS) set on
 * it; under an example protocol the engine sends no traffic of its own (the protocol decides what
 * is sent, and its messages carry the data it expects).
 */
export function withChoices(scenario, { protocol, workload }) {
  const relaying = PROTOCOLS[protocol];
  const make = WORKLOADS[workload];
  return {
    ...scenario,
    ...(isExample(protocol) ? { options: { ...scenario.options, traffic: 0 } } : {}),
    ...(relaying === undefined ? {} : { protocol: structuredClone(relaying) }),
    ...(make === undefined ? {} : { workload: make(scenario.duration ?? 10_000) }),
  };
}
