// The protocol and workload the toolbar adds to the scenario played: a built-in relaying
// (docs/scenarios.md, `protocol`) and a workload whose checker judges it (docs/workloads.md).

/** The built-in protocols by the key used in the URL; `scenario` keeps the scenario's own relaying. */
export const PROTOCOLS = {
  scenario: undefined,
  none: 'none',
  flood: 'flood',
  gossip: { name: 'gossip', fanout: 3 },
};

/** The workloads by the key used in the URL, each made for a scenario lasting `duration` ms; `off` adds none. */
export const WORKLOADS = {
  off: undefined,
  broadcast: (duration) => ({ kind: 'broadcast', rate: 10, duration }),
  sync: () => ({ kind: 'sync' }),
};

/** The choices a run starts with unless the toolbar or the link says otherwise. */
export const DEFAULT_CHOICES = { protocol: 'scenario', workload: 'off' };

/** `scenario` with the `protocol` and `workload` chosen (keys of PROTOCOLS and WORKLOADS) set on it. */
export function withChoices(scenario, { protocol, workload }) {
  const relaying = PROTOCOLS[protocol];
  const make = WORKLOADS[workload];
  return {
    ...scenario,
    ...(relaying === undefined ? {} : { protocol: structuredClone(relaying) }),
    ...(make === undefined ? {} : { workload: make(scenario.duration ?? 10_000) }),
  };
}
