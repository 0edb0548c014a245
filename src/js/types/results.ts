/** What validation returns and the statistics observers, nodes and monitors keep. */
import type { AnomalyType } from './messages.js';

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

/** Message counts of all senders. */
export interface MessageCounts {
  /** Messages observed. */
  total: number;
  /** Messages that passed every check. */
  valid: number;
  /** Messages flagged as anomalies. */
  anomalies: number;
}

/** One sender's record with an observer: its counts, how far it can be trusted, what it got wrong. */
export interface SenderStatistics extends MessageCounts {
  /** `valid / total` in 0..1 (1 before any message): the share of its messages that passed. */
  trust: number;
  /** Its anomalies of each kind (kinds with none are absent). */
  anomaliesByKind: Partial<Record<AnomalyType, number>>;
}

/** What `MeshObserver.getStatistics` returns. */
export interface Statistics extends MessageCounts {
  /** `valid / total` in 0..1; 1 before any message. */
  successRate: number;
  /** The counts per sender id. */
  bySender: Record<string, SenderStatistics>;
  /** Anomalies of each kind flagged so far (kinds with none are absent). */
  anomaliesByKind: Partial<Record<AnomalyType, number>>;
}


/** A node's message counters. */
export interface NodeStats {
  /** Messages the node broadcast. */
  messagesSent: number;
  /** Messages the node accepted. */
  messagesReceived: number;
  /** Messages the node rejected (pattern mismatch or malformed). */
  messagesRejected: number;
}
