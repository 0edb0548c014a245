/** The user's experiment module: the protocol its nodes run and the measures taken in JavaScript. */
import { checkedProtocol } from './protocol-runtime.js';
import { fn, object } from './checks.js';
import { platform } from './platform.js';
import type { Protocol, RunInfo } from '../types.js';

/** A measure taken at the end of a run, of its network (a `MeshNetwork`). */
export type NetworkMeasure = (network: unknown, run: RunInfo) => number;

/** What an experiment module gives. */
export interface ExperimentModule {
  /** The protocol every node runs, if any. */
  readonly protocol: Protocol | undefined;
  /** Each measure, by name, in the module's key order. */
  readonly measures: readonly (readonly [string, NetworkMeasure])[];
}

/** Nothing: no module. */
export const NO_MODULE: ExperimentModule = Object.freeze({ protocol: undefined, measures: [] });

/**
 * Loads the module at `url` (given as `module`): its `protocol` export must be a protocol and its
 * `measures` export an object of functions, each when present; throws `ERR_INVALID_TYPE` naming
 * `module.protocol` or `module.measures.<name>` otherwise.
 */
export async function loadExperimentModule(url: string): Promise<ExperimentModule> {
  const exports = object('module', await platform().load(url));
  const protocol = exports.protocol as Protocol | undefined;
  checkedProtocol('module.protocol', protocol);
  const given = exports.measures === undefined ? {} : object('module.measures', exports.measures);
  const measures = Object.keys(given).map((name) => [name, fn(`module.measures.${name}`, given[name]) as NetworkMeasure] as const);
  return { protocol, measures };
}
