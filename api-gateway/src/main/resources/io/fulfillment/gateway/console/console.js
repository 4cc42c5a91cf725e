// The ops console: plain JavaScript, no build step. It talks to the gateway's API only (/api/v1/...), with the bearer
// token the user signed in for, so it works the same against the all-in-one process and the distributed deployment.
'use strict';

const API = '/api/v1';
const SERVICES = ['order-query', 'order-command', 'inventory', 'payment', 'shipping'];
const BOARD_SIZE = 50;
const TERMINAL = new Set(['CONFIRMED', 'REJECTED', 'CANCELLED']);
const REFUSALS = new Set(['StockReservationRejectedEvent', 'PaymentDeclinedEvent', 'PaymentFailedEvent',
  'ShipmentRejectedEvent', 'OrderRejectedEvent', 'OrderCancelledEvent']);
const COMPENSATIONS = new Set(['StockReleasedEvent', 'PaymentCancelledEvent', 'RefundRequestedEvent',
  'PaymentRefundedEvent', 'ChargeReversalRequestedEvent', 'ChargeReversedEvent', 'ShipmentCancelledEvent']);

const $ = (selector, root = document) => root.querySelector(selector);
const session = { token: null, claims: null, board: new Map(), boardStream: null, timer: null, pausedUntil: 0, visits: 0 };

// ---- HTTP ----------------------------------------------------------------------------------------------------------

class ApiError extends Error {
  constructor(status, detail) {
    super(detail || `HTTP ${status}`);
    this.status = status;
  }
}

function randomId() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

async function api(path, { method = 'GET', body, headers = {}, anonymous = false, base = API } = {}) {
  if (Date.now() < session.pausedUntil && method === 'GET') {
    throw new ApiError(429, 'Rate limited: waiting before the next refresh.');
  }
  const all = { Accept: 'application/json, application/problem+json', ...headers };
  if (body !== undefined) all['Content-Type'] = 'application/json';
  if (!anonymous && session.token) all.Authorization = `Bearer ${session.token}`;
  const response = await fetch(base + path, { method, headers: all, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  const json = text ? safeJson(text) : null;
  if (response.status === 401 && !anonymous) {
    signOut('Your session has ended: sign in again.');
  }
  if (response.status === 429) {
    session.pausedUntil = Date.now() + 1000 * Number(response.headers.get('Retry-After') || 5);
  }
  if (!response.ok) {
    throw new ApiError(response.status, json && (json.detail || json.title));
  }
  return { status: response.status, json, headers: response.headers };
}

function safeJson(text) {
  try { return JSON.parse(text); } catch { return null; }
}

/** Reads a Server-Sent Events response with fetch (EventSource cannot send the Authorization header). */
async function readEvents(path, onEvent, signal) {
  const response = await fetch(API + path, {
    headers: { Accept: 'text/event-stream', Authorization: `Bearer ${session.token}` }, signal });
  if (!response.ok) throw new ApiError(response.status, `stream answered ${response.status}`);
  onEvent({ type: 'open' });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value.replace(/\r\n?/g, '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = { type: 'message', data: '' };
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event.type = line.slice(6).trim();
        else if (line.startsWith('data:')) event.data += line.slice(5).replace(/^ /, '');
      }
      if (event.data) onEvent(event);
    }
  }
}

// ---- formatting ----------------------------------------------------------------------------------------------------

const money = m => (m ? `${Number(m.amount).toFixed(2)} ${m.currency}` : '');
const time = iso => (iso ? new Date(iso).toLocaleTimeString([], { hour12: false }) + '.' +
  String(new Date(iso).getMilliseconds()).padStart(3, '0') : '');

/** resilience4j's actuator writes zoned times ("…Z[Etc/UTC]"): the instant, in ISO form, for <time> and Date. */
const instant = zoned => new Date(String(zoned).replace(/\[.*\]$/, '').replace(/(\.\d{3})\d+/, '$1')).toISOString();

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'text') node.textContent = value;
    else if (key === 'class') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key in node && typeof value !== 'string') node[key] = value;
    else node.setAttribute(key, value === true ? '' : value);
  }
  children.flat().forEach(child => node.append(child));
  return node;
}

