// The demo page: loads the wasm package once, then starts the Basic Usage example and the
// scenario player and the attack lab.
import init from 'data-mesh';

await init();
await import('./basic-usage.js');
await import('./player.js');
await import('./attack-lab.js');
document.body.dataset.ready = 'true';
