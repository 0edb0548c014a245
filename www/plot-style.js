// uPlot axes in the page's theme (theme.js), so charts read on light and dark backgrounds alike.
import { theme } from './theme.js';

/** A uPlot axis in the theme's text and grid colours, with `options` on top. */
export function themedAxis(options = {}) {
  const colors = theme();
  return { stroke: colors.text, grid: { stroke: colors.grid }, ticks: { stroke: colors.grid }, ...options };
}
