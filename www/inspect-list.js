// The inspector's select: the live nodes of the run by id, and the selected one. A big network
// lists its first LISTED live nodes and a note: a select of 100 000 options takes the page
// seconds to lay out; a node picked on the network view is added when it is selected.
import { nodeStatus } from './decode.js';
import { $ } from './dom.js';

/** The most live nodes listed up front. */
const LISTED = 1000;

/** The inspector's select, kept in step with the run's nodes and selection. */
export class InspectList {
  /** The slot the select shows as selected. */
  #shown;

  /** Lists `run`'s live nodes (up to LISTED, then a note of how many more) and shows its selection. */
  list(run) {
    const options = [new Option('no node', '-1')];
    let live = 0;
    for (let slot = 0; slot < run.ids.length; slot++) {
      if (nodeStatus(run.states, slot) === 'removed') continue;
      if (++live <= LISTED) options.push(new Option(run.ids[slot], String(slot)));
    }
    if (live > LISTED) {
      const note = new Option(`… ${live - LISTED} more: click one on the network view`, '');
      note.disabled = true;
      options.push(note);
    }
    $('inspect').replaceChildren(...options);
    this.#shown = undefined;
    this.select(run);
  }

  /** Shows `run`'s selected node (or none) as selected, adding its option when it is live and not listed. */
  select(run) {
    const slot = run.selected;
    if (slot === this.#shown) return;
    const select = $('inspect');
    const value = String(slot);
    const listed = [...select.options].some((option) => option.value === value);
    if (!listed && nodeStatus(run.states, slot) !== 'removed') select.options.add(new Option(run.ids[slot], value), LISTED + 1);
    select.value = value;
    this.#shown = slot;
  }
}
