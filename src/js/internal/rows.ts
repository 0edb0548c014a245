/** Reading every record of a flat array of numbers. */

/** The records of `numbers`, each `length` numbers long, read with `read`. */
export function readRows<R>(numbers: ArrayLike<number>, length: number, read: (numbers: ArrayLike<number>, at: number) => R): R[] {
  const rows: R[] = [];
  for (let at = 0; at < numbers.length; at += length) rows.push(read(numbers, at));
  return rows;
}
