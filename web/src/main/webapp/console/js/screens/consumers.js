// The running instances seen in one environment: which release each runs, and when it was last seen.
import { h, table, empty, when, badge } from '../dom.js';
import { all, paths } from '../api.js';
import { loadApplication, breadcrumb, envNav, pick } from './common.js';

export async function consumersScreen(app, envSlug) {
  const { environments } = await loadApplication(app);
  pick(environments, envSlug);
  const consumers = await all(`${paths.env(app, envSlug)}/consumers`);
  return h(
    'div',
    {},
    breadcrumb(app, envSlug, 'consumers'),
    h('h1', {}, `Consumers of ${app} in ${envSlug}`),
    envNav(app, environments, envSlug, 'consumers'),
    consumers.length === 0
      ? empty('No instance has fetched this environment’s configuration yet.')
      : table(
          'Instances, by last contact',
          ['Instance', 'Release', 'Last seen'],
          consumers.map((c) => [h('code', {}, c.instance), [`#${c.releaseNumber}`, c.current ? badge('current', 'current') : badge('behind', 'high')], when(c.lastSeenAt)]),
          { test: 'consumers' },
        ),
  );
}
