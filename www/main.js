// The demo page: binds its tabs and dialogs, loads the wasm package once, then starts the Basic
// Usage example and the scenario player, the attack lab and the Experiments tab.
import init from 'data-mesh';
import { bindTabs } from './tabs.js';
import { bindDialog } from './dialogs.js';

for (const tablist of document.querySelectorAll('[role="tablist"]')) bindTabs(tablist);
bindDialog('open-basic-usage', 'basic-usage');
bindDialog('open-help', 'help');
await init();
await import('./basic-usage.js');
await import('./player.js');
await import('./attack-lab.js');
await import('./experiment-tab.js');
document.body.dataset.ready = 'true';
