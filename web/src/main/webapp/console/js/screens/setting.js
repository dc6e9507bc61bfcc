// One setting: its definition (type, default, description, required) and its override in each
// environment, with inputs that fit the type; the API validates and its messages show at the field.
import { h, field, form, empty, text, confirmButton, actionButton } from '../dom.js';
import { optional, put, del, paths, seg } from '../api.js';
import { can } from '../session.js';
import { announce, go, refresh } from '../navigation.js';
import { loadApplication, breadcrumb } from './common.js';

const TYPES = ['string', 'integer', 'boolean', 'url', 'duration', 'json'];
const HINTS = {
  string: 'any text',
  integer: 'a whole number, e.g. 42',
  boolean: 'true or false',
  url: 'an absolute URL, e.g. https://api.example.com',
  duration: 'ISO-8601, e.g. PT30S or P1D',
  json: 'any JSON value, e.g. {"retries": 3}',
};

export async function settingScreen(app, key) {
  const { environments } = await loadApplication(app);
  const definition = key ? await optional(`${paths.app(app)}/settings/${seg(key)}`) : null;
  if (key && !definition) {
    return h('div', {}, breadcrumb(app, null, key), h('h1', {}, `Setting ${key}`), empty('No such setting: it may have been removed.'));
  }
  const writable = can('write', app);
  const overrides = definition
    ? await Promise.all(environments.map((env) => optional(`${paths.env(app, env.slug)}/settings/${seg(key)}`)))
    : [];
  return h(
    'div',
    {},
    breadcrumb(app, null, key || 'new setting'),
    h('h1', {}, key ? `Setting ${key}` : 'Add a setting'),
    writable ? definitionForm(app, definition) : definitionView(definition),
    definition
      ? h(
          'section',
          { 'aria-labelledby': 'overrides' },
          h('h2', { id: 'overrides' }, 'Per-environment overrides'),
          environments.map((env, i) => overrideSection(app, env, definition, overrides[i])),
        )
      : null,
  );
}

function definitionView(definition) {
  return h(
    'dl',
    { test: 'definition' },
    h('dt', {}, 'Type'),
    h('dd', {}, definition.type),
    h('dt', {}, 'Default'),
    h('dd', { class: 'value' }, text(definition.value)),
    h('dt', {}, 'Required'),
    h('dd', {}, definition.required ? 'yes' : 'no'),
    h('dt', {}, 'Description'),
    h('dd', {}, text(definition.description)),
  );
}

/** A value input fitting `type`; `read()` gives the JSON value to send (or undefined for none). */
export function valueInput(type, value, attrs = {}) {
  let input;
  if (type === 'boolean') {
    input = h(
      'select',
      attrs,
      h('option', { value: '' }, '(no value)'),
      h('option', { value: 'true', selected: value === true }, 'true'),
      h('option', { value: 'false', selected: value === false }, 'false'),
    );
  } else if (type === 'json') {
    input = h('textarea', { ...attrs, spellcheck: 'false', value: value === null || value === undefined ? '' : JSON.stringify(value, null, 2) });
  } else {
    input = h('input', {
      ...attrs,
      autocomplete: 'off',
      inputmode: type === 'integer' ? 'numeric' : null,
      type: type === 'url' ? 'url' : 'text',
      value: value === null || value === undefined ? '' : String(value),
    });
  }
  input.read = () => read(type, input.value);
  return input;
}

function read(type, raw) {
  if (raw.trim() === '') return undefined;
  if (type === 'boolean') return raw === 'true';
  if (type === 'integer' && /^-?\d+$/.test(raw.trim())) return Number(raw.trim());
  if (type === 'json') {
    try {
      return JSON.parse(raw);
    } catch {
      // the API names the field and the rule
      return raw;
    }
  }
  return type === 'integer' ? raw.trim() : raw;
}

function definitionForm(app, definition) {
  const keyInput = definition ? null : h('input', { name: 'key', test: 'setting-key', autocomplete: 'off' });
  const type = h('select', { test: 'setting-type' }, TYPES.map((t) => h('option', { value: t, selected: definition && definition.type === t }, t)));
  const holder = h('div', {});
  let value;
  const renderValue = (initial) => {
    value = valueInput(type.value, initial, { test: 'setting-value' });
    holder.replaceChildren(field('Default value', value, { name: 'value', hint: HINTS[type.value] }));
  };
  renderValue(definition ? definition.value : null);
  type.addEventListener('change', () => renderValue(null));
  const description = h('input', { value: definition?.description || '', autocomplete: 'off' });
  const required = h('input', { type: 'checkbox', checked: Boolean(definition?.required) });
  return form(
    { 'aria-label': 'Definition', test: 'definition-form' },
    [
      keyInput ? field('Key', keyInput, { name: 'key', hint: 'letters, digits, _ . - ; e.g. DATABASE_URL' }) : null,
      field('Type', type, { name: 'type' }),
      holder,
      field('Description', description, { name: 'description' }),
      field('Required in every environment', required, { name: 'required', inline: true }),
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'submit', test: 'save-definition' }, definition ? 'Save definition' : 'Add setting'),
        definition
          ? confirmButton('Delete setting', 'Confirm: delete it and its overrides', async () => {
              await del(`${paths.app(app)}/settings/${seg(definition.key)}`);
              announce(`Setting ${definition.key} deleted.`);
              go(`#/apps/${app}`);
            })
          : null,
      ),
    ],
    async () => {
      const key = definition ? definition.key : keyInput.value.trim();
      if (!key) {
        throw { problem: { title: 'Request validation failed', detail: 'The key is missing.', errors: [{ field: 'key', message: 'must not be empty' }] } };
      }
      const body = { type: type.value, description: description.value.trim() || null, required: required.checked };
      const v = value.read();
      if (v !== undefined) body.value = v;
      await put(`${paths.app(app)}/settings/${seg(key)}`, body);
      announce(`Setting ${key} saved.`);
      if (definition) refresh();
      else go(`#/apps/${app}/settings/${key}`);
    },
  );
}

function overrideSection(app, env, definition, override) {
  const title = `${env.slug}${env.production ? ' (production)' : ''}`;
  const writable = can('write', app, env);
  const current = h(
    'p',
    { test: `override-state-${env.slug}` },
    override ? ['Override: ', h('code', {}, text(override.value))] : ['No override: the default applies (', h('code', {}, text(definition.value)), ').'],
  );
  if (!writable) {
    return h('section', { class: 'card', 'aria-label': title }, h('h3', {}, title), current);
  }
  const value = valueInput(definition.type, override ? override.value : null, { test: `override-value-${env.slug}` });
  const path = `${paths.env(app, env.slug)}/settings/${seg(definition.key)}`;
  return form(
    { 'aria-label': `Override in ${title}`, test: `override-form-${env.slug}` },
    [
      h('h3', {}, title),
      current,
      field(`Value in ${env.slug}`, value, { name: 'value', hint: HINTS[definition.type] }),
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'submit', test: `save-override-${env.slug}` }, 'Save override'),
        override
          ? actionButton(
              'Remove override',
              async () => {
                await del(path);
                announce(`Override of ${definition.key} in ${env.slug} removed.`);
                refresh();
              },
              { class: 'secondary', test: `remove-override-${env.slug}` },
            )
          : null,
      ),
    ],
    async () => {
      const v = value.read();
      await put(path, { value: v === undefined ? null : v });
      announce(`Override of ${definition.key} in ${env.slug} saved.`);
      refresh();
    },
  );
}
