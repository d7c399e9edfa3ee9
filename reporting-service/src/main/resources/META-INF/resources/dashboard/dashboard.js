// つなぐ dashboard: reads the figures from reporting-service's own API with the coordinator's token. The page holds no
// data; the token comes from the URL fragment (never sent to a server) or the form, and lives in this tab only.
(function () {
  'use strict';
  const KEY = 'tsunagu.token';
  const COLORS = ['#2a7', '#e67e22', '#2c7fb8', '#8e44ad', '#c0392b'];

  function token() {
    const m = /(?:^|[#&])token=([^&]+)/.exec(window.location.hash);
    if (m) {
      sessionStorage.setItem(KEY, decodeURIComponent(m[1]));
      history.replaceState(null, '', window.location.pathname + window.location.search);
    }
    return sessionStorage.getItem(KEY);
  }

  async function get(path) {
    const r = await fetch(path, { headers: { Authorization: 'Bearer ' + token(), Accept: 'application/json' } });
    if (r.status === 401 || r.status === 403) {
      sessionStorage.removeItem(KEY);
      throw new Error('アクセスが拒否されました（' + r.status + '）。トークンを確認してください。');
    }
    if (!r.ok) {
      throw new Error('集計を取得できませんでした（' + r.status + '）。');
    }
    return r.json();
  }

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, v));
    children.forEach(c => e.append(c instanceof Node ? c : document.createTextNode(String(c))));
    return e;
  }

  function svg(tag, attrs, ...children) {
    const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
    Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, v));
    children.forEach(c => e.append(c instanceof Node ? c : document.createTextNode(String(c))));
    return e;
  }

  function yearTable(years, labels) {
    const head = el('tr', {}, el('th', { colspan: 2 }, ''), ...years.map(y => el('th', {}, y.label)));
    const rows = [head];
    const group = (name, items) => items.forEach(([item, value], i) => {
      const tr = el('tr', {});
      if (i === 0) tr.append(el('th', { rowspan: items.length }, name));
      tr.append(el('td', {}, item), ...years.map(y => el('td', { class: 'n' }, value(y))));
      rows.push(tr);
    });
    ['JUUSOU_SHIEN_KAIGI', 'SHIEN_KAIGI'].forEach(t => group(labels.meetingTypes[t], [
      ['開催回数', y => y.meetings[t].held], ['取扱件数', y => y.meetings[t].casesHandled]]));
    Object.keys(labels.planTypes).forEach(t => group(labels.planTypes[t], [
      ['作成件数', y => y.plans[t].made], ['（うち、再プラン）', y => y.plans[t].replans],
      ['終結件数', y => y.plans[t].closed]]));
    // households (世帯): their labels come with /reports/cases; what they count is reporting's (README)
    const households = labels.households || {};
    group('世帯', ['casesSupported', 'householdsSupported', 'multiCaseHouseholds', 'householdsWithPlan',
      'casesPerHousehold'].map(f => [households[f] || f,
      y => y[f] == null ? '―' : (f === 'casesPerHousehold' ? y[f].toFixed(1) : y[f])]));
    return el('table', { id: 'figures' }, ...rows);
  }

  function lineChart(years, series) {
    const w = 640, h = 260, left = 40, bottom = 30, top = 10;
    const max = Math.max(1, ...series.flatMap(s => years.map(s.value)));
    const x = i => left + (years.length === 1 ? (w - left) / 2 : i * (w - left - 20) / (years.length - 1));
    const y = v => h - bottom - v * (h - bottom - top) / max;
    const chart = svg('svg', { viewBox: `0 0 ${w} ${h}`, width: w, height: h, role: 'img' });
    chart.append(svg('line', { x1: left, y1: h - bottom, x2: w, y2: h - bottom, stroke: '#999' }));
    [0, Math.round(max / 2), max].forEach(v => chart.append(svg('text', { x: left - 6, y: y(v) + 4,
      'text-anchor': 'end', 'font-size': 11 }, v)));
    years.forEach((yr, i) => chart.append(svg('text', { x: x(i), y: h - 10, 'text-anchor': 'middle',
      'font-size': 12 }, yr.label)));
    series.forEach((s, k) => {
      const points = years.map((yr, i) => `${x(i)},${y(s.value(yr))}`).join(' ');
      chart.append(svg('polyline', { points, fill: 'none', stroke: COLORS[k], 'stroke-width': 2.5 }));
      years.forEach((yr, i) => chart.append(svg('circle', { cx: x(i), cy: y(s.value(yr)), r: 3.5,
        fill: COLORS[k] }, svg('title', {}, `${s.name} ${yr.label}: ${s.value(yr)}`))));
    });
    const legend = el('div', { class: 'legend' }, ...series.map((s, k) => el('span', {},
      svg('svg', { width: 14, height: 14 }, svg('rect', { width: 14, height: 14, fill: COLORS[k] })), ' ' + s.name)));
    return el('div', {}, chart, legend);
  }

  function bars(counts, labels) {
    const entries = Object.entries(counts);
    const max = Math.max(1, ...entries.map(([, v]) => v));
    const w = 640, row = 24, h = entries.length * row + 10, left = 150;
    const chart = svg('svg', { viewBox: `0 0 ${w} ${h}`, width: w, height: h, role: 'img' });
    entries.forEach(([k, v], i) => {
      chart.append(svg('text', { x: left - 8, y: i * row + 17, 'text-anchor': 'end', 'font-size': 13 },
        labels[k] || k));
      chart.append(svg('rect', { class: 'bar', x: left, y: i * row + 4, height: row - 8,
        width: Math.max(1, v * (w - left - 60) / max) }));
      chart.append(svg('text', { x: left + v * (w - left - 60) / max + 6, y: i * row + 17, 'font-size': 12 }, v));
    });
    return chart;
  }

  function countTable(title, counts, labels) {
    const rows = Object.entries(counts).sort((a, b) => b[1] - a[1])
      .map(([k, v]) => el('tr', {}, el('td', {}, labels[k] || k), el('td', { class: 'n' }, v)));
    return el('table', {}, el('tr', {}, el('th', {}, title), el('th', {}, '件数')), ...rows);
  }

  async function show() {
    const status = document.getElementById('status');
    status.textContent = '集計を読み込んでいます…';
    try {
      const table = await get('/reports/fiscal-years?from=R3');
      const cases = await get('/reports/cases');
      const labels = cases.labels;
      const years = table.years;
      document.getElementById('city').textContent = table.municipalityName;
      document.getElementById('year-table').replaceChildren(yearTable(years, labels));
      document.getElementById('meeting-chart').replaceChildren(lineChart(years,
        ['JUUSOU_SHIEN_KAIGI', 'SHIEN_KAIGI'].map(t => ({ name: labels.meetingTypes[t],
          value: y => y.meetings[t].casesHandled }))));
      document.getElementById('plan-chart').replaceChildren(lineChart(years,
        Object.keys(labels.planTypes).map(t => ({ name: labels.planTypes[t], value: y => y.plans[t].made }))));
      const stages = Object.fromEntries(Object.entries(cases.stages.byStage).filter(([k]) => k !== 'CLOSED'));
      document.getElementById('stages').replaceChildren(
        el('p', {}, `支援中の事例 ${cases.stages.open} 件（終結 ${cases.stages.byStage.CLOSED} 件）`),
        bars(stages, labels.stages));
      document.getElementById('case-year').textContent = cases.year.label;
      document.getElementById('breakdowns').replaceChildren(
        countTable('相談経路', cases.year.byChannel, labels.channels),
        countTable('課題', cases.year.byConcern, labels.concerns),
        countTable('分野', cases.year.byField, Object.assign({ NONE: '分野なし' }, labels.fields)));
      document.getElementById('content').hidden = false;
      document.getElementById('signin').hidden = true;
      status.textContent = '';
      document.body.dataset.ready = 'true';
    } catch (e) {
      status.textContent = e.message;
      document.getElementById('signin').hidden = false;
    }
  }

  document.getElementById('token-form').addEventListener('submit', ev => {
    ev.preventDefault();
    sessionStorage.setItem(KEY, document.getElementById('token').value.trim());
    show();
  });
  if (token()) {
    show();
  } else {
    document.getElementById('signin').hidden = false;
  }
}());
