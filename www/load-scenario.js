// Loading a scenario of the user's own: the Load scenario button's file picker, or a JSON file
// dropped on the network view. A refused file is named with its problem and the run plays on; an
// accepted one is offered in the scenario select and played.
import { FILE_KEY, loadedLink, setLoaded } from './scenarios.js';
import { MAX_LINK_CHARS, readScenario, sizeProblem } from './scenario-file.js';
import { clip } from './link.js';
import { readSettings, showLink } from './controls.js';
import { $ } from './dom.js';

/** Makes `scenario` (one the package accepts) the loaded one, offered in the scenario select as "Loaded: <name>". */
export function offerLoaded(scenario, name) {
  setLoaded(scenario);
  const option = new Option(`Loaded: ${clip(name)}`, FILE_KEY);
  const shown = [...$('scenario').options].find((o) => o.value === FILE_KEY);
  if (shown === undefined) $('scenario').append(option);
  else shown.replaceWith(option);
}

/** Connects the Load scenario button and files dropped on the network view to `player`; `view` shows refusals. */
export function bindLoading(player, view) {
  const input = $('load-file');
  const load = (file) => loadFile(file, player, view);
  $('load-scenario').addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    const [file] = input.files;
    input.value = '';
    if (file !== undefined) load(file);
  });
  bindDrop(document.querySelector('main.stage'), load);
}

/** Reads `file` and plays it on `player`, or tells on `view` why it was refused and leaves the run as it is. */
async function loadFile(file, player, view) {
  const name = clip(file.name);
  const tooBig = sizeProblem(file.size);
  const { scenario, problem } = tooBig === undefined ? readScenario(await file.text()) : { problem: tooBig };
  if (problem !== undefined) {
    view.showError(`Not loaded: ${name}: ${clip(problem, 160)}. The run plays on.`);
    return;
  }
  offerLoaded(scenario, file.name);
  showLink(FILE_KEY, {});
  await player.restart(FILE_KEY, readSettings());
  if (loadedLink() === undefined) view.showError(`${name} plays, but it is too big to share as a link (more than ${MAX_LINK_CHARS / 1024} KiB encoded): the link leaves it out.`);
}

/** Shows the drop hint over `area` while a file is dragged over it, and hands a dropped one to `load`. */
function bindDrop(area, load) {
  const hint = $('drop-hint');
  const carriesFiles = (event) => event.dataTransfer?.types.includes('Files') ?? false;
  area.addEventListener('dragenter', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    hint.hidden = false;
  });
  area.addEventListener('dragover', (event) => carriesFiles(event) && event.preventDefault());
  area.addEventListener('dragleave', (event) => {
    if (!area.contains(event.relatedTarget)) hint.hidden = true;
  });
  area.addEventListener('drop', (event) => {
    hint.hidden = true;
    if (!carriesFiles(event)) return;
    event.preventDefault();
    const [file] = event.dataTransfer.files;
    if (file !== undefined) load(file);
  });
}
