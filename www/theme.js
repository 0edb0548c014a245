// The page's colours for what is drawn in script (canvas, charts): theme.css's custom properties,
// read once per theme and again when the system switches between light and dark.

/** The custom properties read, without their leading dashes. */
const NAMES = [
  'text', 'muted', 'grid', 'link',
  'node-online', 'node-behind', 'node-crashed', 'node-byzantine',
  'pulse-accepted', 'pulse-rejected', 'pulse-dropped',
  'series-1', 'series-2', 'series-3', 'series-4', 'series-5', 'series-6', 'series-7',
];

const dark = matchMedia('(prefers-color-scheme: dark)');
let current;

/** The theme's colours by property name (`'node-online'`, `'series-1'`, …), the same object until the theme changes. */
export function theme() {
  if (current === undefined) {
    const style = getComputedStyle(document.documentElement);
    current = Object.fromEntries(NAMES.map((name) => [name, style.getPropertyValue(`--${name}`).trim()]));
  }
  return current;
}

/** Calls `change()` each time the system switches between light and dark, once `theme()` gives the new colours. */
export function onThemeChange(change) {
  dark.addEventListener('change', () => {
    current = undefined;
    change();
  });
}
