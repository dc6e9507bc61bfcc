// Secrets of one environment: metadata only in lists; write, rotate, delete and recover; a value is
// shown only after an explicit Reveal (audited by the API) and hidden again after 30 seconds.
import { h, field, form, table, empty, when, badge, confirmButton, actionButton } from '../dom.js';
import { all, get, put, post, del, paths, seg } from '../api.js';
import { can } from '../session.js';
import { announce, go, refresh } from '../navigation.js';
import { loadApplication, breadcrumb, envNav, pick } from './common.js';

const REVEAL_SECONDS = 30;

export async function secretsScreen(app, envSlug) {
  const { environments } = await loadApplication(app);
  const env = pick(environments, envSlug);
  const secrets = await all(`${paths.env(app, envSlug)}/secrets`);
  const rows = secrets.map((s) => [
    h('a', { href: `#/apps/${app}/envs/${envSlug}/secrets/${s.key}`, class: 'value' }, s.key),
    s.deletedAt ? badge('deleted', 'failed') : `v${s.currentVersion}`,
    s.rotationDays ? `${s.rotationDays} days` : '—',
    s.rotationDue ? badge('rotation due', 'high') : 'no',
    when(s.updatedAt),
  ]);
  return h(
    'div',
    {},
    breadcrumb(app, envSlug, 'secrets'),
    h('h1', {}, `Secrets of ${app} in ${envSlug}`),
    envNav(app, environments, envSlug, 'secrets'),
    secrets.length === 0
      ? empty('No secrets in this environment yet.')
      : table(`Secrets of ${envSlug} (values are never listed)`, ['Key', 'Current version', 'Rotation policy', 'Rotation due', 'Updated'], rows, { test: 'secrets' }),
    can('write', app, env) ? writeForm(app, envSlug) : null,
  );
}

function writeForm(app, env) {
  const key = h('input', { autocomplete: 'off', test: 'secret-key' });
  const value = h('input', { type: 'password', autocomplete: 'new-password', test: 'secret-value' });
  const rotation = h('input', { inputmode: 'numeric', autocomplete: 'off' });
  return h(
    'section',
    { 'aria-labelledby': 'write-secret' },
    h('h2', { id: 'write-secret' }, 'Write a secret'),
    form(
      { 'aria-labelledby': 'write-secret', test: 'secret-form' },
      [
        h(
          'div',
          { class: 'form-row' },
          field('Key', key, { name: 'key' }),
          field('Value', value, { name: 'value', hint: 'write-only: it is never shown again unless revealed' }),
          field('Rotate every (days)', rotation, { name: 'rotationDays', hint: 'optional, e.g. 90' }),
        ),
        h('div', { class: 'actions' }, h('button', { type: 'submit', test: 'save-secret' }, 'Save secret')),
      ],
      async () => {
        const body = { value: value.value };
        const days = rotation.value.trim();
        if (days) body.rotationDays = /^\d+$/.test(days) ? Number(days) : days;
        const name = key.value.trim();
        if (!name) throw { problem: { title: 'Request validation failed', detail: 'The key is missing.', errors: [{ field: 'key', message: 'must not be empty' }] } };
        await put(`${paths.env(app, env)}/secrets/${seg(name)}`, body);
        value.value = '';
        announce(`Secret ${name} saved.`);
        go(`#/apps/${app}/envs/${env}/secrets/${name}`);
      },
    ),
  );
}