function notice(message) {
  const box = $('#notice');
  box.textContent = message || '';
  box.hidden = !message;
}

// ---- session -------------------------------------------------------------------------------------------------------

function claimsOf(token) {
  const part = token.split('.')[1];
  if (!part) throw new Error('not a JWT');
  return JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/')));
}

const isAdmin = () => (session.claims.roles || []).includes('ADMIN');

function signIn(token) {
  session.token = token;
  session.claims = claimsOf(token);
  sessionStorage.setItem('fulfillment.console.token', token);
  $('#who-name').textContent = session.claims.sub;
  $('#who-role').textContent = isAdmin() ? 'admin' : `customer ${session.claims.customer_id || ''}`;
  $('#who').hidden = false;
  $('#views').hidden = false;
  document.querySelectorAll('.admin-only').forEach(item => { item.hidden = !isAdmin(); });
  $('#sign-in').hidden = true;
  $('#order-form').customerId.value = session.claims.customer_id || 'customer-ada';
  $('#order-form').customerId.readOnly = !isAdmin();
  startBoard();
  if (!location.hash || location.hash === '#sign-in') location.hash = '#orders';
  else route();
}

function signOut(message) {
  session.token = null;
  sessionStorage.removeItem('fulfillment.console.token');
  if (session.boardStream) session.boardStream.abort();
  session.boardStream = null;
  session.board.clear();
  stopTimer();
  $('#who').hidden = true;
  $('#views').hidden = true;
  document.querySelectorAll('.view').forEach(view => { view.hidden = true; });
  $('#sign-in').hidden = false;
  $('#sign-in-error').textContent = message || '';
  $('#sign-in-form').username.focus();
}

// ---- views ---------------------------------------------------------------------------------------------------------

const views = {
  orders: enterOrders,
  timeline: enterTimeline,
  products: enterProducts,
  processors: enterProcessors,
  resilience: enterResilience,
  'dead-letters': enterDeadLetters,
};

function stopTimer() {
  if (session.timer) clearInterval(session.timer);
  session.timer = null;
}

function every(millis, task) {
  stopTimer();
  session.timer = setInterval(() => { if (!document.hidden) task(); }, millis);
}

function route() {
  if (!session.token) return;
  const [name, argument] = location.hash.slice(1).split('/');
  const view = views[name] ? name : 'orders';
  stopTimer();
  notice('');
  document.querySelectorAll('.view').forEach(section => {
    section.hidden = section.id !== view;
    delete section.dataset.ready;
  });
  document.querySelectorAll('#views a').forEach(link => {
    if (link.getAttribute('href') === `#${view}`) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  });
  // data-ready marks a view that has loaded since it was opened: something to wait for, instead of time
  const visit = ++session.visits;
  views[view](argument && decodeURIComponent(argument))
    .catch(failure => notice(failure.message))
    .finally(() => { if (visit === session.visits) $(`#${view}`).dataset.ready = 'true'; });
}

// orders: the catalogue to order from, and the live board

async function enterOrders() {
  const { json } = await api('/products', { anonymous: true });
  const body = $('#order-lines tbody');
  const previous = new Map([...body.querySelectorAll('input')].map(input => [input.name, input.value]));
  body.replaceChildren(...products(json).map(product => el('tr', {},
    el('th', { scope: 'row', text: product.name }),
    el('td', { text: money(product.unitPrice) }),
    el('td', { text: product.available }),
    el('td', {}, el('input', { type: 'number', min: '0', max: '1000', name: product.productId, value: previous.get(product.productId) || '0',
      'aria-label': `Quantity of ${product.name}`, size: '4' })))));
}

function products(catalogue) {
  return (Array.isArray(catalogue) ? catalogue : catalogue.products || catalogue.items || [])
    .slice().sort((a, b) => a.name.localeCompare(b.name));
}

