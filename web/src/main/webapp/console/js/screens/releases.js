// Releases of one environment: history, what changed since the last release (the working state
// against it), the diff of any two releases, publishing with the readiness gate's findings shown
// (and an override reason when critical findings block production), and rollback.
import { h, field, form, table, empty, when, badge, text, deferred, confirmButton } from '../dom.js';
import { all, get, post, paths } from '../api.js';
import { can } from '../session.js';
import { announce, refresh } from '../navigation.js';
import { loadApplication, breadcrumb, envNav, pick } from './common.js';

export async function releasesScreen(app, envSlug) {
  const { environments } = await loadApplication(app);
  const env = pick(environments, envSlug);
  const base = paths.env(app, envSlug);
  const releases = (await all(`${base}/releases`)).sort((a, b) => b.number - a.number);
  const publishing = can('publish', app, env);
  return h(
    'div',
    {},
    breadcrumb(app, envSlug, 'releases'),
    h('h1', {}, `Releases of ${app} in ${envSlug}`),
    envNav(app, environments, envSlug, 'releases'),
    h('h2', { id: 'pending' }, releases.length ? `Changes since release ${releases[0].number}` : 'What the first release will hold'),
    deferred(() => pendingChanges(base, releases[0]), 'Comparing the working state with the last release'),
    publishing ? publishForm(base, env) : null,
    h('h2', {}, 'History'),
    releases.length === 0 ? empty('Nothing published yet.') : history(base, releases, publishing),
    releases.length >= 2 ? compareForm(base, releases) : null,
  );
}

function history(base, releases, publishing) {
  const rows = releases.map((r, i) => [
    h('span', { test: `release-${r.number}` }, `#${r.number}`, i === 0 ? badge('current', 'current') : null),
    when(r.createdAt),
    r.createdBy || '—',
    r.rolledBackFrom ? `${text(r.message)} (content of #${r.rolledBackFrom})` : text(r.message),
    h('code', { title: r.hash }, (r.hash || '').slice(0, 12)),
    publishing && i > 0
      ? confirmButton(
          `Roll back to #${r.number}`,
          `Confirm: publish the content of #${r.number}`,
          async () => {
            const made = await post(`${base}/releases/${r.number}/rollback`, {});
            announce(`Rolled back: release ${made.number} has the content of release ${r.number}.`);
            refresh();
          },
          { test: `rollback-${r.number}`, class: 'secondary' },
        )
      : '',
  ]);
  return table('Releases, newest first', ['Number', 'Published', 'By', 'Message', 'Hash', 'Action'], rows, { test: 'releases' });
}

/** The settings' stored text, as a release holds it, for one resolved value. */
function stored(setting) {
  return setting.value === null || setting.value === undefined ? null : text(setting.value);
}

function normal(type, value) {
  if (type !== 'json' || value === null) return value;
  try {
    return JSON.stringify(JSON.parse(value));
  } catch {
    return value;
  }
}

async function pendingChanges(base, last) {
  const [settings, secrets, release] = await Promise.all([
    all(`${base}/settings`),
    all(`${base}/secrets`),
    last ? get(`${base}/releases/${last.number}`) : null,
  ]);
  const now = new Map();
  for (const s of settings) if (s.value !== null && s.value !== undefined) now.set(s.key, ['setting', normal(s.type, stored(s))]);
  for (const s of secrets) if (!s.deletedAt) now.set(s.key, ['secret', s.currentVersion]);
  const then = new Map();
  const types = new Map(settings.map((s) => [s.key, s.type]));
  for (const [key, value] of Object.entries(release?.settings || {})) then.set(key, ['setting', normal(types.get(key), value)]);
  for (const [key, version] of Object.entries(release?.secrets || {})) then.set(key, ['secret', version]);
  const diff = { added: [], removed: [], changed: [] };
  for (const [key, value] of now) {
    if (!then.has(key)) diff.added.push(key);
    else if (JSON.stringify(then.get(key)) !== JSON.stringify(value)) diff.changed.push(key);
  }
  for (const key of then.keys()) if (!now.has(key)) diff.removed.push(key);
  return diffView(diff, 'pending-diff', 'Nothing changed since the last release.');
}

