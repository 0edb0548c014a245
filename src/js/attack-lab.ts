/** The attack lab: what each check catches. */
import { num } from './checks.js';
import { raw } from './raw.js';
import type { AttackLabRow } from './types.js';

/**
 * Runs each byzantine attack against each authentication mode, `messages` times per cell (at most
 * 100 000), and returns the share (0..1) of the attacker's deliveries that receivers turned away.
 */
export function attackLab(messages = 100): AttackLabRow[] {
  const cells = raw().attackLab(num('messages', messages));
  return raw()
    .attackNames()
    .map((attack, i) => ({ attack, none: cells[3 * i], hmac: cells[3 * i + 1], ed25519: cells[3 * i + 2] }));
}