async function placeOrder(event) {
  event.preventDefault();
  const form = event.target;
  const result = $('#order-result');
  const lines = [...form.querySelectorAll('#order-lines input')]
    .filter(input => Number(input.value) > 0)
    .map(input => ({ productId: input.name, quantity: Number(input.value) }));
  if (lines.length === 0) {
    result.textContent = 'Choose a quantity for at least one product.';
    return;
  }
  const address = Object.fromEntries(['recipient', 'street', 'postalCode', 'city', 'country']
    .map(field => [field, form[field].value]));
  const correlationId = `console-${randomId()}`;
  result.textContent = 'Placing the order…';
  try {
    const { json } = await api('/orders', {
      method: 'POST',
      headers: { 'Idempotency-Key': randomId(), 'X-Correlation-Id': correlationId },
      body: { customerId: form.customerId.value, lines, shippingAddress: address },
    });
    result.replaceChildren('Order ', el('a', { href: `#timeline/${json.orderId}`, text: json.orderId, class: 'mono' }),
      ` accepted (correlation id ${correlationId}); watch it on the board.`);
    result.dataset.orderId = json.orderId;
    if (!session.board.has(json.orderId)) {
      upsertBoard({ orderId: json.orderId, customerId: form.customerId.value, status: 'PLACED',
        placedAt: new Date().toISOString(), updatedAt: null });
    }
  } catch (failure) {
    result.textContent = `Not accepted: ${failure.message}`;
  }
}

function startBoard() {
  if (session.boardStream) session.boardStream.abort();
  const controller = new AbortController();
  session.boardStream = controller;
  const live = $('#board-live');
  const connect = async () => {
    while (!controller.signal.aborted) {
      try {
        await readEvents('/orders/stream', event => {
          if (event.type === 'open') {
            live.textContent = 'live';
            live.dataset.state = 'live';
            loadBoard();
          } else if (event.type === 'order-summary') {
            upsertBoard(JSON.parse(event.data));
          }
        }, controller.signal);
      } catch (failure) {
        if (controller.signal.aborted) return;
      }
      live.textContent = 'reconnecting…';
      live.dataset.state = 'connecting';
      await new Promise(resolve => setTimeout(resolve, 2000));
    }
  };
  connect();
}

async function loadBoard() {
  try {
    const { json } = await api(`/orders?size=${BOARD_SIZE}`);
    (json.items || []).forEach(upsertBoard);
  } catch (failure) {
    notice(`The order list could not be read: ${failure.message}`);
  }
}

function upsertBoard(summary) {
  const known = session.board.get(summary.orderId);
  if (known && TERMINAL.has(known.status) && !TERMINAL.has(summary.status)) return;
  if (known && known.updatedAt && summary.updatedAt && Date.parse(known.updatedAt) > Date.parse(summary.updatedAt)) return;
  session.board.set(summary.orderId, { ...known, ...summary });
  renderBoard();
  if ($('#timeline-order').textContent === summary.orderId && !$('#timeline').hidden) {
    showTimeline(summary.orderId);
  }
}

/** A rejection reason ({code, message}) as one line: the message, then the code clients act on. */
function reasonText(reason) {
  return `${reason.message} (${reason.code})`;
}

function renderBoard() {
  const rows = [...session.board.values()]
    .sort((a, b) => String(b.placedAt).localeCompare(String(a.placedAt)))
    .slice(0, BOARD_SIZE);
  $('#board tbody').replaceChildren(...rows.map(order => el('tr', { 'data-order-id': order.orderId },
    el('td', {}, el('a', { href: `#timeline/${order.orderId}`, class: 'mono', text: order.orderId,
      'aria-label': `Timeline of order ${order.orderId}` })),
    el('td', { text: order.customerId }),
    el('td', {}, el('span', { class: 'status', 'data-status': order.status, text: order.status }),
      order.rejectionReason ? el('span', { class: 'reason', text: ` — ${reasonText(order.rejectionReason)}` }) : ''),
    el('td', { text: money(order.total) }),
    el('td', {}, el('time', { datetime: order.updatedAt || order.placedAt, text: time(order.updatedAt || order.placedAt) })))));
}

// timeline: one order's events as a sequence across the contexts

async function enterTimeline(orderId) {
  const id = orderId || $('#timeline-form').orderId.value || $('#order-result').dataset.orderId;
  if (id) await showTimeline(id);
}

