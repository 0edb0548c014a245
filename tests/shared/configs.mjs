// Node settings the shared cases use: seed 7 (pattern 7, 4, 1, ...) and interval 100 unless given.

/** A node configuration with id `nodeId`, seed `seed` (7) and phase-reset interval 100. */
export const cfg = (nodeId, seed = 7) => ({ nodeId, seed, phaseResetInterval: 100 });