export async function secretScreen(app, envSlug, key) {
  const { environments } = await loadApplication(app);
  const env = pick(environments, envSlug);
  const path = `${paths.env(app, envSlug)}/secrets/${seg(key)}`;
  const secret = await get(path);
  const deleted = Boolean(secret.deletedAt);
  return h(
    'div',
    {},
    breadcrumb(app, envSlug, key),
    h('h1', {}, `Secret ${key} in ${envSlug}`),
    envNav(app, environments, envSlug, 'secrets'),
    h(
      'dl',
      { test: 'secret-metadata' },
      h('dt', {}, 'Current version'),
      h('dd', {}, deleted ? badge('deleted', 'failed') : `v${secret.currentVersion}`),
      h('dt', {}, 'Rotation policy'),
      h('dd', {}, secret.rotationDays ? `every ${secret.rotationDays} days` : 'none'),
      h('dt', {}, 'Rotation due'),
      h('dd', {}, secret.rotationDue ? badge('due', 'high') : when(secret.rotationDueAt)),
      deleted ? [h('dt', {}, 'Recoverable until'), h('dd', {}, when(secret.recoverableUntil))] : null,
    ),
    deleted ? null : can('reveal', app, env) ? revealPanel(path, key) : null,
    h('h2', {}, 'Versions'),
    table(
      `Versions of ${key}`,
      ['Version', 'State', 'Created', 'By', 'Valid until'],
      (secret.versions || []).map((v) => [`v${v.version}`, badge(v.state, v.state), when(v.createdAt), v.createdBy || '—', when(v.validUntil)]),
      { test: 'versions' },
    ),
    can('write', app, env) ? changes(app, envSlug, path, key, deleted) : null,
  );
}

function revealPanel(path, key) {
  const output = h('div', { class: 'revealed', test: 'revealed', hidden: true });
  let timer = null;
  const hide = () => {
    clearInterval(timer);
    timer = null;
    output.replaceChildren();
    output.hidden = true;
  };
  const reveal = actionButton(
    'Reveal value',
    async () => {
      const revealed = await post(`${path}/reveal`);
      let left = REVEAL_SECONDS;
      const countdown = h('span', { class: 'muted-inline', test: 'reveal-countdown' }, `hides in ${left} s`);
      output.replaceChildren(
        h('span', {}, `v${revealed.version}: `),
        h('code', { class: 'value', test: 'revealed-value' }, revealed.value),
        countdown,
        h('button', { type: 'button', class: 'secondary', onclick: hide, test: 'hide-value' }, 'Hide'),
      );
      output.hidden = false;
      clearInterval(timer);
      timer = setInterval(() => {
        left -= 1;
        if (left <= 0 || !output.isConnected) hide();
        else countdown.textContent = `hides in ${left} s`;
      }, 1000);
    },
    { test: 'reveal', 'aria-describedby': 'reveal-note' },
  );
  return h(
    'section',
    { 'aria-labelledby': 'reveal-title' },
    h('h2', { id: 'reveal-title' }, 'Value'),
    h('p', { id: 'reveal-note', class: 'muted' }, `Revealing ${key} is recorded in the audit trail; the value hides after ${REVEAL_SECONDS} seconds.`),
    h('div', { class: 'actions' }, reveal),
    h('div', { 'aria-live': 'polite' }, output),
  );
}

function changes(app, env, path, key, deleted) {
  if (deleted) {
    return h(
      'div',
      { class: 'actions' },
      actionButton(
        'Recover secret',
        async () => {
          await post(`${path}/recover`);
          announce(`Secret ${key} recovered.`);
          refresh();
        },
        { test: 'recover' },
      ),
    );
  }
  const value = h('input', { type: 'password', autocomplete: 'new-password', test: 'rotate-value' });
  return h(
    'section',
    { 'aria-labelledby': 'rotate-title' },
    h('h2', { id: 'rotate-title' }, 'Rotate or delete'),
    form(
      { 'aria-labelledby': 'rotate-title', test: 'rotate-form' },
      [
        field('New value', value, { name: 'value', hint: 'the previous version stays valid for the grace period' }),
        h(
          'div',
          { class: 'actions' },
          h('button', { type: 'submit', test: 'rotate' }, 'Rotate'),
          confirmButton(
            'Delete secret',
            'Confirm: delete (recoverable for a while)',
            async () => {
              await del(path);
              announce(`Secret ${key} deleted; it can be recovered for a while.`);
              refresh();
            },
            { test: 'delete-secret' },
          ),
        ),
      ],
      async () => {
        await post(`${path}/rotate`, { value: value.value });
        value.value = '';
        announce(`Secret ${key} rotated.`);
        refresh();
      },
    ),
  );
}
