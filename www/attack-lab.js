// The attack lab: each byzantine attack against each authentication mode, as a table of the
// share of the attacker's deliveries that receivers turned away.
import { attackLab } from 'data-mesh';
import { $ } from './dom.js';

const MODES = ['none', 'hmac', 'ed25519'];

/** Runs the lab with the chosen number of messages per cell and fills the table. */
function run() {
  const messages = Number($('lab-messages').value);
  let rows;
  try {
    rows = attackLab(messages);
  } catch (error) {
    $('lab-status').textContent = `${error.code}: ${error.message}`;
    return;
  }
  $('lab-body').replaceChildren(
    ...rows.map((row) => {
      const tr = document.createElement('tr');
      const name = document.createElement('th');
      name.scope = 'row';
      name.textContent = row.attack;
      tr.append(name);
      for (const mode of MODES) {
        const td = document.createElement('td');
        const share = row[mode];
        td.textContent = `${Math.round(share * 100)} %`;
        td.dataset.mode = mode;
        td.className = share >= 0.99 ? 'caught' : share <= 0.01 ? 'missed' : 'partly';
        tr.append(td);
      }
      return tr;
    }),
  );
  $('lab-status').textContent = `${messages} attack messages per cell, 8 nodes, every copy checked by its receiver.`;
}

$('run-lab').addEventListener('click', run);
