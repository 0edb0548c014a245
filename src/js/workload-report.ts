/** Reading the checkers' report from its numbers, and writing reports as CSV. */
import { METRICS, readMetrics } from './generated/arrays.js';
import { NONE } from './generated/codes.js';
import {
  BROADCAST_SUMMARY,
  DISTURBANCES,
  DISTURBANCE_RECORD,
  HEAL_RECORD,
  MISSING_VALUE,
  SYNC_SUMMARY,
  WORKLOAD_REPORT_HEAD,
  readBroadcastSummary,
  readDisturbanceRecord,
  readHealRecord,
  readMissingValue,
  readSyncSummary,
  readWorkloadReportHead,
} from './generated/workloads.js';
import { readRows } from './internal/rows.js';
import type { BroadcastReport, SyncReport, WorkloadReport } from './types.js';

/** The report in `numbers` (as `workloadReport()` writes it), naming nodes by the `records` of their slots. */
export function readWorkloadReport(numbers: Float64Array, records: readonly { readonly nodeId: string }[]): WorkloadReport {
  const nodeIdOf = (slot: number): string => records[slot].nodeId;
  const head = readWorkloadReportHead(numbers, 0);
  let at = WORKLOAD_REPORT_HEAD.length;
  // The `count` records of `length` numbers that follow, read with `read`.
  const rows = <R>(count: number, length: number, read: (numbers: ArrayLike<number>, at: number) => R): R[] =>
    readRows(numbers.subarray(at, (at += count * length)), length, read);
  let broadcast: BroadcastReport | null = null;
  if (head.broadcast === 1) {
    const summary = readBroadcastSummary(numbers, at);
    at += BROADCAST_SUMMARY.length;
    const latency = head.latency === 1 ? readMetrics(numbers, at) : null;
    if (latency !== null) at += METRICS.length;
    const missing = rows(head.missingCount, MISSING_VALUE.length, readMissingValue).map(({ value, node }) => ({ value, nodeId: nodeIdOf(node) }));
    const heals = rows(head.healCount, HEAL_RECORD.length, readHealRecord);
    broadcast = { summary, latency, missing, heals };
  }
  let sync: SyncReport | null = null;
  if (head.sync === 1) {
    const summary = readSyncSummary(numbers, at);
    at += SYNC_SUMMARY.length;
    const disturbances = rows(head.disturbanceCount, DISTURBANCE_RECORD.length, readDisturbanceRecord).map(({ kind, node, ...rest }) => ({
      ...rest,
      kind: DISTURBANCES[kind],
      nodeId: node === NONE ? null : nodeIdOf(node),
    }));
    sync = { summary, disturbances };
  }
  return { broadcast, sync };
}

/** The field names of a record's layout, in order. */
function columns(layout: Readonly<Record<string, number>>): string[] {
  return Object.keys(layout).filter((key) => key !== 'length');
}

/** The CSV columns: every broadcast figure, its latency metrics, every sync figure. */
const CSV_COLUMNS: readonly (readonly [string, (report: WorkloadReport) => number | undefined])[] = [
  ...columns(BROADCAST_SUMMARY).map((key) => [`broadcast.${key}`, (r: WorkloadReport) => r.broadcast?.summary[key as keyof BroadcastReport['summary']]] as const),
  ...columns(METRICS).map((key) => [`latency.${key}`, (r: WorkloadReport) => r.broadcast?.latency?.[key as keyof NonNullable<BroadcastReport['latency']>]] as const),
  ...columns(SYNC_SUMMARY).map((key) => [`sync.${key}`, (r: WorkloadReport) => r.sync?.summary[key as keyof SyncReport['summary']]] as const),
];

/**
 * The reports as CSV: a header line, then one line per report with every figure of its checkers
 * (an empty cell for a checker not running or a figure with nothing to measure).
 */
export function workloadReportsToCsv(reports: readonly WorkloadReport[]): string {
  const cell = (value: number | undefined): string => (value === undefined || Number.isNaN(value) ? '' : String(value));
  const lines = [CSV_COLUMNS.map(([name]) => name).join(',')];
  for (const report of reports) lines.push(CSV_COLUMNS.map(([, read]) => cell(read(report))).join(','));
  return `${lines.join('\n')}\n`;
}
