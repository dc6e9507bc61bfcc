// The applications the caller may see, with search over slug, name, owner and description; platform
// admins may register a new one.
import { h, field, form, table, empty, text } from '../dom.js';
import { all, post } from '../api.js';
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
