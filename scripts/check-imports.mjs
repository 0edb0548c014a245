// `npm run lint` part: the facade's module graph (src/js) has no import cycle, type-only imports
// included, and internal modules (src/js/internal, src/js/generated) never import a public one.
// Prints one "ok"/"not ok" line per rule and exits non-zero when one fails.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../src/js');

/** Every .ts file under `dir`. */
function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

/** The project modules `file` imports or re-exports, values and types alike. */
function imports(file) {
  const text = readFileSync(file, 'utf8');
  const targets = [...text.matchAll(/(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/gs)].map((m) => m[1]);
  return targets.map((target) => resolve(dirname(file), target.replace(/\.js$/, '.ts'))).filter((path) => path.startsWith(root));
}

const graph = new Map(sources(root).map((file) => [file, imports(file)]));
const name = (file) => relative(root, file);
const isInternal = (file) => /^(internal|generated)\//.test(name(file));

const cycles = [];
const state = new Map();
function visit(file, path) {
  if (state.get(file) === 'done') return;
  if (state.get(file) === 'open') {
    cycles.push([...path.slice(path.indexOf(file)), file].map(name).join(' -> '));
    return;
  }
  state.set(file, 'open');
  for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
  state.set(file, 'done');
}
for (const file of graph.keys()) visit(file, []);

const upward = [...graph].flatMap(([file, targets]) =>
  isInternal(file) ? targets.filter((target) => !isInternal(target) && name(target) !== 'types.ts').map((target) => `${name(file)} -> ${name(target)}`) : [],
);

let failed = false;
function rule(ok, description, problems) {
  console.log(`${ok ? 'ok' : 'not ok'} - ${description}`);
  for (const problem of problems) console.log(`#   ${problem}`);
  failed ||= !ok;
}
rule(cycles.length === 0, `no import cycle among ${graph.size} facade modules (type-only imports included)`, cycles);
rule(upward.length === 0, 'internal modules import no public class', upward);
process.exit(failed ? 1 : 0);
