/** Nodes' neighbours as the facade last read them from wasm, kept while the wiring stays the same. */
import type { RawNetwork } from './raw.js';

/** What the cache needs of a node's record. */
interface Named {
  /** The node's id. */
  readonly nodeId: string;
}

/** Lists longer than this (a full mesh's) are read from wasm each time rather than kept. */
const LONGEST_KEPT = 64;

/**
 * The neighbours of the nodes whose neighbours were asked for, by slot: their ids and records.
 * All are forgotten when the raw network's wiring generation moves (nodes came or went, links
 * were drawn or edited), so what is kept is always what wasm would answer.
 */
export class NeighbourCache<R extends Named> {
  /** The wiring generation the lists below belong to. */
  #generation = -1;
  /** By slot: the neighbours' ids, or undefined. */
  #ids: (readonly string[] | undefined)[] = [];
  /** By slot: the neighbours' records, or undefined. */
  #records: (readonly R[] | undefined)[] = [];

  constructor(
    /** The records of every node ever created, by slot. */
    readonly allRecords: readonly R[],
  ) {}

  /** The ids of the neighbours of the live node `slot` (a new array, the caller's to keep). */
  ids(rawNetwork: RawNetwork, slot: number): string[] {
    this.#refresh(rawNetwork);
    const kept = this.#ids[slot];
    if (kept !== undefined) return kept.slice();
    const records = Array.from(rawNetwork.neighbours(slot), (neighbour) => this.allRecords[neighbour]);
    const ids = records.map((record) => record.nodeId);
    if (records.length <= LONGEST_KEPT) {
      this.#records[slot] = records;
      this.#ids[slot] = ids.slice();
    }
    return ids;
  }

  /**
   * The record of the neighbour `nodeId` of the node `slot` when its neighbours are kept (the
   * node ids its protocol was just given), else undefined: the caller looks further.
   */
  neighbour(rawNetwork: RawNetwork, slot: number, nodeId: string): R | undefined {
    const ids = this.#ids[slot];
    if (ids === undefined) return undefined;
    this.#refresh(rawNetwork);
    const index = this.#ids[slot]?.indexOf(nodeId) ?? -1;
    return index < 0 ? undefined : this.#records[slot]?.[index];
  }

  /** Forgets every list when the wiring generation moved. */
  #refresh(rawNetwork: RawNetwork): void {
    const generation = rawNetwork.wiringGeneration();
    if (generation === this.#generation) return;
    this.#generation = generation;
    this.#ids = [];
    this.#records = [];
  }
}
