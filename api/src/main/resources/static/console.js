// The operators' console: plain script, no build step. Every figure comes from the /v1/admin API
// with the key the operator typed, kept in sessionStorage (this tab only, never in the page).
'use strict';

(() => {
  const KEY = 'eplly.adminKey';
  const REFRESH_MS = 5000;
  const COLORS = ['#c2410c', '#1d4ed8', '#15803d', '#7c3aed', '#b91c1c', '#0e7490', '#a16207', '#be185d',
    '#4b5563', '#65a30d'];
  const POLICIES = ['popular', 'random'];

  const $ = (selector, root = document) => root.querySelector(selector);
  const charts = new Map();
  const clickCache = new Map();
  let models = null;
  let timer = null;

  /** An element with attributes and children; text only ever goes in as text, never as HTML. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
      else if (name === 'text') node.textContent = value;
      else node.setAttribute(name, value === true ? '' : value);
    }
    for (const child of children.flat()) {
      if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  class ApiError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  async function api(method, path, body) {
    const headers = {'X-Api-Key': sessionStorage.getItem(KEY) || ''};
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(path, {method, headers, cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body)});
    const text = await res.text();
    let data = null;
    try {
      data = text ? JSON.parse(text) : null;
    } catch (e) {
      data = {error: text};
    }
    if (res.status === 401 || res.status === 403) {
      signOut((data && data.error) || 'the key was refused');
    }
    if (!res.ok) throw new ApiError(res.status, (data && data.error) || res.status + ' ' + res.statusText);
    return data;
  }

  // --- formatting --------------------------------------------------------------------------------

  const pct = (x, digits = 2) => (x === null || x === undefined ? '–' : (100 * x).toFixed(digits) + ' %');
  const num = (x) => (x === null || x === undefined || x === '' ? '–' : Number(x).toLocaleString('en'));
  const metric = (x) => (x === null || x === undefined || x === '' ? '–' : Number(x).toFixed(4));
  const pValue = (p) => (p === null || p === undefined ? '–' : p < 0.0001 ? p.toExponential(1) : p.toFixed(4));
  const interval = (ci, f = pct) => (ci ? '[' + f(ci[0]) + ', ' + f(ci[1]) + ']' : '–');
  const when = (iso) => (iso ? iso.replace('T', ' ').replace(/\.\d+/, '').replace('Z', ' UTC') : '–');
  const signed = (x) => (x === null || x === undefined ? '–' : (x >= 0 ? '+' : '') + (100 * x).toFixed(1) + ' %');

  function show(id, message) {
    $(id).textContent = message || '';
  }

  // --- the key -----------------------------------------------------------------------------------

  function signOut(message) {
    sessionStorage.removeItem(KEY);
    clearInterval(timer);
    timer = null;
    $('#signed-in').hidden = true;
    $('#sign-out').hidden = true;
    $('#key-form').hidden = false;
    show('#key-error', message);
  }

  async function signIn() {
    $('#key-form').hidden = true;
    $('#signed-in').hidden = false;
    $('#sign-out').hidden = false;
    try {
      await loadModels();
    } catch (e) {
      if (e.status === 401 || e.status === 403) return;
      show('#models-msg', e.message);
    }
    if (!$('#arm-rows').children.length) {
      addArm('A', activeTarget(), 50);
      addArm('B', 'policy:popular', 50);
    }
    await refresh();
    timer = setInterval(refresh, REFRESH_MS);
  }

  // --- models ------------------------------------------------------------------------------------

  async function loadModels() {
    models = await api('GET', '/v1/admin/models');
    const body = $('#models tbody');
    body.replaceChildren(...models.versions.map(modelRow));
    for (const select of document.querySelectorAll('#arm-rows select')) fillTargets(select, select.value);
  }

  function modelRow(v) {
    const m = v.meta || {};
    const gate = m.gate || '–';
    const passed = gate.startsWith('passed');
    return el('tr', {'data-version': v.version, class: v.active ? 'active' : null},
      el('td', null, el('code', {text: v.version}), v.active ? el('span', {class: 'badge', text: 'active'}) : null,
        v.expired ? el('span', {class: 'badge muted', text: 'expired'}) : null),
      el('td', {text: when(v.publishedAt)}),
      el('td', {text: when(m.created)}),
      el('td', {text: when(m.validationCutOff)}),
      el('td', {class: 'num', text: num(m.events)}),
      el('td', {class: 'num', text: metric(m.validationHr10)}),
      el('td', {class: 'num', text: metric(m.validationMrr10)}),
      el('td', {class: passed ? 'ok' : 'warn', title: m.promoted || null, text: gate}),
      el('td', null, v.active || v.expired ? null
        : el('button', {type: 'button', class: 'activate', onclick: () => activate(v.version), text: 'Activate'})));
  }

  async function switchModel(path) {
    show('#models-msg', '');
    try {
      const r = await api('POST', path);
      show('#models-msg', '');
      await loadModels();
      return r;
    } catch (e) {
      // 409: the registry refused (the active version moved, or the version is about to expire)
      show('#models-msg', e.message);
      return null;
    }
  }

  function activate(version) {
    if (!confirm('Serve ' + version + ' from now on?')) return;
    const expected = models && models.active ? '?expected=' + encodeURIComponent(models.active) : '';
    switchModel('/v1/admin/models/' + encodeURIComponent(version) + '/activate' + expected);
  }

  function rollback() {
    if (!confirm('Roll back to the version published before ' + (models && models.active) + '?')) return;
    switchModel('/v1/admin/models/rollback');
  }

  // --- starting an experiment ---------------------------------------------------------------------

  function activeTarget() {
    return models && models.active ? 'version:' + models.active : 'policy:popular';
  }

  function fillTargets(select, selected) {
    const versions = models ? models.versions.filter((v) => !v.expired).map((v) => v.version) : [];
    select.replaceChildren(
      el('optgroup', {label: 'model version'}, versions.map((v) =>
        el('option', {value: 'version:' + v, text: v + (models.active === v ? ' (active)' : '')}))),
      el('optgroup', {label: 'baseline policy'}, POLICIES.map((p) => el('option', {value: 'policy:' + p, text: p}))));
    select.value = selected;
  }

  function addArm(name, target, share) {
    const rows = $('#arm-rows');
    const select = el('select', {class: 'arm-target', 'aria-label': 'target'});
    fillTargets(select, target);
    const row = el('div', {class: 'row arm-row'},
      el('label', null, 'Arm ', el('input', {class: 'arm-name', value: name, required: true, size: 6})),
      el('label', null, 'serves ', select),
      el('label', null, 'share ', el('input', {class: 'arm-share', type: 'number', min: 1, max: 99, value: share,
        required: true})),
      el('button', {type: 'button', class: 'link', text: 'remove', onclick: () => {
        if (rows.children.length > 2) row.remove();
      }}));
    rows.append(row);
  }

  async function startExperiment(event) {
    event.preventDefault();
    const arms = Array.from(document.querySelectorAll('#arm-rows .arm-row')).map((row) => {
      const [kind, value] = $('.arm-target', row).value.split(/:(.*)/s);
      return {name: $('.arm-name', row).value.trim(), [kind]: value, share: Number($('.arm-share', row).value)};
    });
    const body = {name: $('#exp-name').value.trim(), unit: $('#exp-unit').value, arms};
    show('#start-msg', '');
    try {
      await api('POST', '/v1/admin/experiments', body);
      $('#exp-name').value = '';
      await loadExperiments();
    } catch (e) {
      show('#start-msg', e.message); // 400: every broken rule; 409: name used or unit busy
    }
  }

  // --- experiments -------------------------------------------------------------------------------

  async function loadExperiments() {
    const reports = await api('GET', '/v1/admin/experiments');
    const list = $('#experiments');
    const seen = new Set(reports.map((r) => r.name));
    for (const [id, chart] of charts) {
      if (id.startsWith('exp:') && !seen.has(id.split(':')[1])) {
        chart.destroy();
        charts.delete(id);
      }
    }
    const cards = reports.map((r) => {
      const card = $('[data-experiment="' + CSS.escape(r.name) + '"]', list) || experimentCard(r.name);
      fillExperiment(card, r);
      return card;
    });
    list.replaceChildren(...cards);
    if (!reports.length) list.append(el('p', {class: 'muted', text: 'No experiment yet.'}));
    for (const r of reports) drawExperiment(r);
    await Promise.all(reports.map((r) => loadClicks(r)));
  }

  /** Fetched again only when the experiment's click total moved. */
  async function loadClicks(r) {
    const total = r.arms.reduce((sum, a) => sum + a.clicks, 0);
    const cached = clickCache.get(r.name);
    if (cached && cached.total === total) return;
    const arms = await api('GET', '/v1/admin/experiments/' + encodeURIComponent(r.name) + '/clicks');
    clickCache.set(r.name, {total});
    const card = $('[data-experiment="' + CSS.escape(r.name) + '"]');
    if (card && total > 0) $('.breakdown', card).replaceChildren(...breakdown(arms));
  }

  /** Click-through per position and per reason: clicks there per viewable answer of the arm. */
  function breakdown(arms) {
    const rate = (n, a) => (a.viewable ? pct((n || 0) / a.viewable) : '–') + ' (' + num(n || 0) + ')';
    const maxPosition = Math.max(0, ...arms.flatMap((a) => Object.keys(a.byPosition).map(Number)));
    const reasons = Array.from(new Set(arms.flatMap((a) => Object.keys(a.byReason)))).sort();
    const table = (caption, kind, keys, pick) => el('table', {class: 'clicks-by ' + kind},
      el('caption', {text: caption}),
      el('thead', null, el('tr', null, el('th'), arms.map((a) => el('th', {text: 'arm ' + a.arm})))),
      el('tbody', null, keys.map((k) => el('tr', {'data-key': k}, el('th', {text: k}),
        arms.map((a) => el('td', {class: 'num', 'data-arm': a.arm, text: rate(pick(a)[k], a)}))))));
    return [el('div', {class: 'scroll'}, table('Click-through by position (clicks there / viewable answers)', 'position',
      Array.from({length: maxPosition}, (_, i) => String(i + 1)), (a) => a.byPosition)),
    el('div', {class: 'scroll'}, table('Click-through by reason of the clicked suggestion (clicks / viewable answers)',
      'reason', reasons, (a) => a.byReason))];
  }

  function experimentCard(name) {
    return el('article', {class: 'experiment', 'data-experiment': name},
      el('div', {class: 'section-head'}, el('h3', {text: name}), el('span', {class: 'status'}),
        el('span', {class: 'spacer'}), el('span', {class: 'actions'})),
      el('p', {class: 'meta muted'}),
      el('p', {class: 'error', role: 'alert'}),
      el('div', {class: 'scroll'}, el('table', {class: 'arms'}, el('thead', null, el('tr', null,
        ['arm', 'serves', 'share', 'units', 'served', 'viewable', 'clicks', 'CTR', 'CTR 95 % (Wilson)', '']
          .map((h) => el('th', {text: h})))), el('tbody'))),
      el('div', {class: 'lifts'}),
      el('div', {class: 'breakdown'}),
      el('div', {class: 'charts'},
        el('figure', null, el('figcaption', {text: 'CTR per arm, cumulative, with its 95 % interval, at the end of each UTC hour'}),
          el('div', {class: 'chart-ctr'})),
        el('figure', null, el('figcaption', {text: 'Always-valid p-value, at the end of each UTC hour'}),
          el('div', {class: 'chart-p'}))));
  }

  function fillExperiment(card, r) {
    const running = r.status === 'running';
    $('.status', card).textContent = r.status;
    $('.status', card).className = 'status badge ' + (running ? '' : 'muted');
    $('.meta', card).textContent = 'unit ' + r.unit + ' · started ' + when(r.startedAt)
      + (r.stoppedAt ? ' · stopped ' + when(r.stoppedAt) : '') + ' · ' + r.looks + ' look(s)';
    $('.actions', card).replaceChildren(running
      ? el('button', {type: 'button', class: 'stop', text: 'Stop', onclick: () => stop(card, r.name)}) : '');
    $('.arms tbody', card).replaceChildren(...r.arms.map((a) => el('tr', {'data-arm': a.name},
      el('td', null, el('strong', {text: a.name})),
      el('td', null, a.version ? el('code', {text: a.version}) : 'policy ' + a.policy),
      el('td', {class: 'num', text: a.share + ' %'}),
      el('td', {class: 'num units', text: num(a.units)}),
      el('td', {class: 'num served', text: num(a.served)}),
      el('td', {class: 'num viewable', text: num(a.viewable)}),
      el('td', {class: 'num clicks', text: num(a.clicks)}),
      el('td', {class: 'num ctr', text: pct(a.ctr)}),
      el('td', {class: 'num', text: interval(a.ctrCi95)}),
      el('td', null, a.version ? el('button', {type: 'button', class: 'promote', text: 'Promote',
        onclick: () => promote(card, r.name, a)}) : null))));
    const srm = r.srm || {};
    $('.lifts', card).replaceChildren(
      ...r.lifts.map((l) => el('p', {class: 'lift', 'data-arm': l.arm},
        el('strong', {text: l.arm + ' vs ' + l.control + ': '}),
        'lift ', el('span', {class: 'relative', text: signed(l.relative)}), ' ',
        el('span', {class: 'muted', text: interval(l.ci95, signed)}),
        ' · always-valid p ', el('span', {class: 'p ' + (l.pValue < 0.05 ? 'ok' : ''), text: pValue(l.pValue)}),
        el('span', {class: 'muted', text: ' (fixed-horizon p ' + pValue(l.fixedHorizonPValue) + ', valid only at a'
          + ' sample size fixed in advance)'}))),
      el('p', {class: 'srm'}, el('strong', {text: 'Sample ratio: '}),
        el('span', {class: srm.ok ? 'ok' : 'warn', text: srm.ok ? 'ok' : 'MISMATCH: assignment is broken'}),
        el('span', {class: 'muted', text: ' (χ² ' + (srm.chiSquare === undefined ? '–' : srm.chiSquare.toFixed(2))
          + ', p ' + pValue(srm.pValue) + '; flagged below 0.001)'})));
  }

  async function stop(card, name) {
    if (!confirm('Stop ' + name + '? Its unit is freed; the name cannot be reused.')) return;
    await experimentAction(card, '/v1/admin/experiments/' + encodeURIComponent(name) + '/stop');
  }

  async function promote(card, name, arm) {
    const path = '/v1/admin/experiments/' + encodeURIComponent(name) + '/promote?arm=' + encodeURIComponent(arm.name);
    if (!confirm('Serve ' + arm.version + ' (arm ' + arm.name + ') to everyone?')) return;
    try {
      await api('POST', path);
      $('.error', card).textContent = '';
      await loadModels();
      await loadExperiments();
    } catch (e) {
      $('.error', card).textContent = e.message;
      if (e.status === 409 && confirm('Refused: ' + e.message + '\n\nForce it past the quality gate?'
          + ' The forcing is recorded on the version.')) {
        await experimentAction(card, path + '&force=true');
        await loadModels();
      }
    }
  }

  async function experimentAction(card, path) {
    try {
      await api('POST', path);
      $('.error', card).textContent = '';
      await loadExperiments();
    } catch (e) {
      $('.error', card).textContent = e.message;
    }
  }

  // --- charts ------------------------------------------------------------------------------------

  const HOUR_S = 3600;

  /** Creates the chart, or feeds new data to it while its series stay the same. */
  function chart(id, target, series, data, opts) {
    const key = JSON.stringify(series.map((s) => s.label));
    const old = charts.get(id);
    if (old && old.key === key && old.root.isConnected && target.contains(old.root)) {
      old.setData(data);
      return;
    }
    if (old) old.destroy();
    const width = Math.max(280, target.clientWidth || 480);
    const made = new uPlot(Object.assign({width, height: 200, series: [{}].concat(series),
      legend: {live: false}}, opts), data, target);
    made.key = key;
    charts.set(id, made);
  }

  /** The x range around the data: a single look still gets a visible width. */
  const around = (pad) => (u) => {
    const xs = u.data[0];
    return xs.length ? [xs[0] - pad, xs[xs.length - 1] + pad] : [0, 1];
  };
  /** Times are shown in UTC, the zone of the experiments' hourly looks. */
  const utc = (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC');
  /** "12-07 14h": the month, day and hour of a look, UTC. */
  const hourLabel = (ts) => new Date(ts * 1000).toISOString().slice(5, 13).replace('T', ' ') + 'h';

  /** Series colours named under a chart whose uPlot legend would list every interval bound too. */
  function legend(target, entries) {
    const box = target.nextElementSibling && target.nextElementSibling.classList.contains('legend')
      ? target.nextElementSibling : target.insertAdjacentElement('afterend', el('p', {class: 'legend'}));
    box.replaceChildren(...entries.map(([label, color]) => el('span', {style: 'color:' + color, text: '■ ' + label})));
  }

  function drawExperiment(r) {
    const card = $('[data-experiment="' + CSS.escape(r.name) + '"]');
    const history = r.history || [];
    // each look is the end of an hour (the last one: now); drawn at the hour's start
    const xs = history.map((h) => Date.parse(h.at) / 1000);
    const series = [];
    const data = [xs];
    const bands = [];
    r.arms.forEach((a, i) => {
      const color = COLORS[i % COLORS.length];
      const looks = history.map((h) => h.arms[i]);
      series.push({label: a.name + ' CTR', stroke: color, width: 2, points: {show: true},
        value: (u, v) => pct(v)});
      // the bounds' points keep a single look's interval visible, where no line or band can be drawn
      const bound = {stroke: color, dash: [4, 4], width: 1, points: {show: true, size: 4, fill: color}};
      series.push(Object.assign({label: a.name + ' 95 % high'}, bound));
      series.push(Object.assign({label: a.name + ' 95 % low'}, bound));
      data.push(looks.map((l) => l.ctr), looks.map((l) => l.ctrCi95[1]), looks.map((l) => l.ctrCi95[0]));
      bands.push({series: [series.length - 1, series.length], fill: color + '22'});
    });
    const hours = {time: true, range: around(HOUR_S / 2)};
    // ticks on whole hours only, the looks' grain
    const hourAxis = {incrs: [1, 2, 3, 6, 12, 24, 48, 168].map((h) => h * HOUR_S), values: (u, vals) => vals.map(hourLabel)};
    chart('exp:' + r.name + ':ctr', $('.chart-ctr', card), series, data, {bands, tzDate: utc, legend: {show: false},
      scales: {x: hours}, axes: [hourAxis, {values: (u, vals) => vals.map((v) => pct(v, 1)), size: 64}]});
    legend($('.chart-ctr', card), r.arms.map((a, i) => [a.name + ' (dashed: 95 % interval)', COLORS[i % COLORS.length]]));
    const pSeries = r.lifts.map((l, i) => ({label: l.arm + ' vs ' + l.control, stroke: COLORS[(i + 1) % COLORS.length],
      width: 2, points: {show: true}}));
    const pData = [xs].concat(r.lifts.map((l, i) => history.map((h) => h.lifts[i].pValue)));
    chart('exp:' + r.name + ':p', $('.chart-p', card), pSeries, pData,
      {tzDate: utc, scales: {x: hours, y: {range: [0, 1]}}, axes: [hourAxis, {}]});
  }

  // --- traffic -----------------------------------------------------------------------------------

  async function loadTraffic() {
    const t = await api('GET', '/v1/admin/traffic?minutes=60');
    const xs = t.points.map((p) => Date.parse(p.minute) / 1000);
    const minuteOpts = {tzDate: utc, scales: {x: {time: true, range: around(30)}},
      axes: [{values: (u, vals) => vals.map((v) => new Date(v * 1000).toISOString().slice(11, 16))}, {}]};
    // points as well as lines: a minute between two quiet ones (no latency, no share) is a lone point
    const line = (label, color) => ({label, stroke: color, width: 2, points: {show: true, size: 4, fill: color}});
    chart('traffic:rps', $('#chart-rps'), [line('requests/s', COLORS[0])],
      [xs, t.points.map((p) => p.requestsPerSecond)], minuteOpts);
    chart('traffic:latency', $('#chart-latency'), [line('p50', COLORS[1]), line('p99', COLORS[0])],
      [xs, t.points.map((p) => p.p50Ms), t.points.map((p) => p.p99Ms)], minuteOpts);
    chart('traffic:degraded', $('#chart-degraded'), [line('degraded', COLORS[4])],
      [xs, t.points.map((p) => (p.degradedShare === null ? null : 100 * p.degradedShare))], minuteOpts);
    const reasons = t.reasons;
    chart('traffic:reasons', $('#chart-reasons'), reasons.map((reason, i) => line(reason, COLORS[i % COLORS.length])),
    [xs].concat(reasons.map((reason) => t.points.map((p) => {
      const total = Object.values(p.items).reduce((a, b) => a + b, 0);
      return total ? 100 * (p.items[reason] || 0) / total : null;
    }))), minuteOpts);
    const ingest = t.points.map((p) => p.ingest);
    const perTopic = (field) => t.topics.map((topic) => ingest.map((i) => i[field][topic] || 0));
    chart('traffic:ingest', $('#chart-ingest'), t.topics.map((topic, i) => line(topic, COLORS[i % COLORS.length])),
      [xs].concat(perTopic('eventsPerSecond')), minuteOpts);
    chart('traffic:dlq', $('#chart-dlq'), t.topics.map((topic, i) => line(topic, COLORS[i % COLORS.length])),
      [xs].concat(perTopic('deadLetters')), minuteOpts);
    // a partition nobody reported in a minute has no known lag there: a gap, not a zero
    chart('traffic:lag', $('#chart-lag'), t.partitions.map((p, i) => line(p, COLORS[i % COLORS.length])),
      [xs].concat(t.partitions.map((p) => ingest.map((i) => (p in i.lag ? i.lag[p] : null)))), minuteOpts);
    chart('traffic:freshness', $('#chart-freshness'), [line('lake', COLORS[0]), line('live state', COLORS[1])],
      [xs, ingest.map((i) => i.lakeAgeSeconds), ingest.map((i) => i.liveAgeSeconds)], minuteOpts);
  }

  // --- editorial rules ---------------------------------------------------------------------------

  async function loadRules() {
    const rules = await api('GET', '/v1/admin/rules');
    $('#rules tbody').replaceChildren(...rules.map(ruleRow));
  }

  function ruleStatus(r, now) {
    if (r.expiresAt && Date.parse(r.expiresAt) <= now) return ['ended', 'muted'];
    if (r.startsAt && Date.parse(r.startsAt) > now) return ['scheduled', 'warn'];
    return ['in force', 'ok'];
  }

  function ruleRow(r) {
    const [status, cls] = ruleStatus(r, Date.now());
    const scope = r.section ? 'section ' + r.section : r.tag ? 'tag ' + r.tag : '–';
    const amount = r.kind === 'pin' ? 'slot ' + r.slot : r.kind === 'boost' ? '× ' + r.factor : '–';
    return el('tr', {'data-rule': r.id},
      el('td', {text: r.kind}),
      el('td', null, r.article ? el('code', {text: r.article}) : '–'),
      el('td', {text: scope}),
      el('td', {class: 'num', text: amount}),
      el('td', {text: when(r.startsAt)}),
      el('td', {text: r.expiresAt ? when(r.expiresAt) : 'until deleted'}),
      el('td', {text: r.createdBy}),
      el('td', {text: when(r.createdAt)}),
      el('td', {class: cls, text: status}),
      el('td', null, el('button', {type: 'button', class: 'link delete-rule', text: 'Delete',
        onclick: () => deleteRule(r.id)})));
  }

  /** A datetime-local value read as UTC, as the form says; undefined (left out of the rule) when empty. */
  const asUtc = (value) => (value ? new Date(value + 'Z').toISOString() : undefined);

  function ruleFromForm() {
    const kind = $('#rule-kind').value;
    const scope = $('#rule-scope').value;
    const target = $('#rule-target').value.trim();
    const rule = {kind, createdBy: $('#rule-by').value.trim(), startsAt: asUtc($('#rule-starts').value),
      expiresAt: asUtc($('#rule-expires').value)};
    if (kind !== 'boost') rule.article = $('#rule-article').value.trim() || undefined;
    if (scope !== 'article') rule[scope] = target || undefined;
    if (kind === 'pin') rule.slot = Number($('#rule-slot').value);
    if (kind === 'boost') rule.factor = Number($('#rule-factor').value);
    return rule;
  }

  async function addRule(event) {
    event.preventDefault();
    show('#rule-msg', '');
    try {
      await api('POST', '/v1/admin/rules', ruleFromForm());
      await loadRules();
    } catch (e) {
      show('#rule-msg', e.message); // 400: every reason the rule was refused
    }
  }

  async function deleteRule(id) {
    show('#rules-msg', '');
    try {
      await api('DELETE', '/v1/admin/rules/' + encodeURIComponent(id));
    } catch (e) {
      show('#rules-msg', e.message);
    }
    await loadRules();
  }

  /** Shows the fields the chosen kind takes. */
  function ruleKindChanged() {
    const kind = $('#rule-kind').value;
    for (const node of document.querySelectorAll('#rule-form .for-block, #rule-form .for-pin, #rule-form .for-boost')) {
      node.hidden = !node.classList.contains('for-' + kind);
    }
    if ($('#rule-scope').selectedOptions[0].hidden) $('#rule-scope').value = 'section';
    ruleScopeChanged();
  }

  function ruleScopeChanged() {
    const scope = $('#rule-scope').value;
    $('#rule-scope-label').textContent = scope === 'tag' ? 'Tag' : 'Section';
    $('#rule-target').parentElement.hidden = scope === 'article';
  }

  // --- admin actions -----------------------------------------------------------------------------

  const AUDIT_ROWS = 50;

  async function loadAudit() {
    const actions = await api('GET', '/v1/admin/audit?limit=' + AUDIT_ROWS);
    $('#audit tbody').replaceChildren(...actions.map(auditRow));
  }

  function auditRow(a) {
    const done = a.status >= 200 && a.status < 300;
    return el('tr', {'data-request': a.requestId, title: a.method + ' ' + a.path},
      el('td', {text: when(new Date(a.at).toISOString())}),
      el('td', {text: a.actor}),
      el('td', null, el('code', {text: a.action})),
      el('td', null, a.target ? el('code', {text: a.target}) : '–'),
      el('td', {class: done ? 'ok' : 'warn', text: a.status}));
  }

  // --- refresh -----------------------------------------------------------------------------------

  async function refresh() {
    const results = await Promise.allSettled([loadExperiments(), loadTraffic(), loadRules(), loadAudit()]);
    show('#experiments-msg', results[0].status === 'rejected' ? results[0].reason.message : '');
    show('#traffic-msg', results[1].status === 'rejected' ? results[1].reason.message : '');
    show('#rules-msg', results[2].status === 'rejected' ? results[2].reason.message : '');
    show('#audit-msg', results[3].status === 'rejected' ? results[3].reason.message : '');
    $('#updated').textContent = 'updated ' + new Date().toISOString().slice(11, 19) + ' UTC';
  }

  $('#key-form').addEventListener('submit', (event) => {
    event.preventDefault();
    sessionStorage.setItem(KEY, $('#key').value);
    $('#key').value = '';
    show('#key-error', '');
    signIn();
  });
  $('#sign-out').addEventListener('click', () => signOut(''));
  $('#rollback').addEventListener('click', rollback);
  $('#add-arm').addEventListener('click', () =>
    addArm(String.fromCharCode(65 + $('#arm-rows').children.length), 'policy:random', 10));
  $('#start-form').addEventListener('submit', startExperiment);
  $('#rule-form').addEventListener('submit', addRule);
  $('#rule-kind').addEventListener('change', ruleKindChanged);
  $('#rule-scope').addEventListener('change', ruleScopeChanged);
  ruleKindChanged();

  if (sessionStorage.getItem(KEY)) signIn();
})();
