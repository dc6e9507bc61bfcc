// An application's webhooks: register one (its signing secret is shown once), remove one, and see
// each webhook's deliveries.
import { h, field, form, table, empty, when, badge, text, deferred, confirmButton } from '../dom.js';
import { get, post, del, paths, seg } from '../api.js';
import { can } from '../session.js';
import { announce, refresh } from '../navigation.js';
import { breadcrumb, onceBox } from './common.js';

export async function webhooksScreen(app) {
  await get(paths.app(app));
  const hooks = await get(`${paths.app(app)}/webhooks`);
  const managing = can('manage', app);
  const created = h('div', { 'aria-live': 'polite' });
  return h(
    'div',
    {},
    breadcrumb(app, null, 'webhooks'),
    h('h1', {}, `Webhooks of ${app}`),
    created,
    hooks.length === 0
      ? empty('No webhooks: nothing is told about findings, rotations or releases.')
      : hooks.map((hook) =>
          h(
            'section',
            { class: 'card', 'aria-label': `Webhook ${hook.url}` },
            h('h2', {}, h('code', {}, hook.url)),
            h('p', { class: 'muted' }, 'Registered ', when(hook.createdAt), ` by ${hook.createdBy || '—'}`),
            managing
              ? confirmButton('Remove webhook', 'Confirm: remove it', async () => {
                  await del(`${paths.app(app)}/webhooks/${seg(hook.id)}`);
                  announce('Webhook removed.');
                  refresh();
                })
              : null,
            h('details', {}, h('summary', {}, 'Deliveries'), deferred(() => deliveries(app, hook), 'Loading deliveries')),
          ),
        ),
    managing ? createForm(app, created) : null,
  );
}

async function deliveries(app, hook) {
  const items = await get(`${paths.app(app)}/webhooks/${seg(hook.id)}/deliveries?limit=50`);
  if (items.length === 0) return empty('Nothing delivered yet.');
  return table(
    'The latest deliveries',
    ['Event', 'Status', 'Attempts', 'Last attempt', 'Response', 'Next attempt'],
    items.map((d) => [d.event, badge(d.status, d.status), d.attempts, when(d.lastAttemptAt), text(d.lastResponseStatus ?? d.lastError ?? d.lastOutcome), when(d.nextAttemptAt)]),
  );
}

function createForm(app, created) {
  const url = h('input', { type: 'url', autocomplete: 'off', test: 'webhook-url' });
  return h(
    'section',
    { 'aria-labelledby': 'new-webhook' },
    h('h2', { id: 'new-webhook' }, 'Register a webhook'),
    form(
      { 'aria-labelledby': 'new-webhook' },
      [field('URL', url, { name: 'url', hint: 'https; payloads are signed with the secret shown once' }), h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Register'))],
      async () => {
        const made = await post(`${paths.app(app)}/webhooks`, { url: url.value.trim() });
        url.value = '';
        created.replaceChildren(onceBox('Signing secret of the new webhook (shown once)', made.secret, refresh));
      },
    ),
  );
}
