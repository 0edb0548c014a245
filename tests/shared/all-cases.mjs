// Every shared case (seed examples, bad input, re-entrancy, API, simulation, authentication, batches, waiting broadcasts, unicast, more faults, bandwidth, hostile arguments, timers, protocols, workloads, checkers, experiments, what the facade keeps), for the runners that take them all (the browser page and its spec).
import { seedExamples } from './seed-examples.mjs';
import { badInputCases } from './bad-input.mjs';
import { reentrancyCases } from './reentrancy.mjs';
import { apiCases } from './api.mjs';
import { simulationCases } from './simulation.mjs';
import { authCases } from './auth.mjs';
import { batchCases } from './batch.mjs';
import { waitingCases } from './waiting.mjs';
import { unicastCases } from './unicast.mjs';
import { faultCases } from './faults.mjs';
import { bandwidthCases } from './bandwidth.mjs';
import { hostileCases } from './hostile.mjs';
import { timerCases } from './timers.mjs';
import { bulkCases } from './bulk.mjs';
import { protocolCases } from './protocols.mjs';
import { workloadCases } from './workloads.mjs';
import { checkerCases } from './checkers.mjs';
import { experimentCases } from './experiments.mjs';
import { cacheCases } from './caches.mjs';

/** `[name, run(api)]` pairs from every shared file. */
export const allCases = [...seedExamples, ...badInputCases, ...reentrancyCases, ...apiCases, ...simulationCases, ...authCases, ...batchCases, ...waitingCases, ...unicastCases, ...faultCases, ...bandwidthCases, ...hostileCases, ...timerCases, ...bulkCases, ...protocolCases, ...workloadCases, ...checkerCases, ...experimentCases, ...cacheCases];