async function showTimeline(orderId) {
  $('#timeline-form').orderId.value = orderId;
  const [{ json: timeline }, summary] = await Promise.all([
    api(`/orders/${encodeURIComponent(orderId)}/timeline`),
    api(`/orders/${encodeURIComponent(orderId)}`).then(r => r.json).catch(() => null),
  ]);
  const entries = timeline.entries || [];
  $('#timeline-facts').hidden = false;
  $('#timeline-order').textContent = orderId;
  $('#timeline-status').textContent = summary ? summary.status + (summary.rejectionReason ? ` — ${reasonText(summary.rejectionReason)}` : '') : '';
  $('#timeline-status').dataset.status = summary ? summary.status : '';
  $('#timeline-correlation').textContent = [...new Set(entries.map(e => e.correlationId).filter(Boolean))].join(', ') || '—';
  $('#timeline-entries').replaceChildren(...entries.map(entry => {
    const kind = COMPENSATIONS.has(entry.eventType) ? 'compensation' : REFUSALS.has(entry.eventType) ? 'refusal' : 'step';
    return el('li', { class: `entry lane-${entry.context} ${kind === 'step' ? '' : kind}`, 'data-event-type': entry.eventType },
      el('time', { datetime: entry.occurredAt, text: time(entry.occurredAt) }),
      el('strong', { text: entry.eventType.replace(/Event$/, '') }),
      el('span', { class: 'description', text: entry.description }),
      kind === 'step' ? '' : el('span', { class: 'tag', text: kind }),
      el('span', { class: 'visually-hidden', text: ` (${entry.context}, position ${entry.position})` }));
  }));
}

// products: stock on hand and reserved

async function enterProducts() {
  const { json } = await api('/products', { anonymous: true });
  $('#product-table tbody').replaceChildren(...products(json).map(product => el('tr', {},
    el('td', { class: 'mono', text: product.productId }),
    el('th', { scope: 'row', text: product.name }),
    el('td', { text: money(product.unitPrice) }),
    el('td', { text: product.available + product.reserved }),
    el('td', { text: product.available }),
    el('td', { text: product.reserved }),
    el('td', { text: product.shipped }))));
}

// event processors: position, lag and replay with progress

function fillServices() {
  document.querySelectorAll('.service-select').forEach(select => {
    if (select.options.length === 0) {
      select.replaceChildren(...SERVICES.map(service => el('option', { value: service, text: service })));
    }
  });
}

function stateOf(processor) {
  if (processor.state) return processor.state;
  if (processor.error) return 'ERROR';
  if (!processor.running) return 'STOPPED';
  if (processor.replaying) return processor.replayProgress >= 1 ? 'REPLAYED' : 'REPLAYING';
  return processor.caughtUp ? 'CAUGHT_UP' : 'CATCHING_UP';
}

function progressOf(processor) {
  if (processor.replayProgress !== null && processor.replayProgress !== undefined) {
    return Math.round(100 * processor.replayProgress);
  }
  return processor.caughtUp && !['REPLAYING'].includes(processor.state) ? 100 : 0;
}

async function enterProcessors() {
  fillServices();
  await loadProcessors();
  every(5000, () => loadProcessors().catch(failure => notice(failure.message)));
}

async function loadProcessors() {
  const service = $('#processors-form').service.value;
  const { json } = await api(`/admin/${service}/processors`);
  const body = $('#processor-table tbody');
  const replays = new Map([...body.querySelectorAll('progress')].map(bar => [bar.dataset.processor, bar]));
  body.replaceChildren(...json.map(processor => {
    const running = replays.get(processor.name);
    const bar = running && running.dataset.active ? running
      : el('progress', { max: '100', value: '0', 'data-processor': processor.name, hidden: true,
        'aria-label': `Replay progress of ${processor.name}` });
    return el('tr', { 'data-processor': processor.name },
      el('th', { scope: 'row', text: processor.name }),
      el('td', { class: 'state', 'data-state': stateOf(processor), text: stateOf(processor) }),
      el('td', { text: processor.segments }),
      el('td', { text: processor.position ?? '—' }),
      el('td', { text: processor.headPosition ?? '—' }),
      el('td', { class: 'lag', text: processor.lag ?? '—' }),
      el('td', { class: 'replay' }, processor.supportsReplay
        ? [el('button', { type: 'button', text: 'Replay', 'aria-label': `Replay ${processor.name}`,
          onclick: () => replay(service, processor.name, bar) }), bar,
          el('output', { class: 'percent', 'data-processor': processor.name, text: bar.hidden ? '' : `${bar.value} %` })]
        : el('span', { class: 'hint', text: 'not replayable' })));
  }));
}

