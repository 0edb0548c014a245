// The message panel: the message copy selected on the network view or the space-time diagram, as
// it is now (in flight, then how it ended), and the buttons that drop it while it is in flight.
import { copiesInFlight, sameCopy } from './decode.js';
import { describeArrow, describeGone, describeTransfer } from './message-text.js';
import { $ } from './dom.js';

/** What the panel says while no message is selected. */
const HINT = 'Click a message in flight on the network view, or an arrow on the space-time diagram, to inspect it.';

/** Shows the selected message copy in the panel and keeps its drop buttons in step. */
export class MessageInspector {
  /** The text shown last (written only when it changes). */
  #shown;
  /** What the live region said last: the selection and whether it is in flight, not its progress (which moves every frame). */
  #announced = '';
  /** The copy shown last: a newly selected one is scrolled into view. */
  #copy = null;

  /**
   * Shows `run`'s selected copy (`run.message`), with its times and hop when the trace `data`
   * (a SpaceTimeData) has them; Drop it works while the copy is in flight, and Drop all while the
   * message has more than one copy in flight. A newly selected copy brings the panel into view
   * where the side panel scrolls (a short screen).
   */
  render(run, data) {
    const copy = run.message;
    const flying = copy === null ? [] : copiesInFlight(run.transfers).filter(({ messageId }) => messageId === copy.messageId);
    const mine = flying.find((flown) => sameCopy(flown, copy));
    const arrow = copy === null ? undefined : data.arrowOf(copy, run.transfers, run.time * 1000);
    let text = HINT;
    if (arrow !== undefined) text = describeArrow(arrow, run.ids);
    else if (mine !== undefined) text = describeTransfer(copy, mine.progress, mine.outlook, run.ids);
    else if (copy !== null) text = describeGone(copy, run.ids);
    if (flying.length > 1) text += ` ${flying.length} copies of it are in flight.`;
    if (text !== this.#shown) $('message-inspector').textContent = this.#shown = text;
    const status = copy === null ? '' : `Message ${copy.messageId} to ${run.ids[copy.to]}: ${mine === undefined ? 'no longer in flight' : 'in flight'}.`;
    if (status !== this.#announced) $('message-status').textContent = this.#announced = status;
    $('drop-copy').disabled = mine === undefined;
    $('drop-all').hidden = flying.length < 2;
    $('drop-all').textContent = `Drop all ${flying.length} copies`;
    if (copy !== this.#copy && copy !== null) reveal($('message-inspector').closest('section'));
    this.#copy = copy;
  }
}

/** Scrolls the side panel (when it scrolls: not when the page stacks in one column) so that `section` is in view. */
function reveal(section) {
  const panel = section.closest('.panel');
  if (panel.scrollHeight > panel.clientHeight) section.scrollIntoView({ block: 'nearest' });
}
