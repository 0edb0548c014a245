/** The worker side of `runExperiment`: `serveExperiments` runs the runs the pool hands it and answers with their records. */
import { MeshNetwork } from './mesh-network.js';
import { plainError, serveInOrder } from './internal/endpoint.js';
import type { MessageEndpoint } from './types.js';
import { loadExperimentModule, NO_MODULE, type ExperimentModule } from './internal/experiment-module.js';
import { raw, type RawExperiment } from './internal/raw.js';
import { networkState } from './internal/registry.js';
import type { ExperimentRequest, ExperimentResponse } from './internal/experiment-messages.js';

/** One worker's experiment: the checked document and the user's module. */
class Session {
  constructor(
    readonly experiment: RawExperiment,
    readonly module: ExperimentModule,
  ) {}

  /**
   * The records of runs `from` to `to` (excluded), a JSON line each: run in the core alone, in one
   * call, when nothing written in JavaScript takes part.
   */
  runs(from: number, to: number): string {
    if (this.module.protocol === undefined && this.module.measures.length === 0) return this.experiment.runsInCore(from, to);
    let text = '';
    for (let run = from; run < to; run++) text += `${this.run(run)}\n`;
    return text;
  }

  /** The record (a JSON line) of run `run`: its network built, run, measured and freed; what it throws is the run's error. */
  run(run: number): string {
    let network: MeshNetwork | undefined;
    try {
      network = MeshNetwork.fromScenario(this.experiment.scenarioOf(run), { protocol: this.module.protocol });
      network.runUntil(this.experiment.untilMs());
      const measured = network;
      const [point, seed] = this.experiment.pointAndSeed(run);
      const info = { run, point, seed };
      const values = this.module.measures.map(([name, measure]) => {
        const value = measure(measured, info);
        if (typeof value !== 'number') throw new TypeError(`the measure ${name} returned ${typeof value}, not a number`);
        return value;
      });
      return this.experiment.finishRun(run, networkState('network', network).use(), Float64Array.from(values));
    } catch (error) {
      return this.experiment.failRun(run, error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    } finally {
      network?.free();
    }
  }
}

/**
 * Serves experiment runs inside a worker: the package's experiment worker calls
 * `serveExperiments(self, init())` (browser) or `serveExperiments(parentPort)` (Node). Requests
 * are answered in order once `ready` resolves.
 */
export function serveExperiments(endpoint: MessageEndpoint, ready: Promise<unknown> = Promise.resolve()): void {
  let session: Session | undefined;
  const reply = (response: ExperimentResponse): void => endpoint.postMessage(response);
  serveInOrder(endpoint, ready, async (data) => {
    const request = data as ExperimentRequest;
    try {
      if (request.type === 'init') {
        const module = request.module === undefined ? NO_MODULE : await loadExperimentModule(request.module);
        session = new Session(new (raw().RawExperiment)(JSON.parse(request.experiment), module.measures.map(([name]) => name)), module);
        reply({ type: 'ready' });
      } else if (session !== undefined) {
        reply({ type: 'done', from: request.from, count: request.to - request.from, text: session.runs(request.from, request.to) });
      }
    } catch (thrown) {
      // A request that throws fails the experiment (the pool stops) instead of stalling the queue.
      reply({ type: 'failed', error: plainError(thrown) });
    }
  });
}
