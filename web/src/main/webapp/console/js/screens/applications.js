// The applications the caller may see, with search over slug, name, owner and description; a search
// across every visible application's settings and secrets (GET /api/v1/search: keys and values,
// secrets by key name only); platform admins may register a new one.
import { h, field, form, table, empty, text } from '../dom.js';
import { all, get, post, seg } from '../api.js';
import { platformAdmin } from '../session.js';
import { announce, go } from '../navigation.js';

export async function applicationsScreen() {
  const apps = await all('/applications');
  const search = h('input', { type: 'search', test: 'app-search', placeholder: 'slug, name, owner…' });
  const rows = apps.map((a) => {
    const row = h(
      'tr',
      { test: `app-${a.slug}` },
      h('td', {}, h('a', { href: `#/apps/${a.slug}` }, a.slug)),
      h('td', {}, a.name),
      h('td', {}, text(a.owner)),
      h('td', {}, text(a.description)),
    );
    row.dataset.haystack = [a.slug, a.name, a.owner, a.description].filter(Boolean).join(' ').toLowerCase();
    return row;
  });
  const count = h('p', { class: 'muted', role: 'status', test: 'app-count' }, `${apps.length} applications`);
  const none = empty('No application matches.');
  none.hidden = true;
  search.addEventListener('input', () => {
    const term = search.value.trim().toLowerCase();
    let shown = 0;
    for (const row of rows) {
      row.hidden = term !== '' && !row.dataset.haystack.includes(term);
      if (!row.hidden) shown += 1;
    }
    none.hidden = shown > 0;
    count.textContent = term ? `${shown} of ${apps.length} applications` : `${apps.length} applications`;
  });
  return h(
    'div',
    {},
    h('h1', {}, 'Applications'),
    apps.length === 0
      ? empty('No applications yet, or none you may see. An admin can register one, or grant you a role on one.')
      : [
          field('Search applications', search),
          count,
          table('Applications you may see', ['Slug', 'Name', 'Owner', 'Description'], rows, { test: 'apps' }),
          none,
        ],
    apps.length === 0 ? null : searchEverywhere(),
    platformAdmin() ? createForm() : null,
  );
}

function createForm() {
  const slug = h('input', { name: 'slug', test: 'new-app-slug', autocomplete: 'off' });
  const name = h('input', { name: 'name', test: 'new-app-name', autocomplete: 'off' });
  const owner = h('input', { name: 'owner', autocomplete: 'off' });
  return h(
    'section',
    { 'aria-labelledby': 'new-app' },
    h('h2', { id: 'new-app' }, 'Register an application'),
    form(
      { 'aria-labelledby': 'new-app', test: 'new-app-form' },
      [
        h(
          'div',
          { class: 'form-row' },
          field('Slug', slug, { name: 'slug', hint: 'lower case, e.g. billing-api' }),
          field('Name', name, { name: 'name' }),
          field('Owner', owner, { name: 'owner' }),
        ),
        h('p', { class: 'muted' }, 'It starts with the environments dev, staging and production.'),
        h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Register')),
      ],
      async () => {
        await post('/applications', { slug: slug.value.trim(), name: name.value.trim(), owner: owner.value.trim() || null });
        announce(`Application ${slug.value.trim()} registered.`);
        go(`#/apps/${slug.value.trim()}`);
      },
    ),
  );
}

/** Where a hit leads: the matrix of its application, or the setting or secret itself. */
function hitLink(hit) {
  const app = `#/apps/${seg(hit.application)}`;
  if (hit.kind === 'setting') return `${app}/settings/${seg(hit.key)}`;
  if (hit.kind === 'secret') return `${app}/envs/${seg(hit.environment)}/secrets/${seg(hit.key)}`;
  return app;
}

function hitRow(hit) {
  return h(
    'tr',
    { test: `hit-${hit.kind}-${hit.application}${hit.key ? `-${hit.key}` : ''}${hit.environment ? `-${hit.environment}` : ''}` },
    h('td', {}, h('a', { href: `#/apps/${seg(hit.application)}` }, hit.application)),
    h('td', {}, hit.kind),
    h('td', {}, hit.key ? h('a', { href: hitLink(hit) }, hit.key) : text(hit.applicationName)),
    h('td', {}, text(hit.environment || (hit.kind === 'setting' ? 'default' : null))),
    h('td', {}, hit.kind === 'secret' ? 'key name (values are never searched)' : `${hit.matched}${hit.value !== undefined && hit.value !== null ? `: ${text(hit.value)}` : ''}`),
  );
}

/** One search over every application the caller may see; one page of 100 hits, then "More". */
function searchEverywhere() {
  const q = h('input', { type: 'search', name: 'q', test: 'global-search', autocomplete: 'off', minlength: 2, maxlength: 128 });
  const results = h('div', { test: 'search-results', 'aria-live': 'polite' });
  let cursor = null;
  let term = '';
  async function page(first) {
    const data = await get(`/search?q=${encodeURIComponent(term)}&limit=100${cursor ? `&cursor=${seg(cursor)}` : ''}`);
    cursor = data.nextCursor || null;
    const rows = (data.items || []).map(hitRow);
    if (first) {
      results.replaceChildren(
        rows.length === 0
          ? empty(`Nothing you may see contains “${term}”.`)
          : table(`What contains “${term}”`, ['Application', 'Kind', 'Key', 'Environment', 'Matched'], rows, { test: 'hits' }),
      );
    } else {
      results.querySelector('tbody').append(...rows);
    }
    const more = results.querySelector('[data-test="search-more"]');
    if (more) more.remove();
    if (cursor) results.append(h('button', { type: 'button', class: 'secondary', test: 'search-more', onclick: () => page(false) }, 'More results'));
  }
  return h(
    'section',
    { 'aria-labelledby': 'search-all' },
    h('h2', { id: 'search-all' }, 'Search all settings'),
    form(
      { 'aria-labelledby': 'search-all', role: 'search', test: 'global-search-form' },
      [
        field('Key, value, application', q, { name: 'q', hint: 'in every application you may see; secrets by key name only' }),
        h('div', { class: 'actions' }, h('button', { type: 'submit', test: 'global-search-go' }, 'Search')),
      ],
      async () => {
        term = q.value.trim();
        cursor = null;
        await page(true);
      },
    ),
    results,
  );
}
