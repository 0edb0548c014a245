/** Public types of data-mesh. `T` is always the user's payload type. */
export type { AnomalyKind, MeshErrorCode, NodeStatus, Outlook, Refusal, TraceKind } from './generated/codes.js';
export type { Metrics, NodeStats, SenderStatistics } from './generated/arrays.js';
export type * from './types/errors.js';
export type * from './types/handlers.js';
export type * from './types/messages.js';
export type * from './types/options.js';
export type * from './types/protocol.js';
export type * from './types/bulk.js';
export type * from './types/results.js';
export type * from './types/simulation.js';
export type * from './types/workloads.js';
export type * from './types/experiments.js';
export type * from './types/endpoint.js';
