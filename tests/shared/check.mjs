// Minimal assertions that run unchanged in Node and in the browser.

/** Throws unless `condition` holds. */
export function check(condition, message) {
  if (!condition) throw new Error(`check failed: ${message}`);
}

/** Throws unless `actual` and `expected` are deeply equal (compared as JSON). */
export function equal(actual, expected, message = 'values differ') {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${message}: expected ${e}, got ${a}`);
}

/** How many refusals `throwsCode` has checked so far (the reliability report counts them per case). */
export const refusalsChecked = { count: 0 };

/** Runs `fn`, which must throw an error of class `Class` with `code` (and `field` when given). */
export function throwsCode(fn, Class, code, field) {
  refusalsChecked.count++;
  try {
    fn();
  } catch (error) {
    check(error instanceof Class, `expected a ${Class.name}, got ${error && error.constructor && error.constructor.name}: ${error}`);
    equal(error.code, code, `error code of "${error.message}"`);
    if (field !== undefined) equal(error.field, field, `error field of "${error.message}"`);
    check(typeof error.message === 'string' && error.message.length > 10, 'error has a message');
    return error;
  }
  throw new Error(`expected ${code} to be thrown`);
}

/** A recording stand-in for vi.fn(). */
export function spy() {
  const calls = [];
  const fn = (...args) => {
    calls.push(args);
  };
  fn.calls = calls;
  return fn;
}

/** Replaces console.log while `fn` runs and returns what it printed. */
export function captureLog(fn) {
  const lines = [];
  const original = console.log;
  console.log = (...args) => lines.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
  try {
    fn();
  } finally {
    console.log = original;
  }
  return lines;
}
