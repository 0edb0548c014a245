// Tab lists (WAI-ARIA tabs pattern, automatic activation): a click, or the arrow keys, Home and End
// on the focused tab, select a tab and show its panel.
import { $ } from './dom.js';

/** Makes the `[role=tab]` buttons in `tablist` show their `aria-controls` panels, one at a time. */
export function bindTabs(tablist) {
  const tabs = [...tablist.querySelectorAll('[role="tab"]')];
  const select = (chosen) => {
    for (const tab of tabs) {
      const selected = tab === chosen;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      $(tab.getAttribute('aria-controls')).hidden = !selected;
    }
  };
  tablist.addEventListener('click', (event) => {
    const tab = event.target.closest('[role="tab"]');
    if (tab !== null) select(tab);
  });
  tablist.addEventListener('keydown', (event) => {
    const at = tabs.indexOf(event.target);
    const moves = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 };
    if (at < 0 || !(event.key in moves)) return;
    event.preventDefault();
    const next = tabs[(moves[event.key] + tabs.length) % tabs.length];
    select(next);
    next.focus();
  });
}
