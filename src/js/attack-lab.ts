/** The attack lab: what each check catches. */
import { ATTACK_LAB_RECORD, readAttackLabRecord } from './generated/arrays.js';
import { num } from './internal/checks.js';
import { raw } from './internal/raw.js';
import { readRows } from './internal/rows.js';
import type { AttackLabRow } from './types.js';

/**
 * Runs each byzantine attack against each authentication mode, `messages` times per cell (at most
 * 100 000), and returns the share (0..1) of the attacker's deliveries that receivers turned away.
 */
export function attackLab(messages = 100): AttackLabRow[] {
  const rows = readRows(raw().attackLab(num('messages', messages)), ATTACK_LAB_RECORD.length, readAttackLabRecord);
  const attacks = raw().attackNames();
  return rows.map((row, i) => ({ attack: attacks[i], ...row }));
}
