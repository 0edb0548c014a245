/** Runs the console demos in order, each under a header (`npm start`). */
import { run as meshNetwork } from './mesh-network.mjs';
import { run as synchronization } from './synchronization.mjs';
import { run as observer } from './observer.mjs';
import { run as attackLab } from './attack-lab.mjs';

const demos = [
  ['1. Mesh Network Demo', meshNetwork],
  ['2. Synchronization Demo', synchronization],
  ['3. Observer Demo', observer],
  ['4. Attack Lab', attackLab],
];

for (const [title, run] of demos) {
  console.log(`\n=== ${title} ${'='.repeat(Math.max(3, 40 - title.length))}\n`);
  run();
}
