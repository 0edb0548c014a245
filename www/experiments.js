// The experiments page: runs the "gossip under loss" study on a pool of Web Workers with a
// progress bar, then plots missing values against loss (per fanout) and their distribution.
import init from 'data-mesh';
import study from '../examples/experiments/loss-sweep.json';
import { $ } from './dom.js';
import { bindExperiment } from './experiment-runner.js';

await init();
$('study-description').textContent = study.scenario.description;
bindExperiment('', () => ({ experiment: study, path: 'options.links.loss', measure: 'broadcast.missing' }), () => ({ width: 640, height: 300 }));
document.body.dataset.ready = 'true';