/** Added, removed and changed keys (secret changes show only that the version moved). */
export function diffView(diff, test, nothing) {
  const groups = [
    ['Added', diff.added || []],
    ['Removed', diff.removed || []],
    ['Changed', diff.changed || []],
  ];
  if (groups.every(([, keys]) => keys.length === 0)) return h('div', { test }, empty(nothing));
  return h(
    'div',
    { test },
    groups.map(([label, keys]) =>
      keys.length
        ? h('section', { 'aria-label': `${label} keys` }, h('h3', {}, `${label} (${keys.length})`), h('ul', { class: 'diff-list', test: `${test}-${label.toLowerCase()}` }, keys.sort().map((k) => h('li', {}, h('code', {}, k)))))
        : null,
    ),
  );
}

function publishForm(base, env) {
  const message = h('input', { autocomplete: 'off', test: 'release-message' });
  const reason = h('textarea', { test: 'override-reason' });
  const reasonField = field('Override reason', reason, {
    name: 'overrideReason',
    hint: 'Required to publish while critical findings are open; recorded in the audit trail.',
  });
  reasonField.hidden = true;
  const findings = deferred(async () => {
    const readiness = await get(`${base}/readiness`);
    const open = (readiness.findings || []).filter((f) => !f.suppressed);
    const blocking = open.filter((f) => f.severity === 'critical');
    reasonField.hidden = !(env.production && blocking.length > 0);
    if (open.length === 0) return h('p', { test: 'publish-findings' }, badge('ready', 'ready'), ' No open readiness findings.');
    return h(
      'div',
      { test: 'publish-findings' },
      h(
        'p',
        {},
        badge(readiness.status, readiness.status),
        env.production && blocking.length
          ? ` ${blocking.length} critical finding(s) block publishing to production; fix or suppress them, or give an override reason.`
          : ' Open findings (they do not block this environment):',
      ),
      h('ul', {}, open.map((f) => h('li', {}, badge(f.severity, f.severity), ' ', h('code', {}, f.rule), f.key ? [' on ', h('code', {}, f.key)] : null, ': ', f.message, ' — ', h('em', {}, f.remediation)))),
    );
  }, 'Checking readiness');
  return h(
    'section',
    { 'aria-labelledby': 'publish-title' },
    h('h2', { id: 'publish-title' }, `Publish to ${env.slug}`),
    form(
      { 'aria-labelledby': 'publish-title', test: 'publish-form' },
      [
        findings,
        field('Message', message, { name: 'message', hint: 'what this release is for' }),
        reasonField,
        h('div', { class: 'actions' }, h('button', { type: 'submit', test: 'publish' }, 'Publish release')),
      ],
      async () => {
        const body = { message: message.value.trim() || null };
        if (!reasonField.hidden && reason.value.trim()) body.overrideReason = reason.value.trim();
        try {
          const release = await post(`${base}/releases`, body);
          announce(`Release ${release.number} published to ${env.slug}.`);
          refresh();
        } catch (error) {
          if (error.status === 422 && env.production) reasonField.hidden = false;
          throw error;
        }
      },
    ),
  );
}

function compareForm(base, releases) {
  const options = (selected) => releases.map((r) => h('option', { value: r.number, selected: r.number === selected }, `#${r.number}`));
  const from = h('select', { test: 'compare-from' }, options(releases[0].number));
  const against = h('select', { test: 'compare-against' }, options(releases[1].number));
  const result = h('div', { 'aria-live': 'polite' });
  return h(
    'section',
    { 'aria-labelledby': 'compare-title' },
    h('h2', { id: 'compare-title' }, 'Compare two releases'),
    form(
      { 'aria-labelledby': 'compare-title', test: 'compare-form' },
      [
        h('div', { class: 'form-row' }, field('Release', from, { name: 'number' }), field('Against', against, { name: 'against' }), h('div', { class: 'actions' }, h('button', { type: 'submit', test: 'compare' }, 'Compare'))),
        result,
      ],
      async () => {
        const diff = await get(`${base}/releases/${from.value}/diff?against=${against.value}`);
        result.replaceChildren(h('h3', {}, `Release #${diff.number} against #${diff.against}`), diffView(diff, 'release-diff', 'The two releases hold the same content.'));
      },
    ),
  );
}
