// Administration: built-in users, role bindings, service tokens (the token shown once, with a copy
// button) and the master keys' status. Each section loads, fails and empties on its own.
import { h, field, form, table, empty, when, badge, text, deferred, confirmButton } from '../dom.js';
import { all, get, post, del, seg } from '../api.js';
import { announce, refresh } from '../navigation.js';
import { onceBox } from './common.js';

export async function adminScreen() {
  return h(
    'div',
    {},
    h('h1', {}, 'Administration'),
    section('users', 'Users', users),
    section('roles', 'Role bindings', roles),
    section('tokens', 'Service tokens', tokens),
    section('keys', 'Master keys', keys),
  );
}

function section(id, title, build) {
  return h('section', { 'aria-labelledby': `${id}-title`, test: `admin-${id}` }, h('h2', { id: `${id}-title` }, title), deferred(build, `Loading ${title.toLowerCase()}`));
}

async function users() {
  const list = await all('/users');
  const username = h('input', { autocomplete: 'off', test: 'new-user-name' });
  const password = h('input', { type: 'password', autocomplete: 'new-password', test: 'new-user-password' });
  return h(
    'div',
    {},
    list.length === 0
      ? empty('No users.')
      : table(
          'Built-in users',
          ['Username', 'Created', 'By', 'Action'],
          list.map((u) => [
            u.username,
            when(u.createdAt),
            u.createdBy || '—',
            confirmButton('Delete', `Confirm: delete ${u.username}`, async () => {
              await del(`/users/${seg(u.username)}`);
              announce(`User ${u.username} deleted.`);
              refresh();
            }, { 'aria-label': `Delete user ${u.username}` }),
          ]),
        ),
    form(
      { 'aria-label': 'Add a user' },
      [
        h('h3', {}, 'Add a user'),
        h('div', { class: 'form-row' }, field('Username', username, { name: 'username' }), field('Password', password, { name: 'password' })),
        h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Add user')),
      ],
      async () => {
        await post('/users', { username: username.value.trim(), password: password.value });
        password.value = '';
        announce(`User ${username.value.trim()} added.`);
        refresh();
      },
    ),
  );
}

async function roles() {
  const list = await all('/roles');
  const principal = h('input', { autocomplete: 'off' });
  const role = h('select', {}, ['viewer', 'editor', 'releaser', 'admin'].map((r) => h('option', { value: r }, r)));
  const application = h('input', { autocomplete: 'off', placeholder: 'empty: every application' });
  const environment = h('input', { autocomplete: 'off', placeholder: 'empty: every environment' });
  return h(
    'div',
    {},
    list.length === 0
      ? empty('No role bindings.')
      : table(
          'Who holds which role where',
          ['Principal', 'Role', 'Application', 'Environment', 'Granted', 'Action'],
          list.map((b) => [
            b.principal,
            badge(b.role),
            b.application || 'every application',
            b.environment || (b.application ? 'every environment' : '—'),
            when(b.createdAt),
            confirmButton('Remove', 'Confirm: remove', async () => {
              await del(`/roles/${seg(b.id)}`);
              announce(`Role binding of ${b.principal} removed.`);
              refresh();
            }, { 'aria-label': `Remove ${b.role} of ${b.principal}` }),
          ]),
        ),
    form(
      { 'aria-label': 'Grant a role' },
      [
        h('h3', {}, 'Grant a role'),
        h(
          'div',
          { class: 'form-row' },
          field('Principal', principal, { name: 'principal', hint: 'a username or a group' }),
          field('Role', role, { name: 'role' }),
          field('Application', application, { name: 'application' }),
          field('Environment', environment, { name: 'environment' }),
        ),
        h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Grant')),
      ],
      async () => {
        await post('/roles', {
          principal: principal.value.trim(),
          role: role.value,
          application: application.value.trim() || null,
          environment: environment.value.trim() || null,
        });
        announce(`Role ${role.value} granted to ${principal.value.trim()}.`);
        refresh();
      },
    ),
  );
}

async function tokens() {
  const list = await all('/tokens');
  const name = h('input', { autocomplete: 'off', test: 'token-name' });
  const application = h('input', { autocomplete: 'off', test: 'token-application' });
  const environments = h('input', { autocomplete: 'off', test: 'token-environments', placeholder: 'production, staging' });
  const expires = h('input', { type: 'date', test: 'token-expires' });
  const issued = h('div', { 'aria-live': 'polite' });
  return h(
    'div',
    {},
    issued,
    list.length === 0
      ? empty('No service tokens.')
      : table(
          'Service tokens (the token itself is never listed)',
          ['Name', 'Prefix', 'Application', 'Environments', 'Status', 'Expires', 'Last used', 'Action'],
          list.map((t) => [
            t.name,
            h('code', {}, t.prefix),
            t.application,
            (t.environments || []).join(', '),
            badge(t.status, t.status === 'active' ? 'ok' : 'failed'),
            when(t.expiresAt),
            when(t.lastUsedAt),
            t.status === 'active'
              ? confirmButton('Revoke', 'Confirm: revoke', async () => {
                  await del(`/tokens/${seg(t.id)}`);
                  announce(`Token ${t.name} revoked.`);
                  refresh();
                }, { 'aria-label': `Revoke token ${t.name}` })
              : '',
          ]),
          { test: 'tokens' },
        ),
    form(
      { 'aria-label': 'Issue a service token', test: 'token-form' },
      [
        h('h3', {}, 'Issue a service token'),
        h(
          'div',
          { class: 'form-row' },
          field('Name', name, { name: 'name' }),
          field('Application', application, { name: 'application' }),
          field('Environments', environments, { name: 'environments', hint: 'comma-separated' }),
          field('Expires on', expires, { name: 'expiresAt' }),
        ),
        h('div', { class: 'actions' }, h('button', { type: 'submit', test: 'issue-token' }, 'Issue token')),
      ],
      async () => {
        const body = {
          name: name.value.trim(),
          application: application.value.trim(),
          environments: environments.value.split(',').map((e) => e.trim()).filter(Boolean),
        };
        if (expires.value) body.expiresAt = new Date(`${expires.value}T00:00:00Z`).toISOString();
        const made = await post('/tokens', body);
        issued.replaceChildren(onceBox(`Token ${made.details?.name || body.name} (shown once: copy it now)`, made.token, refresh));
        announce('Token issued; copy it now, it is not shown again.');
      },
    ),
  );
}

async function keys() {
  const status = await get('/system/keys');
  const rewrap = status.rewrap;
  return h(
    'dl',
    { test: 'master-keys' },
    h('dt', {}, 'Primary key'),
    h('dd', {}, h('code', {}, text(status.primaryKeyId))),
    h('dt', {}, 'Loaded keys'),
    h('dd', {}, (status.loadedKeyIds || []).join(', ') || '—'),
    h('dt', {}, 'Keys in use by stored versions'),
    h('dd', {}, (status.keyIdsInUse || []).join(', ') || '—'),
    h('dt', {}, 'Versions not on the primary key'),
    h('dd', {}, String(status.versionsNotOnPrimary ?? '—')),
    rewrap ? [h('dt', {}, 'Re-wrap'), h('dd', {}, badge(rewrap.state), ` ${rewrap.rewrapped ?? 0} of ${rewrap.total ?? 0}`, rewrap.error ? ` — ${rewrap.error}` : '')] : null,
  );
}
