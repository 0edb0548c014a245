// The scenarios the player offers: the bundled scenario files and the generated scale mode, played
// with the inputs' random seed and pattern.
import meshNetwork from 'data-mesh/scenarios/mesh-network.json';
import synchronization from 'data-mesh/scenarios/synchronization.json';
import observer from 'data-mesh/scenarios/observer.json';
import partitionHeal from 'data-mesh/scenarios/partition-heal.json';
import byzantineLab from 'data-mesh/scenarios/byzantine-lab.json';

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
export const DEFAULT_PATTERN = { seed: 7, phaseResetInterval: 100 };

/** The random seed scenario `key` comes with. */
export const defaultSeed = (key) => SCENARIOS[key].options?.seed ?? 1;

/**
 * Scenario `key` as played with `settings` (`{ seed, pattern, nodes }`): a copy with the random
 * seed `seed`, every node on `pattern`, and, for the scale mode, `nodes` nodes.
 */
export function scenarioFor(key, { seed, pattern, nodes }) {
  const bundled = key === 'scale' ? scaleScenario(nodes) : SCENARIOS[key];
  const scenario = withPattern(structuredClone(bundled), pattern);
  scenario.options = { ...scenario.options, seed };
  return scenario;
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
