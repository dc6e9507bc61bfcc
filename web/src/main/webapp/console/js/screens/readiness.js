// Readiness of one environment: each finding with its severity, rule, key, message and remediation;
// suppress a finding with a reason and an expiry, and lift a suppression.
import { h, field, form, table, empty, when, badge, actionButton } from '../dom.js';
import { get, post, del, paths, seg } from '../api.js';
import { can } from '../session.js';
import { announce, refresh } from '../navigation.js';
import { loadApplication, breadcrumb, envNav, pick } from './common.js';

export async function readinessScreen(app, envSlug) {
  const { environments } = await loadApplication(app);
  const env = pick(environments, envSlug);
  const base = `${paths.env(app, envSlug)}/readiness`;
  const report = await get(base);
  const editable = can('write', app, env);
  const findings = report.findings || [];
  return h(
    'div',
    {},
    breadcrumb(app, envSlug, 'readiness'),
    h('h1', {}, `Readiness of ${app} in ${envSlug}`),
    envNav(app, environments, envSlug, 'readiness'),
    h('p', { test: 'readiness-status' }, 'Status: ', badge(report.status, report.status)),
    findings.length === 0
      ? empty('No findings: every rule passes in this environment.')
      : table(
          'Findings',
          ['Severity', 'Rule', 'Key', 'Finding', 'Remediation', 'First seen', editable ? 'Suppress' : 'Suppressed'],
          findings.map((f) => [
            badge(f.severity, f.severity),
            h('code', {}, f.rule),
            f.key ? h('code', {}, f.key) : '—',
            f.message,
            f.remediation,
            when(f.firstSeenAt),
            f.suppressed ? `suppressed until ${new Date(f.suppressed.expiresAt).toLocaleString()}` : editable ? suppressForm(base, f) : 'no',
          ]),
          { test: 'findings' },
        ),
    h('h2', {}, 'Suppressions'),
    (report.suppressions || []).length === 0
      ? empty('No suppressions.')
      : table(
          'Suppressions',
          ['Rule', 'Key', 'Reason', 'Expires', 'By', editable ? 'Action' : ''],
          report.suppressions.map((s) => [
            h('code', {}, s.rule),
            s.key ? h('code', {}, s.key) : '—',
            s.reason,
            when(s.expiresAt),
            s.createdBy || '—',
            editable
              ? actionButton(
                  'Unsuppress',
                  async () => {
                    await del(`${base}/suppressions/${seg(s.id)}`);
                    announce(`Suppression of ${s.rule} lifted.`);
                    refresh();
                  },
                  { class: 'secondary', test: `unsuppress-${s.rule}`, 'aria-label': `Unsuppress ${s.rule}${s.key ? ` on ${s.key}` : ''}` },
                )
              : '',
          ]),
          { test: 'suppressions' },
        ),
  );
}

function suppressForm(base, finding) {
  const reason = h('input', { autocomplete: 'off' });
  const days = h('select', {}, [1, 7, 30, 90].map((d) => h('option', { value: d, selected: d === 7 }, `${d} days`)));
  const label = `${finding.rule}${finding.key ? ` on ${finding.key}` : ''}`;
  return form(
    { 'aria-label': `Suppress ${label}`, test: `suppress-${finding.rule}` },
    [
      field('Reason', reason, { name: 'reason' }),
      field('For', days, { name: 'expiresAt' }),
      h('button', { type: 'submit', class: 'secondary' }, 'Suppress'),
    ],
    async () => {
      const expiresAt = new Date(Date.now() + Number(days.value) * 86400000).toISOString();
      await post(`${base}/suppressions`, { rule: finding.rule, key: finding.key || null, reason: reason.value.trim(), expiresAt });
      announce(`Finding ${label} suppressed.`);
      refresh();
    },
  );
}
