// The median the benches report: the middle of the sorted values (the upper middle for an even count).

/** The median of `values`. */
export const median = (values) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)];
