/** A message handed to a node's `receive()`: checked in wasm, then its callbacks queued. */
import { REFUSALS, VERDICT } from '../generated/codes.js';
import { isInstance, readMessage, type MessageFields } from './checks.js';
import { enqueue } from './dispatcher.js';
import { encodePayload } from './payload.js';
import { raw, type RawNetwork } from './raw.js';
import type { NetworkState } from './network-state.js';
import type { NodeRecord } from './node-record.js';
import type { Message } from '../types.js';

/**
 * Validates `message` for the live node `record` and queues its callbacks, without flushing: a
 * match goes to `onMessage`, a mismatch, a malformed message or a refusal to `onError`.
 */
export function receiveAt<T, H>(state: NetworkState<T, H>, record: NodeRecord<T, H>, message: Message<T>): void {
  const slot = record.slot;
  const rawNetwork = state.use();
  const fields = readMessage(message);
  let verdict: number;
  if (fields === undefined) verdict = rawNetwork.rejectMalformed(slot);
  else if (state.authenticated) verdict = receiveSigned(rawNetwork, slot, fields, message);
  else verdict = rawNetwork.receive(slot, fields.globalStep, fields.patternValue);
  const nodeId = record.nodeId;
  if (verdict <= VERDICT.refused) {
    const type = REFUSALS[VERDICT.refused - verdict];
    enqueue(() => record.emitError({ type, nodeId, message }));
  } else if (verdict === VERDICT.accepted) {
    enqueue(() => record.emit(record.message, message));
  } else if (verdict === VERDICT.malformed) {
    const reason = raw().messageProblem(message) ?? 'malformed message';
    enqueue(() => record.emitError({ type: 'invalid-message', nodeId, reason, message }));
  } else {
    const received = (fields as MessageFields).patternValue;
    enqueue(() => record.emitError({ type: 'pattern-mismatch', nodeId, expected: verdict, received, message }));
  }
}

/**
 * Checks a well-formed `message` in an authenticated network. A missing or malformed sequence or
 * signature, data no sender could have signed, and a copy a byzantine relay tampered with (its
 * bytes are not the signed ones) are bad signatures.
 */
function receiveSigned<T>(rawNetwork: RawNetwork, slot: number, fields: MessageFields, message: Message<T>): number {
  const badSignature = (): number => {
    rawNetwork.rejectMalformed(slot);
    return VERDICT.refused;
  };
  let sequence, signature, tampered;
  try {
    ({ sequence, signature, tampered } = message);
  } catch {
    return badSignature(); // a getter threw
  }
  if (typeof sequence !== 'number' || !Number.isSafeInteger(sequence) || sequence < 0) return badSignature();
  if (!isInstance(signature, Uint8Array) || tampered === true) return badSignature();
  let payload: Uint8Array;
  try {
    payload = encodePayload(message.data);
  } catch {
    return badSignature();
  }
  const { senderId, globalStep, patternValue } = fields;
  return rawNetwork.receiveSigned(slot, globalStep, patternValue, senderId, sequence, payload, signature);
}
