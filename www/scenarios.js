// The scenarios the player offers: the bundled scenario files, the generated scale mode and a
// scenario loaded from a file or a link, played with the inputs' random seed and pattern and the
// toolbar's protocol and workload.
import { withChoices } from './run-choices.js';
import meshNetwork from 'data-mesh/scenarios/mesh-network.json';
import synchronization from 'data-mesh/scenarios/synchronization.json';
import observer from 'data-mesh/scenarios/observer.json';
import partitionHeal from 'data-mesh/scenarios/partition-heal.json';
import byzantineLab from 'data-mesh/scenarios/byzantine-lab.json';
import { encodeScenario } from './scenario-file.js';

/** The bundled scenarios by the key used in the URL. */
export const SCENARIOS = {
  'mesh-network': meshNetwork,
  synchronization,
  observer,
  'partition-heal': partitionHeal,
  'byzantine-lab': byzantineLab,
  scale: scaleScenario(1000),
};

/** The pattern the bundled scenarios' nodes use unless the pattern inputs say otherwise. */
const DEFAULT_PATTERN = { seed: 7, phaseResetInterval: 100 };

/** The key the loaded scenario plays under. */
export const FILE_KEY = 'file';

/** The loaded scenario, as its file gave it, and its link parameter (undefined: too big for a link). */
let loaded;

/** Makes `scenario` (one the package accepts) the scenario played under FILE_KEY. */
export function setLoaded(scenario) {
  loaded = { scenario, link: encodeScenario(scenario) };
}

/** The loaded scenario's link parameter, or undefined when it is too big to share as a link. */
export const loadedLink = () => loaded?.link;

/** Scenario `key` as it comes, before the inputs' settings (the scale mode's at its default size). */
const source = (key) => (key === FILE_KEY ? loaded.scenario : SCENARIOS[key]);

/** The random seed scenario `key` comes with. */
export const defaultSeed = (key) => source(key).options?.seed ?? 1;

/** The pattern scenario `key`'s nodes come with: the loaded one's first node's, else DEFAULT_PATTERN. */
export function defaultPattern(key) {
  if (key !== FILE_KEY) return DEFAULT_PATTERN;
  const { nodes } = loaded.scenario;
  const first = (Array.isArray(nodes) ? nodes[0] : nodes) ?? {};
  return { seed: first.seed ?? DEFAULT_PATTERN.seed, phaseResetInterval: first.phaseResetInterval ?? DEFAULT_PATTERN.phaseResetInterval };
}

/**
 * Scenario `key` as played with `settings` (`{ seed, pattern, nodes, protocol, workload }`): a
 * copy with the random seed `seed`, every node on `pattern`, for the scale mode `nodes` nodes,
 * and the chosen `protocol` and `workload` (see run-choices.js).
 */
export function scenarioFor(key, settings) {
  const { seed, pattern, nodes } = settings;
  const base = key === 'scale' ? scaleScenario(nodes) : source(key);
  const scenario = withPattern(structuredClone(base), pattern);
  scenario.options = { ...scenario.options, seed };
  return withChoices(scenario, settings);
}

/** The scale mode: `count` nodes of degree 4 with random traffic and latency, a few liars. */
function scaleScenario(count) {
  return {
    version: 1,
    name: 'Scale',
    description: `${count} nodes in a random 4-regular graph; each sends on a tick with probability 1 %, relayed for 3 hops over 20–60 ms links; every 100th node stamps wrong patterns.`,
    options: {
      seed: 6,
      globalTick: true,
      tickInterval: 100,
      traffic: 0.01,
      ttl: 3,
      links: { latency: { kind: 'uniform', min: 20, max: 60 } },
      topology: { kind: 'random-regular', degree: 4 },
    },
    nodes: { count, prefix: 'n' },
    byzantine: Object.fromEntries(Array.from({ length: Math.floor(count / 100) }, (_, i) => [`n${i * 100 + 50}`, 'wrong-pattern'])),
    duration: 60_000,
  };
}

/** `scenario` with every node on `pattern` (`{ seed, phaseResetInterval }`). */
function withPattern(scenario, pattern) {
  const nodes = Array.isArray(scenario.nodes) ? scenario.nodes.map((node) => ({ ...node, ...pattern })) : { ...scenario.nodes, ...pattern };
  return { ...scenario, nodes };
}
