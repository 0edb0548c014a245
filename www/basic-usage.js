// The seed's Basic Usage example running in the browser on the wasm package (init() is done by main.js).
import { MeshNetwork } from 'data-mesh';
import { $, prependCapped } from './dom.js';

const MAX_LOG_LINES = 200;

function log(text, kind = '') {
  const item = document.createElement('li');
  item.textContent = text;
  item.className = kind;
  prependCapped($('basic-log'), item, MAX_LOG_LINES);
}

function animatePulse(rejected) {
  const pulse = $('pulse');
  pulse.classList.toggle('rejected', rejected);
  pulse.setAttribute('cx', '80');
  requestAnimationFrame(() => requestAnimationFrame(() => pulse.setAttribute('cx', '320')));
}

const network = new MeshNetwork();
const nodeA = network.createNode({ nodeId: 'sensor-001', seed: 7, phaseResetInterval: 100 });
const nodeB = network.createNode({ nodeId: 'gateway-001', seed: 7, phaseResetInterval: 100 });
const counts = { accepted: 0, rejected: 0 };

function refresh() {
  $('accepted').textContent = String(counts.accepted);
  $('rejected').textContent = String(counts.rejected);
  $('step').textContent = String(nodeA.globalStep);
}

nodeB.onMessage((message) => {
  counts.accepted++;
  console.log('Received:', message.data);
  log(`✓ gateway-001 received ${JSON.stringify(message.data)} (step ${message.globalStep}, pattern ${message.patternValue})`, 'ok');
  animatePulse(false);
});
nodeB.onError((error) => {
  counts.rejected++;
  const detail = error.type === 'pattern-mismatch' ? `expected ${error.expected}, got ${error.received}` : error.type;
  log(`✗ gateway-001 rejected a message: ${detail}`, 'bad');
  animatePulse(true);
});

let reading = 23.8;
$('broadcast').addEventListener('click', () => {
  nodeA.broadcast({ temperature: reading, unit: 'celsius' });
  reading = Math.round((reading + 0.3) * 10) / 10;
  nodeA.sync(nodeA.globalStep + 1);
  refresh();
});
$('tamper').addEventListener('click', () => {
  const step = nodeA.globalStep;
  nodeB.receive({ senderId: 'intruder', globalStep: step, patternValue: (nodeA.patternValue % 9) + 1, data: { temperature: 99.9 } });
  refresh();
});

// The seed's Basic Usage, exactly: one broadcast on load.
nodeA.broadcast({ temperature: 23.5, unit: 'celsius' });
refresh();
