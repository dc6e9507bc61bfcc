// Building the DOM without innerHTML (no value from the API is ever parsed as markup), and the
// states every screen shares: loading, empty, error with the problem's detail and field errors.

let ids = 0;

/** A fresh id for label/input pairs. */
export function uid(prefix = 'f') {
  ids += 1;
  return `${prefix}-${ids}`;
}

/**
 * An element: attributes (on* functions become listeners, `test` becomes data-test, true/false
 * toggle boolean attributes) and children (nodes, strings, arrays; null and false are skipped).
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (name === 'class') {
      el.className = value;
    } else if (name === 'test') {
      el.dataset.test = value;
    } else if (name === 'value' && (tag === 'input' || tag === 'textarea' || tag === 'select')) {
      el.value = value;
    } else {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** A status line while something loads. */
export function loading(what = 'Loading') {
  return h('p', { class: 'state loading', role: 'status', test: 'loading' }, `${what}…`);
}

/** What an empty list says. */
export function empty(text) {
  return h('p', { class: 'state empty', test: 'empty' }, text);
}

/** An error as the API answered it: the problem's title and detail, then each field's error. */
export function errorBox(error) {
  const problem = (error && error.problem) || {};
  const detail = problem.detail || (error && error.message) || 'Something went wrong.';
  const fields = (problem.errors || []).filter((e) => e && e.message);
  return h(
    'div',
    { class: 'state error', role: 'alert', test: 'error' },
    h('strong', {}, problem.title || 'Error'),
    ' ',
    h('span', { test: 'error-detail' }, detail),
    fields.length
      ? h('ul', {}, fields.map((e) => h('li', {}, e.field ? h('code', {}, e.field) : null, ' ', e.message)))
      : null,
    problem.requestId ? h('p', { class: 'muted' }, `Request id ${problem.requestId}`) : null,
  );
}

/** A container that shows loading, then what `build` resolves to, or the error. */
export function deferred(build, what) {
  const box = h('div', { 'aria-busy': 'true' }, loading(what));
  Promise.resolve()
    .then(build)
    .then(
      (node) => box.replaceChildren(node),
      (error) => box.replaceChildren(errorBox(error)),
    )
    .finally(() => box.removeAttribute('aria-busy'));
  return box;
}

/**
 * A labelled form field. `input` is the control (its id is set here); `name` is the API's field
 * name, where the API's error for that field is shown (aria-describedby points at it).
 */
export function field(label, input, { name, hint, inline } = {}) {
  const id = input.id || uid('field');
  input.id = id;
  const errorId = `${id}-error`;
  const hintId = hint ? `${id}-hint` : null;
  if (name) input.dataset.field = name;
  input.setAttribute('aria-describedby', [hintId, errorId].filter(Boolean).join(' '));
  return h(
    'div',
    { class: inline ? 'field inline' : 'field' },
    h('label', { for: id }, label),
    input,
    hint ? h('span', { class: 'hint', id: hintId }, hint) : null,
    h('p', { class: 'field-error', id: errorId, test: `error-${name || id}`, hidden: true }),
  );
}

/** Clears the field errors and the form's alert. */
export function clearErrors(form) {
  for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
  for (const p of form.querySelectorAll('.field-error')) {
    p.textContent = '';
    p.hidden = true;
  }
  const alert = form.querySelector(':scope > .form-alert');
  if (alert) alert.replaceChildren();
}

/**
 * Shows an API error on a form: each field error next to its field (matched by the API's field
 * name), the detail and any unmatched field errors at the top; focuses the first invalid field.
 */
export function showErrors(form, error) {
  clearErrors(form);
  const problem = (error && error.problem) || {};
  const unmatched = [];
  let first = null;
  for (const e of problem.errors || []) {
    const input = e.field ? form.querySelector(`[data-field="${CSS.escape(e.field)}"]`) : null;
    if (!input) {
      unmatched.push(e);
      continue;
    }
    input.setAttribute('aria-invalid', 'true');
    const p = form.querySelector(`#${CSS.escape(input.id)}-error`);
    p.textContent = e.message;
    p.hidden = false;
    first = first || input;
  }
  let alert = form.querySelector(':scope > .form-alert');
  if (!alert) {
    alert = h('div', { class: 'form-alert' });
    form.prepend(alert);
  }
  alert.replaceChildren(errorBox({ problem: { ...problem, errors: unmatched }, message: error.message }));
  if (first) {
    first.focus();
  } else {
    alert.tabIndex = -1;
    alert.focus();
  }
}

/** A form that runs `submit(form)` and shows its API error inline; the button is busy meanwhile. */
export function form(attrs, children, submit) {
  const el = h('form', { class: 'card', novalidate: true, ...attrs }, h('div', { class: 'form-alert' }), children);
  el.addEventListener('submit', async (event) => {
    event.preventDefault();
    const buttons = el.querySelectorAll('button[type="submit"]');
    for (const b of buttons) b.disabled = true;
    clearErrors(el);
    try {
      await submit(el);
    } catch (error) {
      showErrors(el, error);
    } finally {
      for (const b of buttons) b.disabled = false;
    }
  });
  return el;
}

/** A date and time as the reader's locale writes it, or a dash. */
export function when(iso) {
  if (!iso) return '—';
  const date = new Date(iso);
  return h('time', { datetime: iso }, Number.isNaN(date.getTime()) ? iso : date.toLocaleString());
}

/** A setting value as text: strings as they are, everything else as JSON; null as a dash. */
export function text(value) {
  if (value === null || value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A small labelled badge; the label is text, so colour is never the only signal. */
export function badge(label, kind = label) {
  return h('span', { class: `badge ${kind}` }, label);
}

/** A table with a caption, header cells and rows (each an array of cells or a <tr>). */
export function table(caption, headers, rows, attrs = {}) {
  return h(
    'table',
    attrs,
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, headers.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, rows.map((r) => (r instanceof Node ? r : h('tr', {}, r.map((c) => h('td', {}, c)))))),
  );
}

/** A button that asks once more before it runs `action`. */
export function confirmButton(label, confirmLabel, action, attrs = {}) {
  const button = h('button', { type: 'button', class: 'danger', ...attrs }, label);
  let armed = false;
  button.addEventListener('click', async () => {
    if (!armed) {
      armed = true;
      button.textContent = confirmLabel;
      return;
    }
    button.disabled = true;
    try {
      await action();
    } catch (error) {
      reportNear(button, error);
    } finally {
      button.disabled = false;
      armed = false;
      button.textContent = label;
    }
  });
  button.addEventListener('blur', () => {
    armed = false;
    button.textContent = label;
  });
  return button;
}

/** Shows `error` in the form around `element`, or right after it when there is none. */
export function reportNear(element, error) {
  const around = element.closest('form');
  if (around) {
    showErrors(around, error);
    return;
  }
  const box = errorBox(error);
  element.after(box);
}

/** A button whose click runs `action`; a failure is shown next to it (or in its form). */
export function actionButton(label, action, attrs = {}) {
  const button = h('button', { type: 'button', ...attrs }, label);
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await action();
    } catch (error) {
      reportNear(button, error);
    } finally {
      button.disabled = false;
    }
  });
  return button;
}
