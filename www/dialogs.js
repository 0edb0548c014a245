// The page's dialogs (<dialog>, modal): opened by a button or a shortcut, closed by their Close
// button or Escape (the browser's own handling).
import { $ } from './dom.js';

/** Opens the dialog `id` as a modal dialog, unless it is open already. */
export function openDialog(id) {
  if (!$(id).open) $(id).showModal();
}

/** Makes the button `buttonId` open the dialog `dialogId`. */
export function bindDialog(buttonId, dialogId) {
  $(buttonId).addEventListener('click', () => openDialog(dialogId));
}
