// The application page: the environment matrix (keys as rows, environments as columns, each cell
// the resolved value and its source, secrets masked), drift and "required but missing in
// production" marked, and a search over keys and values. Every environment's settings and secrets
// are fetched in parallel and the table is built once, in a DocumentFragment.
import { h, field, empty, badge, text } from '../dom.js';
import { all, paths } from '../api.js';
import { can } from '../session.js';
import { loadApplication, breadcrumb } from './common.js';

export async function matrixScreen(app) {
  performance.mark('setpoint:matrix-requested');
  const { application, environments } = await loadApplication(app);
  const columns = await Promise.all(
    environments.map(async (env) => {
      const [settings, secrets] = await Promise.all([
        all(`${paths.env(app, env.slug)}/settings`),
        can('read', app, env) ? all(`${paths.env(app, env.slug)}/secrets`) : [],
      ]);
      return {
        env,
        settings: new Map(settings.map((s) => [s.key, s])),
        secrets: new Map(secrets.filter((s) => !s.deletedAt).map((s) => [s.key, s])),
      };
    }),
  );
  performance.mark('setpoint:matrix-data');
  const keys = [...new Set(columns.flatMap((c) => [...c.settings.keys(), ...c.secrets.keys()]))].sort();
  const writable = can('write', app);
  return h(
    'div',
    {},
    breadcrumb(app),
    h('h1', {}, application.name, ' ', h('span', { class: 'muted' }, `(${app})`)),
    application.description ? h('p', {}, application.description) : null,
    environmentLinks(app, environments),
    h(
      'div',
      { class: 'actions' },
      writable ? h('a', { class: 'button', href: `#/apps/${app}/settings/new`, test: 'add-setting' }, 'Add a setting') : null,
      h('a', { href: `#/apps/${app}/webhooks` }, 'Webhooks'),
    ),
    h('h2', { id: 'matrix-title' }, 'Settings across environments'),
    keys.length === 0 ? empty(writable ? 'No settings or secrets yet: add the first setting.' : 'No settings or secrets yet.') : matrix(app, columns, keys),
  );
}

function environmentLinks(app, environments) {
  return h(
    'nav',
    { 'aria-label': 'Environments' },
    h(
      'ul',
      { class: 'subnav-list' },
      environments.map((env) =>
        h(
          'li',
          {},
          h('strong', {}, env.slug),
          env.production ? badge('production', 'attention') : null,
          ': ',
          h('a', { href: `#/apps/${app}/envs/${env.slug}/secrets`, 'aria-label': `Secrets of ${env.slug}` }, 'secrets'),
          ' · ',
          h('a', { href: `#/apps/${app}/envs/${env.slug}/releases`, 'aria-label': `Releases of ${env.slug}`, test: `releases-${env.slug}` }, 'releases'),
          ' · ',
          h('a', { href: `#/apps/${app}/envs/${env.slug}/readiness`, 'aria-label': `Readiness of ${env.slug}` }, 'readiness'),
          ' · ',
          h('a', { href: `#/apps/${app}/envs/${env.slug}/consumers`, 'aria-label': `Consumers of ${env.slug}` }, 'consumers'),
        ),
      ),
    ),
  );
}

function matrix(app, columns, keys) {
  const body = document.createDocumentFragment();
  let drifting = 0;
  let missing = 0;
  for (const key of keys) {
    const row = buildRow(app, columns, key);
    drifting += row.classList.contains('drift') ? 1 : 0;
    missing += row.querySelectorAll('td.missing').length;
    body.append(row);
  }
  const tbody = h('tbody', {});
  tbody.append(body);
  const table = h(
    'table',
    { class: 'matrix', test: 'matrix', 'aria-labelledby': 'matrix-title', 'aria-describedby': 'matrix-summary' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'Key'),
        columns.map((c) => h('th', { scope: 'col', 'data-env': c.env.slug }, c.env.slug, c.env.production ? badge('production', 'attention') : null)),
      ),
    ),
    tbody,
  );
  const rows = [...tbody.rows];
  const summary = h(
    'p',
    { id: 'matrix-summary', class: 'muted', role: 'status', test: 'matrix-summary' },
    summaryText(keys.length, keys.length, columns.length, drifting, missing),
  );
  const search = h('input', { type: 'search', test: 'matrix-search', placeholder: 'key or value' });
  search.addEventListener('input', () => {
    const term = search.value.trim().toLowerCase();
    let shown = 0;
    for (const row of rows) {
      row.hidden = term !== '' && !row.dataset.haystack.includes(term);
      if (!row.hidden) shown += 1;
    }
    summary.textContent = summaryText(shown, keys.length, columns.length, drifting, missing);
  });
  markPainted(table, keys.length, columns.length);
  return h(
    'div',
    {},
    h('div', { class: 'matrix-tools' }, field('Search keys and values', search, { hint: 'matches inside JSON values too' })),
    summary,
    table,
  );
}

function summaryText(shown, total, environments, drifting, missing) {
  const keys = shown === total ? `${total} keys` : `${shown} of ${total} keys`;
  return `${keys} × ${environments} environments; ${drifting} drifting between environments, ${missing} required but missing in production.`;
}

function buildRow(app, columns, key) {
  const cells = [];
  const seen = new Set();
  const haystack = [key.toLowerCase()];
  let secretCount = 0;
  for (const column of columns) {
    const setting = column.settings.get(key);
    const secret = column.secrets.get(key);
    if (secret) {
      secretCount += 1;
      cells.push(
        h(
          'td',
          { class: 'secret' },
          h('a', { href: `#/apps/${app}/envs/${column.env.slug}/secrets/${key}`, 'aria-label': `Secret ${key} in ${column.env.slug}, version ${secret.currentVersion}` }, h('span', { class: 'value' }, '••••••')),
          h('span', { class: 'source' }, `secret v${secret.currentVersion}`),
        ),
      );
      seen.add(`secret:${secret.currentVersion > 0}`);
    } else if (setting) {
      const value = text(setting.value);
      seen.add(`setting:${value}`);
      haystack.push(value.toLowerCase());
      const absent = setting.value === null || setting.value === undefined;
      const missing = absent && setting.required && column.env.production;
      cells.push(
        h(
          'td',
          { class: missing ? 'missing' : null, test: missing ? 'missing' : null },
          h('span', { class: 'value' }, missing ? 'missing' : value),
          h('span', { class: 'source' }, missing ? 'required in production' : setting.source === 'environment' ? 'override' : 'default'),
        ),
      );
    } else {
      seen.add('absent');
      cells.push(h('td', {}, h('span', { class: 'muted' }, 'not set')));
    }
  }
  const drift = seen.size > 1;
  const row = h(
    'tr',
    { class: drift ? 'drift' : null, test: `row-${key}` },
    h(
      'th',
      { scope: 'row' },
      secretCount === 0 ? h('a', { href: `#/apps/${app}/settings/${key}`, class: 'value' }, key) : h('span', { class: 'value' }, key),
      drift ? badge('drift', 'drift') : null,
      secretCount > 0 ? badge('secret') : null,
    ),
    cells,
  );
  row.dataset.haystack = haystack.join('\n');
  return row;
}

/** Marks the first paint of the matrix for the performance test: two frames after it is attached. */
function markPainted(table, keys, environments) {
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      if (!table.isConnected) return;
      performance.mark('setpoint:matrix-painted', { detail: { keys, environments } });
      table.dataset.state = 'painted';
    }),
  );
}