async function replay(service, name, bar) {
  const path = `/admin/${service}/processors/${encodeURIComponent(name)}`;
  bar.hidden = false;
  bar.value = 0;
  bar.dataset.active = 'true';
  const output = () => $(`output[data-processor="${CSS.escape(name)}"]`);
  const show = value => {
    bar.value = value;
    if (output()) output().textContent = `${value} %`;
  };
  show(0);
  try {
    await api(`${path}/replay`, { method: 'POST', body: {} });
    for (;;) {
      await new Promise(resolve => setTimeout(resolve, 400));
      const { json } = await api(path);
      const value = progressOf(json);
      show(value);
      if (value >= 100) break;
    }
  } catch (failure) {
    notice(`Replay of ${name}: ${failure.message}`);
  } finally {
    delete bar.dataset.active;
  }
}

// resilience: circuit breakers and the payment provider sandbox's knobs

async function enterResilience() {
  const { json } = await api('/psp/admin/faults');
  const form = $('#psp-form');
  form.errorRate.value = json.errorRate;
  form.latencyMillis.value = json.latencyMillis;
  form.outage.checked = json.outage;
  await loadBreakers();
  every(2000, () => loadBreakers().catch(failure => notice(failure.message)));
}

async function loadBreakers() {
  const sources = [
    ['payment', api('/admin/payment/actuator/circuitbreakers')],
    ['gateway', api('/actuator/circuitbreakers', { base: '' })],
  ];
  const rows = [];
  for (const [where, request] of sources) {
    try {
      const { json } = await request;
      for (const [name, breaker] of Object.entries(json.circuitBreakers || {})) {
        if (where === 'gateway' && breaker.state === 'CLOSED' && breaker.bufferedCalls === 0) continue;
        rows.push(el('tr', { 'data-breaker': `${where}/${name}` },
          el('td', { text: where }),
          el('th', { scope: 'row', text: name }),
          el('td', { class: 'state', 'data-state': breaker.state, text: breaker.state }),
          el('td', { text: Number.parseFloat(breaker.failureRate) < 0 ? '—' : breaker.failureRate,
            title: Number.parseFloat(breaker.failureRate) < 0 ? 'fewer calls than the minimum to compute it' : undefined }),
          el('td', { text: `${breaker.bufferedCalls} (${breaker.failedCalls})` })));
      }
    } catch (failure) {
      rows.push(el('tr', {}, el('td', { text: where }), el('td', { colspan: '4', text: failure.message })));
    }
  }
  $('#breaker-table tbody').replaceChildren(...rows);
  try {
    const { json } = await api('/admin/payment/actuator/circuitbreakerevents');
    const transitions = (json.circuitBreakerEvents || [])
      .filter(event => event.type === 'STATE_TRANSITION')
      .slice(-8).reverse();
    $('#breaker-transitions').replaceChildren(...transitions.map(event => el('li', { 'data-transition': event.stateTransition },
      el('time', { datetime: instant(event.creationTime), text: time(instant(event.creationTime)) }),
      ` ${event.circuitBreakerName}: ${event.stateTransition.replace(/_TO_/, ' → ')}`)));
  } catch {
    $('#breaker-transitions').replaceChildren(el('li', { class: 'hint', text: 'not exposed by this deployment' }));
  }
}

async function changeFaults(event) {
  event.preventDefault();
  const form = event.target;
  const { json: current } = await api('/psp/admin/faults');
  const changed = { ...current, errorRate: Number(form.errorRate.value),
    latencyMillis: Number(form.latencyMillis.value), outage: form.outage.checked };
  try {
    await api('/psp/admin/faults', { method: 'PUT', body: changed });
    $('#psp-result').textContent = `Applied: error rate ${changed.errorRate}, latency ${changed.latencyMillis} ms, `
      + (changed.outage ? 'outage ON.' : 'no outage.');
  } catch (failure) {
    $('#psp-result').textContent = `Not applied: ${failure.message}`;
  }
}

