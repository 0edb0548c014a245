// Keyboard shortcuts for the whole page, ignored while a field takes the keys (typing, a list, a
// slider) or while a dialog is open, and left to buttons and tabs for the keys they handle.

/** Elements that take every key themselves. */
const FIELDS = 'input, select, textarea, [contenteditable]';
/** Elements that handle Space (a press) or the arrows (tabs) themselves. */
const KEY_OWNERS = { ' ': 'button, a, summary, [role="tab"]', ArrowLeft: '[role="tab"]', ArrowRight: '[role="tab"]' };

/** Calls `actions[event.key]()` for a key pressed on the page (`' '`, `'ArrowRight'`, `'?'`, …), where the focus leaves it free. */
export function bindShortcuts(actions) {
  document.addEventListener('keydown', (event) => {
    const action = actions[event.key];
    if (action === undefined || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target instanceof Element ? event.target : document.body;
    if (target.closest(FIELDS) || (KEY_OWNERS[event.key] && target.closest(KEY_OWNERS[event.key]))) return;
    if (document.querySelector('dialog[open]') !== null) return;
    event.preventDefault();
    action();
  });
}
