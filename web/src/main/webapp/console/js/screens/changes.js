// Change requests of one environment: the list with their status, and one request with its
// changes, the diff against the environment now, the readiness of the result, approvals and
// comments; approve, reject, apply and withdraw (docs/change-control.md).
import { h, table, empty, when, badge, actionButton, text } from '../dom.js';
import { get, post, all, paths, seg } from '../api.js';
import { can } from '../session.js';
import { announce, refresh, go } from '../navigation.js';
import { loadApplication, breadcrumb, envNav, pick } from './common.js';

export async function changesScreen(app, envSlug) {
  const { environments } = await loadApplication(app);
  const base = `${paths.env(app, envSlug)}/change-requests`;
  const [policy, requests] = await Promise.all([get(`${paths.env(app, envSlug)}/policy`), all(base)]);
  return h(
    'div',
    {},
    breadcrumb(app, envSlug, 'change requests'),
    h('h1', {}, `Change requests of ${app} in ${envSlug}`),
    envNav(app, environments, envSlug, 'changes'),
    h(
      'p',
      { test: 'review-policy' },
      policy.approvals === 0
        ? 'No review: writes go straight through.'
        : `Changes need ${policy.approvals} approval${policy.approvals === 1 ? '' : 's'}` +
            (policy.approvers && policy.approvers.role ? ` by a ${policy.approvers.role}` : '') +
            (policy.approvers && policy.approvers.principals ? ` or ${policy.approvers.principals.join(', ')}` : '') +
            '.',
    ),
    requests.length === 0
      ? empty('No change requests.')
      : table(
          'Change requests',
          ['Number', 'Status', 'Author', 'Message', 'Approvals', 'Updated'],
          requests.map((r) => [
            h('a', { href: `#/apps/${app}/envs/${envSlug}/changes/${r.number}`, test: `change-${r.number}` }, `#${r.number}`),
            badge(r.status, r.status),
            r.author,
            r.message || '—',
            `${(r.approvals || []).length} of ${r.approvalsRequired}`,
            when(r.updatedAt),
          ]),
          { test: 'change-requests' },
        ),
  );
}

export async function changeScreen(app, envSlug, number) {
  const { environments } = await loadApplication(app);
  const env = pick(environments, envSlug);
  const path = `${paths.env(app, envSlug)}/change-requests/${seg(number)}`;
  const request = await get(path);
  const writable = can('write', app, env) && (request.status === 'open' || request.status === 'approved');
  const step = (label, action, done) =>
    actionButton(
      label,
      async () => {
        await post(`${path}/${action}`);
        announce(`Change request ${number} ${done}.`);
        refresh();
      },
      { class: action === 'apply' || action === 'approve' ? '' : 'secondary', test: `change-${action}` },
    );
  const readiness = request.readiness || { ready: true, findings: [] };
  return h(
    'div',
    {},
    breadcrumb(app, envSlug, `change request ${number}`),
    h('h1', {}, `Change request ${number}`),
    h('p', {}, h('a', { href: `#/apps/${app}/envs/${envSlug}/changes` }, 'All change requests')),
    h('p', { test: 'change-status' }, 'Status: ', badge(request.status, request.status), ` — revision ${request.revision} by ${request.author}`),
    request.message ? h('p', {}, request.message) : '',
    request.promotedFrom ? h('p', {}, `Promotes ${request.promotedFrom.environment} release ${request.promotedFrom.release}.`) : '',
    table(
      'Changes against the environment now',
      ['Change', 'Key', 'Before', 'After', 'Moved since proposed'],
      (request.diff || []).map((d) => [
        h('code', {}, d.op),
        d.key ? h('code', {}, d.key) : '—',
        d.op.endsWith('secret') ? (d.currentVersion ? `version ${d.currentVersion}` : 'none') : d.op === 'publish' ? (d.release ? `release ${d.release}` : 'no release') : text(d.before),
        d.op === 'set-secret' ? 'a new version (value hidden)' : d.op === 'delete-secret' ? 'deleted' : d.op === 'publish' ? 'a new release' : text(d.after),
        d.moved ? badge('moved', 'critical') : 'no',
      ]),
      { test: 'change-diff' },
    ),
    request.kept && request.kept.length ? h('p', { test: 'change-kept' }, `Kept as they are: ${request.kept.join(', ')}`) : '',
    h('h2', {}, 'Readiness afterwards'),
    h('p', { test: 'change-readiness' }, badge(readiness.ready ? 'ready' : 'not ready', readiness.ready ? 'ready' : 'critical')),
    readiness.findings.length === 0
      ? empty('No findings after the changes.')
      : table('Findings afterwards', ['Severity', 'Rule', 'Key', 'Finding'], readiness.findings.map((f) => [badge(f.severity, f.severity), h('code', {}, f.rule), f.key || '—', f.message])),
    h('h2', {}, 'Review'),
    h('p', { test: 'change-approvals' }, `${(request.approvals || []).length} of ${request.approvalsRequired} approvals` + ((request.approvals || []).length ? `: ${request.approvals.map((a) => a.by).join(', ')}` : '')),
    (request.comments || []).length === 0 ? '' : h('ul', { test: 'change-comments' }, request.comments.map((c) => h('li', {}, `${c.by}: ${c.text} `, when(c.at)))),
    writable
      ? h(
          'p',
          { class: 'actions' },
          step('Approve', 'approve', 'approved'),
          ' ',
          step('Reject', 'reject', 'rejected'),
          ' ',
          step('Apply', 'apply', 'applied'),
          ' ',
          step('Withdraw', 'withdraw', 'withdrawn'),
        )
      : request.status === 'stale'
        ? h('p', {}, 'Stale: update it through the API or withdraw it.', ' ', actionButton('Withdraw', async () => { await post(`${path}/withdraw`); announce(`Change request ${number} withdrawn.`); go(`#/apps/${app}/envs/${envSlug}/changes`); }, { class: 'secondary', test: 'change-withdraw' }))
        : '',
  );
}
