// The audit trail with its filters (application, environment, actor, action, outcome, time range),
// paged with "Load more", and the "Verify chain" check of the hash chain.
import { h, field, form, table, empty, when, badge, text, actionButton, errorBox } from '../dom.js';
import { get } from '../api.js';

const FILTERS = ['application', 'environment', 'actor', 'action', 'outcome', 'from', 'to'];

export async function auditScreen() {
  const inputs = {
    application: h('input', { autocomplete: 'off', test: 'audit-application' }),
    environment: h('input', { autocomplete: 'off' }),
    actor: h('input', { autocomplete: 'off' }),
    action: h('input', { autocomplete: 'off', test: 'audit-action', placeholder: 'e.g. secret.reveal' }),
    outcome: h('select', {}, ['', 'success', 'denied', 'failed'].map((o) => h('option', { value: o }, o || 'any'))),
    from: h('input', { type: 'datetime-local' }),
    to: h('input', { type: 'datetime-local' }),
  };
  const labels = { application: 'Application', environment: 'Environment', actor: 'Actor', action: 'Action', outcome: 'Outcome', from: 'From', to: 'To' };
  const results = h('div', { test: 'audit-results', 'aria-live': 'polite' });
  const verdict = h('div', { 'aria-live': 'polite', test: 'verify-result' });
  const query = () => {
    const params = new URLSearchParams();
    for (const name of FILTERS) {
      const raw = inputs[name].value.trim();
      if (!raw) continue;
      params.set(name, name === 'from' || name === 'to' ? new Date(raw).toISOString() : raw);
    }
    return params;
  };
  const load = async () => {
    const params = query();
    params.set('limit', '50');
    const first = await get(`/audit?${params}`);
    results.replaceChildren(resultTable(first, params));
  };
  await load().catch((error) => results.replaceChildren(errorBox(error)));
  return h(
    'div',
    {},
    h('h1', {}, 'Audit trail'),
    h(
      'div',
      { class: 'actions' },
      actionButton(
        'Verify chain',
        async () => {
          const v = await get('/audit/verify');
          verdict.replaceChildren(
            h(
              'p',
              { class: v.ok ? 'flash' : 'state error', role: v.ok ? 'status' : 'alert' },
              v.ok
                ? `The chain is intact: ${v.checked} events checked.`
                : `The chain is broken at event ${v.firstBrokenSequence} (${v.checked} events checked).`,
            ),
          );
        },
        { test: 'verify-chain' },
      ),
    ),
    verdict,
    form(
      { 'aria-label': 'Filter the audit trail', test: 'audit-filter' },
      [h('div', { class: 'form-row' }, FILTERS.map((name) => field(labels[name], inputs[name], { name }))), h('div', { class: 'actions' }, h('button', { type: 'submit', test: 'audit-apply' }, 'Apply filters'))],
      load,
    ),
    results,
  );
}

function rows(events) {
  return events.map((e) => [
    e.sequence,
    when(e.at),
    e.actor,
    h('code', {}, e.action),
    target(e.target),
    badge(e.outcome, e.outcome),
    text(e.detail),
    h('code', {}, e.requestId || '—'),
  ]);
}

function target(t) {
  if (!t) return '—';
  return [t.application, t.environment, t.key].filter(Boolean).join('/') + (t.version ? ` v${t.version}` : '');
}

function resultTable(page, params) {
  if ((page.items || []).length === 0) return empty('No event matches these filters.');
  const tbl = table('Events, newest first', ['#', 'At', 'Actor', 'Action', 'Target', 'Outcome', 'Detail', 'Request id'], rows(page.items), { test: 'audit-events' });
  const box = h('div', {}, tbl);
  let cursor = page.nextCursor;
  if (cursor) {
    const more = actionButton(
      'Load more',
      async () => {
        params.set('cursor', cursor);
        const next = await get(`/audit?${params}`);
        const body = tbl.tBodies[0];
        for (const cells of rows(next.items || [])) body.append(h('tr', {}, cells.map((c) => h('td', {}, c))));
        cursor = next.nextCursor;
        if (!cursor) more.remove();
      },
      { class: 'secondary' },
    );
    box.append(h('div', { class: 'actions' }, more));
  }
  return box;
}
