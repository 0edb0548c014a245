// Writing the link that replays a run (link.js reads it): its scenario, settings, time and actions.
import { FILE_KEY, defaultPattern, loadedLink } from './scenarios.js';
import { DEFAULT_CHOICES } from './run-choices.js';

/**
 * Puts `run`'s scenario, settings, time and actions in the URL, and a loaded scenario itself in
 * its fragment unless it is too big for a link: the link replays this run.
 */
export function remember(run) {
  const { seed, pattern, nodes, protocol, workload } = run.settings;
  const params = new URLSearchParams({ scenario: run.key, seed: String(seed), t: String(run.time) });
  if (run.key === 'scale') params.set('nodes', String(nodes));
  const given = defaultPattern(run.key);
  if (pattern.seed !== given.seed) params.set('pattern', String(pattern.seed));
  if (pattern.phaseResetInterval !== given.phaseResetInterval) params.set('interval', String(pattern.phaseResetInterval));
  if (protocol !== DEFAULT_CHOICES.protocol) params.set('protocol', protocol);
  if (workload !== DEFAULT_CHOICES.workload) params.set('workload', workload);
  if (run.actions.length > 0) params.set('actions', JSON.stringify(run.actions));
  const file = run.key === FILE_KEY && loadedLink() !== undefined ? `#${new URLSearchParams({ file: loadedLink() })}` : '';
  history.replaceState(null, '', `?${params}${file}`);
}