async function resetFaults() {
  await api('/psp/admin/faults/reset', { method: 'POST' });
  await enterResilience();
  $('#psp-result').textContent = 'The sandbox is healthy again.';
}

// dead letters: retry a group's oldest sequence, evict one letter

async function enterDeadLetters() {
  fillServices();
  await loadDeadLetters();
}

async function loadDeadLetters() {
  const service = $('#dead-letters-form').service.value;
  const { json } = await api(`/admin/${service}/dead-letters`);
  const groups = json.filter(group => group.sequences > 0);
  $('#dead-letter-groups').replaceChildren(...(groups.length === 0
    ? [el('p', { class: 'empty', text: 'No dead letters: every event was handled.' })]
    : groups.map(group => el('section', { class: 'card', 'aria-label': `Dead letters of ${group.processingGroup}` },
      el('h3', { text: `${group.processingGroup} — ${group.sequences} sequence(s)` }),
      el('button', { type: 'button', text: 'Retry oldest', onclick: () => deadLetterAction(
        `/admin/${service}/dead-letters/${encodeURIComponent(group.processingGroup)}/retry`, 'POST') }),
      el('ul', { class: 'plain' }, group.letters.map(letter => el('li', {},
        el('strong', { text: letter.payloadType }), ` ${letter.cause || ''} `,
        el('time', { datetime: letter.enqueuedAt, text: time(letter.enqueuedAt) }), ' ',
        el('button', { type: 'button', text: 'Evict', 'aria-label': `Evict ${letter.payloadType} ${letter.messageId}`,
          onclick: () => deadLetterAction(`/admin/${service}/dead-letters/${encodeURIComponent(group.processingGroup)}/`
            + encodeURIComponent(letter.messageId), 'DELETE') }))))))));
}

async function deadLetterAction(path, method) {
  try {
    const { json } = await api(path, { method });
    $('#dead-letters-result').textContent = json && 'processed' in json
      ? (json.processed ? 'Retried: handled this time.' : 'Retried: it failed again.') : 'Evicted.';
  } catch (failure) {
    $('#dead-letters-result').textContent = failure.message;
  }
  await loadDeadLetters();
}

// ---- wiring --------------------------------------------------------------------------------------------------------

document.addEventListener('DOMContentLoaded', () => {
  $('#sign-in-form').addEventListener('submit', async event => {
    event.preventDefault();
    const form = event.target;
    try {
      const { json } = await api('/dev/token', { method: 'POST', anonymous: true,
        body: { username: form.username.value, password: form.password.value } });
      form.password.value = '';
      signIn(json.access_token);
    } catch (failure) {
      $('#sign-in-error').textContent = failure.status === 404
        ? 'This deployment has no development token endpoint: use a token from your identity provider.'
        : `Not signed in: ${failure.message}`;
    }
  });
  $('#token-form').addEventListener('submit', event => {
    event.preventDefault();
    try { signIn(event.target.token.value.trim()); } catch { $('#sign-in-error').textContent = 'That is not a JWT.'; }
  });
  $('#sign-out').addEventListener('click', () => signOut());
  $('#order-form').addEventListener('submit', placeOrder);
  $('#timeline-form').addEventListener('submit', event => {
    event.preventDefault();
    location.hash = `#timeline/${encodeURIComponent(event.target.orderId.value.trim())}`;
  });
  $('#products-refresh').addEventListener('click', () => enterProducts().catch(failure => notice(failure.message)));
  $('#processors-form').addEventListener('submit', event => {
    event.preventDefault();
    loadProcessors().catch(failure => notice(failure.message));
  });
  $('#psp-form').addEventListener('submit', event => changeFaults(event).catch(failure => notice(failure.message)));
  $('#psp-reset').addEventListener('click', () => resetFaults().catch(failure => notice(failure.message)));
  $('#dead-letters-form').addEventListener('submit', event => {
    event.preventDefault();
    loadDeadLetters().catch(failure => notice(failure.message));
  });
  window.addEventListener('hashchange', route);
  const saved = sessionStorage.getItem('fulfillment.console.token');
  if (saved) {
    try { signIn(saved); return; } catch { sessionStorage.removeItem('fulfillment.console.token'); }
  }
  signOut();
});
