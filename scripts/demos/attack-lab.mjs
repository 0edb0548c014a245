/** Attack lab demo: each byzantine attack against each authentication mode, as a detection matrix. */
import { attackLab } from 'data-mesh';
import { isMain } from './format.mjs';

const MESSAGES = 100;

/**
 * Runs the demo.
 * @returns {import('data-mesh').AttackLabRow[]} the matrix it printed
 */
export function run() {
  const rows = attackLab(MESSAGES);
  console.log(`Share of the attacker's deliveries that receivers turned away (${MESSAGES} attacks per cell):\n`);
  const pct = (x) => `${Math.round(100 * x)} %`.padStart(8);
  console.log(`  ${'attack'.padEnd(32)}${'none'.padStart(8)}${'hmac'.padStart(8)}${'ed25519'.padStart(9)}`);
  for (const row of rows) console.log(`  ${row.attack.padEnd(32)}${pct(row.none)}${pct(row.hmac)} ${pct(row.ed25519)}`);
  console.log('\n  The pattern alone catches wrong patterns only. HMAC stops outsiders, replays and tampering;');
  console.log('  ed25519 also tells which member forged. Nothing here catches a lie about the step:');
  console.log('  a watching observer flags that as step-skew.');
  return rows;
}

if (isMain(import.meta.url)) run();
