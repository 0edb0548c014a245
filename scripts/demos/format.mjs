/** Console helpers shared by the demos: aligned tables and the "run when executed directly" check. */
import { pathToFileURL } from 'node:url';

/** Prints `rows` (arrays of cells) under `headers` as left-aligned columns, indented two spaces. */
export function table(headers, rows) {
  const cells = [headers, ...rows].map((row) => row.map(String));
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  const line = (row) => '  ' + row.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd();
  console.log(line(cells[0]));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of cells.slice(1)) console.log(line(row));
}

/** Whether the module at `moduleUrl` is the script node was started with. */
export function isMain(moduleUrl) {
  return process.argv[1] !== undefined && moduleUrl === pathToFileURL(process.argv[1]).href;
}
