/** What validation returns and the statistics observers keep (the records themselves are generated). */
import type { SenderStatistics, StatisticsTotals } from '../generated/arrays.js';

/** What `MeshObserver.observe` returns for a well-formed message. */
export interface CheckedResult {
  /** Whether the pattern value matched. */
  valid: boolean;
  /** The observer's pattern value at the message's step. */
  expected: number;
  /** The message's pattern value. */
  received: number;
}

/** What `MeshObserver.observe` returns for a malformed message. */
export interface MalformedResult {
  /** Always false. */
  valid: false;
  /** Always null: nothing can be expected of a malformed message. */
  expected: null;
  /** Always null. */
  received: null;
  /** Which field broke which rule. */
  reason: string;
}

/** What `MeshObserver.observe` returns. */
export type ValidationResult = CheckedResult | MalformedResult;

/** Message counts: all, valid and anomalous. */
export type MessageCounts = Pick<StatisticsTotals, 'total' | 'valid' | 'anomalies'>;

/** What `MeshObserver.getStatistics` returns: the totals, then the same per sender id. */
export interface Statistics extends StatisticsTotals {
  /** The counts per sender id (an object without a prototype). */
  bySender: Record<string, SenderStatistics>;
}
