/** What a simulated network reports: running totals, tick rows and the attack lab. */
import type { AttackLabRecord, SimStats, TickStatsRow } from '../generated/arrays.js';

/** Running totals of a network's simulation. */
export type SimulationStats = SimStats;

/** The state of a simulated network at one tick (see `MeshNetwork.drainTickStats`). */
export type TickStats = TickStatsRow;

/** One row of `attackLab()`: an attack and the share (0..1) of its deliveries each mode turned away. */
export interface AttackLabRow extends AttackLabRecord {
  /** The attack. */
  attack: string;
}
