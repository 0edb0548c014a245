// The demo page: loads the wasm package once, then starts the Basic Usage example and the
// scenario player.
import init from 'data-mesh';

await init();
await import('./basic-usage.js');
await import('./player.js');
document.body.dataset.ready = 'true';
