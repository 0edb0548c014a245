// Node settings the shared cases use: seed 7 (pattern 7, 4, 1, ...) and interval 100 unless given.

/** A node configuration with id `nodeId`, seed `seed` (7) and phase-reset interval 100. */
export const cfg = (nodeId, seed = 7) => ({ nodeId, seed, phaseResetInterval: 100 });

/**
 * A `MeshNetwork` with `options` and one node per id of `ids` (a count gives `n0`, `n1`, ...), all
 * configured by `cfg`; returns `[network, nodes]`.
 */
export function build(MeshNetwork, options, ids) {
  const network = new MeshNetwork(options);
  const names = typeof ids === 'number' ? Array.from({ length: ids }, (_, i) => `n${i}`) : ids;
  return [network, names.map((id) => network.createNode(cfg(id)))];
}
