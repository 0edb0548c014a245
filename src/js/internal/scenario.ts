/** A network state built from a scenario document, with a record for each of its nodes. */
import { NetworkState } from './network-state.js';
import { NodeRecord } from './node-record.js';
import { checkedProtocol } from './protocol-runtime.js';
import { jsonDocument } from './json-document.js';
import { raw } from './raw.js';

/**
 * The state of a network built from `scenario` (JSON text or an object): its nodes' records (whose
 * handles `bind` makes) and the payloads of its scripted broadcasts; `protocol` (if any) runs on
 * every node. Throws the typed error wasm gives for a document that breaks a rule, or naming
 * `protocol`.
 */
export function scenarioState<T, H>(
  scenario: unknown,
  bind: (state: NetworkState<T, H>, record: NodeRecord<T, H>) => H,
  protocol?: unknown,
): NetworkState<T, H> {
  const everywhere = checkedProtocol<T>('protocol', protocol);
  const document = jsonDocument('scenario', scenario, (problem) => raw().notJsonError(problem));
  const state = new NetworkState<T, H>('MeshNetwork', raw().RawNetwork.fromScenario(document));
  state.defaultProtocol = everywhere;
  // wasm accepted the document, so its events are an array of objects, if there are any.
  const events = (document as { events?: { data?: unknown }[] }).events ?? [];
  state.payloads = events.map((event) => event.data);
  const rawNetwork = state.use();
  for (let slot = 0; slot < rawNetwork.slotCount(); slot++) {
    const record = new NodeRecord<T, H>(slot, rawNetwork.nodeId(slot));
    state.addRecord(record);
    bind(state, record);
  }
  return state;
}
