// Small DOM helpers the demo page's modules share.

/** The page's element with id `id`. */
export const $ = (id) => document.getElementById(id);

/** Puts `item` first in the list `list` and drops its last items beyond `max`. */
export function prependCapped(list, item, max) {
  list.prepend(item);
  while (list.children.length > max) list.lastChild.remove();
}

/** A colour key's entry: a round swatch of `color`, then `text`. */
export function legendEntry(color, text) {
  const item = document.createElement('span');
  const swatch = document.createElement('span');
  swatch.className = 'swatch';
  swatch.style.background = color;
  item.append(swatch, text);
  return item;
}
