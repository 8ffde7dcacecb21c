// conflict-kg map page. Reads only the server's read-only JSON under /api/; no other host.
(function () {
  'use strict';

  const $ = (s) => document.querySelector(s);
  const DAY = 86400000;
  const state = { date: null, view: 'map', sel: null, at: null, country: '', side: '', q: null, p: {} };
  let meta = null;
  let map = null;
  let placeLayer = null;
  let hwLayer = null;
  let firstMs = 0;
  let lastMs = 0;
  let dayToken = 0;
  let playing = false;
  let lastDay = null;
  let fitted = false;

  // ---- small DOM helpers (no innerHTML with data: every text goes through textContent) ----
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    if (attrs) {
      for (const [k, v] of Object.entries(attrs)) {
        if (v === null || v === undefined || v === false) continue;
        if (k === 'class') e.className = v;
        else if (k === 'text') e.textContent = v;
        else if (k.startsWith('data-')) e.setAttribute(k, v);
        else if (k === 'hidden') e.hidden = true;
        else e.setAttribute(k, v);
      }
    }
    for (const c of children) {
      if (c === null || c === undefined) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }
  function clear(e) { while (e.firstChild) e.removeChild(e.firstChild); return e; }
  function sideColour(side) {
    const css = getComputedStyle(document.documentElement);
    return (css.getPropertyValue('--' + side) || css.getPropertyValue('--other')).trim();
  }
  function getJson(url) {
    return fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' }).then((r) =>
      r.json().then((body) => {
        if (!r.ok) throw new Error(body && body.error ? body.error : 'HTTP ' + r.status);
        return body;
      }));
  }
  function msOf(date) { return Date.parse(date + 'T00:00:00Z'); }
  function dateOf(ms) { return new Date(ms).toISOString().slice(0, 10); }
  function status(text) { $('#status-line').textContent = text; }

  // ---- URL: date, view, selection, map position, filters, query form ----
  function readHash() {
    const h = new URLSearchParams(location.hash.slice(1));
    state.date = h.get('date') || state.date;
    state.view = h.get('view') === 'queries' ? 'queries' : 'map';
    state.sel = h.get('sel');
    state.at = h.get('at');
    state.country = h.get('country') || '';
    state.side = h.get('side') || '';
    state.q = h.get('q');
    state.p = {};
    for (const [k, v] of h.entries()) if (k.startsWith('p.')) state.p[k.slice(2)] = v;
  }
  function writeHash() {
    const h = new URLSearchParams();
    if (state.date) h.set('date', state.date);
    h.set('view', state.view);
    if (state.sel) h.set('sel', state.sel);
    if (map) {
      const c = map.getCenter();
      h.set('at', c.lat.toFixed(4) + ',' + c.lng.toFixed(4) + ',' + map.getZoom());
    }
    if (state.country) h.set('country', state.country);
    if (state.side) h.set('side', state.side);
    if (state.q) {
      h.set('q', state.q);
      for (const [k, v] of Object.entries(state.p)) if (v) h.set('p.' + k, v);
    }
    history.replaceState(null, '', '#' + h.toString());
  }

  // ---- start ----
  function start() {
    readHash();
    getJson('/api/meta').then((m) => {
      meta = m;
      setupFilters();
      setupLegend();
      setupMap();
      setupTime();
      setupSearch();
      setupQueries();
      setupViews();
      showView(state.view);
      return loadDay(state.date);
    }).then(() => {
      if (state.sel) openPanel(state.sel);
      document.body.setAttribute('data-ready', 'true');
    }).catch((e) => {
      status('Cannot load the map: ' + e.message);
      document.body.setAttribute('data-ready', 'error');
    });
  }

  function setupFilters() {
    const countries = $('#filter-country');
    for (const c of meta.facets.country) countries.append(el('option', { value: c.value, text: c.label }));
    const sides = $('#filter-side');
    for (const s of meta.facets.side) sides.append(el('option', { value: s.value, text: s.label }));
    countries.value = state.country;
    sides.value = state.side;
    countries.addEventListener('change', () => { state.country = countries.value; renderDay(); writeHash(); });
    sides.addEventListener('change', () => { state.side = sides.value; renderDay(); writeHash(); });
  }

  function setupLegend() {
    const ul = $('#legend-sides');
    const sides = meta.facets.side.map((s) => s.value);
    if (!sides.includes('unknown')) sides.push('unknown');
    for (const s of sides) {
      ul.append(el('li', null, el('span', { class: 'swatch place full side-' + s, 'data-side': s }), ' ' + s));
    }
  }

  function setupMap() {
    map = L.map('map', { zoomControl: true, preferCanvas: false, attributionControl: true });
    map.attributionControl.setPrefix(false);
    if (meta.tiles) {
      L.tileLayer(meta.tiles, { maxZoom: 18, attribution: 'tiles: ' + new URL(meta.tiles.replace(/[{}]/g, '')).host }).addTo(map);
    }
    setupBasemap();
    hwLayer = L.layerGroup().addTo(map);
    placeLayer = L.layerGroup().addTo(map);
    if (state.at) {
      const [lat, lon, z] = state.at.split(',').map(Number);
      if (isFinite(lat) && isFinite(lon) && isFinite(z)) { map.setView([lat, lon], z); fitted = true; }
    }
    // until the day's places are drawn (renderDay fits the view to them), or if there are none: the world
    if (!fitted) map.setView([20, 15], 2);
    map.on('moveend', writeHash);
  }

  // ---- the basemap: Natural Earth countries; first-level boundaries and names when zoomed in ----
  const ADMIN1_ZOOM = 5;
  const ADMIN1_NAMES_ZOOM = 7;
  const ADMIN1_NAMES_MAX = 300;
  let admin1 = null; // {lines, names} once read
  let admin1Reading = false;
  let admin1Names = null;

  function setupBasemap() {
    // panes (stacking in app.css): countries and boundaries under the highways, names under the markers
    map.createPane('basemap');
    map.createPane('admin1names');
    getJson('/app/countries.geojson').then((geo) => {
      L.geoJSON(geo, {
        pane: 'basemap', interactive: false,
        style: { className: 'country', color: '#8d8a82', weight: 1, fillColor: '#f4f1ea', fillOpacity: meta.tiles ? 0 : 1 }
      }).addTo(map);
    }).catch((e) => status('Basemap missing: ' + e.message));
    map.attributionControl.addAttribution('Natural Earth');
    // after every move and zoom, the first view included
    map.on('moveend', showAdmin1);
  }

  function showAdmin1() {
    const z = map.getZoom();
    if (z < ADMIN1_ZOOM) {
      if (admin1 && map.hasLayer(admin1.lines)) { map.removeLayer(admin1.lines); map.removeLayer(admin1Names); }
      return;
    }
    if (!admin1) {
      if (admin1Reading) return;
      admin1Reading = true;
      Promise.all([getJson('/app/admin1-lines.geojson'), getJson('/app/admin1-names.geojson')]).then(([lines, names]) => {
        admin1 = {
          lines: L.geoJSON(lines, { pane: 'basemap', interactive: false,
            style: { className: 'admin1', color: '#a8a397', weight: 0.8, dashArray: '4 3', fill: false } }),
          names: names.features.map((f) => ({ name: f.properties.name, country: f.properties.adm0_a3,
            at: L.latLng(f.geometry.coordinates[1], f.geometry.coordinates[0]) }))
        };
        admin1Names = L.layerGroup();
        showAdmin1();
      }).catch((e) => status('Basemap missing: ' + e.message)).finally(() => { admin1Reading = false; });
      return;
    }
    if (!map.hasLayer(admin1.lines)) { admin1.lines.addTo(map); admin1Names.addTo(map); }
    admin1Names.clearLayers();
    if (z < ADMIN1_NAMES_ZOOM) return;
    const view = map.getBounds();
    const inView = admin1.names.filter((n) => view.contains(n.at)).slice(0, ADMIN1_NAMES_MAX);
    for (const n of inView) {
      const label = el('span', { class: 'admin1-name', 'data-name': n.name, 'data-country': n.country, text: n.name });
      admin1Names.addLayer(L.marker(n.at, { pane: 'admin1names', interactive: false, keyboard: false,
        icon: L.divIcon({ className: 'admin1-name-icon', html: label, iconSize: null }) }));
    }
  }

  function setupTime() {
    firstMs = msOf(meta.first || '2012-01-01');
    lastMs = msOf(meta.last || dateOf(Date.now()));
    if (!state.date || isNaN(msOf(state.date))) state.date = dateOf(lastMs);
    const slider = $('#slider');
    slider.min = 0;
    slider.max = Math.round((lastMs - firstMs) / DAY);
    const date = $('#date');
    date.min = dateOf(firstMs);
    date.max = dateOf(lastMs);
    syncTime();
    slider.addEventListener('input', () => { setDate(dateOf(firstMs + Number(slider.value) * DAY)); });
    date.addEventListener('change', () => { if (date.value) setDate(date.value); });
    $('#play').addEventListener('click', () => (playing ? stopPlay() : play()));
  }
  function syncTime() {
    $('#slider').value = Math.round((msOf(state.date) - firstMs) / DAY);
    $('#date').value = state.date;
  }
  function setDate(d) {
    state.date = d;
    syncTime();
    writeHash();
    return loadDay(d).then(() => { if (state.sel && !$('#panel').hidden) markCurrentPeriod(); });
  }
  function play() {
    playing = true;
    $('#play').textContent = '\u275A\u275A';
    $('#play').setAttribute('aria-label', 'Pause');
    const span = Math.max(1, Math.round((lastMs - firstMs) / DAY));
    const step = Math.max(1, Math.round(span / 240));
    if (msOf(state.date) >= lastMs) state.date = dateOf(firstMs);
    const tick = () => {
      if (!playing) return;
      const next = Math.min(lastMs, msOf(state.date) + step * DAY);
      setDate(dateOf(next)).then(() => {
        if (next >= lastMs) stopPlay();
        else setTimeout(tick, 250);
      });
    };
    tick();
  }
  function stopPlay() {
    playing = false;
    $('#play').textContent = '\u25B6';
    $('#play').setAttribute('aria-label', 'Play');
  }

  // ---- one day's map ----
  function loadDay(date) {
    const token = ++dayToken;
    return getJson('/api/day?date=' + encodeURIComponent(date)).then((day) => {
      if (token !== dayToken) return;
      lastDay = day;
      renderDay();
    }).catch((e) => status('No map for ' + date + ': ' + e.message));
  }

  function visible(p) {
    return (!state.country || p.country === state.country) && (!state.side || p.side === state.side);
  }

  function renderDay() {
    if (!lastDay) return;
    placeLayer.clearLayers();
    hwLayer.clearLayers();
    const shown = lastDay.places.filter(visible);
    const labels = shown.length <= 40;
    for (const p of shown) {
      const kind = p.status === 'partial' ? 'partial' : 'full';
      const div = el('div', {
        class: ['place', 'side-' + (p.side || 'unknown'), kind, p.contested ? 'contested' : '', p.disputed ? 'disputed' : '',
          p.iri === state.sel ? 'selected' : ''].join(' ').trim(),
        'data-iri': p.iri, 'data-label': p.label, 'data-side': p.side || 'unknown', 'data-kind': kind,
        'data-contested': String(p.contested), 'data-disputed': String(p.disputed),
        title: p.label + ': ' + (p.controllerLabel || p.side) + (p.status ? ' (' + p.status + ')' : '')
      });
      const marker = L.marker([p.lat, p.lon], {
        icon: L.divIcon({ className: 'place-icon', html: div, iconSize: [18, 18], iconAnchor: [9, 9] }),
        keyboard: true, title: p.label, alt: p.label, riseOnHover: true
      });
      marker.on('click', () => select(p.iri));
      if (labels) marker.bindTooltip(p.label, { permanent: true, direction: 'right', offset: [8, 0], className: 'place-label' });
      placeLayer.addLayer(marker);
    }
    for (const t of lastDay.towns || []) {
      const div = el('div', { class: 'town', 'data-iri': t.iri, 'data-label': t.label, title: t.label + ': no report of control on this day' });
      const m = L.marker([t.lat, t.lon], { icon: L.divIcon({ className: 'place-icon', html: div, iconSize: [10, 10], iconAnchor: [5, 5] }),
        keyboard: false, title: t.label, alt: t.label });
      m.on('click', () => select(t.iri));
      m.bindTooltip(t.label, { permanent: labels, direction: 'right', offset: [6, 0], className: 'place-label town-label' });
      placeLayer.addLayer(m);
    }
    for (const hw of lastDay.highways) {
      for (const s of hw.segments) {
        L.polyline([s.from, s.to], { color: sideColour(s.side), weight: 5, opacity: 0.85, lineCap: 'butt',
          className: 'hw hw-' + s.side }).bindTooltip(hw.label + ': ' + s.side).addTo(hwLayer);
      }
    }
    if (!fitted && shown.length) {
      const pts = shown.concat(lastDay.towns || []).map((p) => [p.lat, p.lon]);
      map.fitBounds(L.latLngBounds(pts), { maxZoom: 9, paddingTopLeft: [280, 40], paddingBottomRight: [470, 40], animate: false });
      fitted = true;
    }
    const counts = {};
    for (const p of shown) counts[p.side] = (counts[p.side] || 0) + 1;
    status(lastDay.date + ': ' + shown.length + ' places' +
      Object.entries(counts).map(([s, n]) => ', ' + s + ' ' + n).join(''));
  }

  // ---- the place panel ----
  function select(iri) {
    state.sel = iri;
    writeHash();
    renderDay();
    return openPanel(iri);
  }

  function openPanel(iri) {
    const panel = $('#panel');
    const body = clear($('#panel-body'));
    panel.hidden = false;
    body.append(el('p', { text: 'Loading\u2026' }));
    return getJson('/api/place?iri=' + encodeURIComponent(iri)).then((d) => {
      clear(body);
      body.setAttribute('data-iri', d.iri);
      body.append(el('h2', { text: d.label }));
      body.append(el('h3', { text: 'Control timeline' }));
      if (!d.periods.length) body.append(el('p', { text: 'No control timeline for this place.' }));
      for (const p of d.periods) body.append(periodView(p));
      if (d.disputes.length) {
        body.append(el('h3', { text: 'Where sources disagree' }));
        for (const x of d.disputes) body.append(disputeView(x));
      }
      markCurrentPeriod();
    }).catch((e) => { clear(body).append(el('p', { text: 'Cannot load this place: ' + e.message })); });
  }

  function periodView(p) {
    const box = el('div', { class: 'period', 'data-since': p.sinceDay || '', 'data-until': p.until || '', 'data-side': p.side });
    box.style.setProperty('--c', sideColour(p.side));
    const when = (p.since ? 'since ' + p.since : 'since an unknown day') + (p.until ? ', until ' + p.until : '');
    box.append(el('div', { class: 'head' }, (p.controllerLabel || p.side) + ' (' + p.side + ') ', el('span', { class: 'when', text: when }),
      p.status ? el('span', { class: 'tag', text: p.status }) : null,
      p.disputed ? el('span', { class: 'tag disputed', text: 'disputed' }) : null));
    if (p.sources.length) box.append(el('div', { class: 'sources', text: 'Sources: ' + p.sources.join('; ') }));
    for (const r of p.reports) box.append(reportView(r));
    return box;
  }

  const ROLE = { start: 'reported the change', support: 'reported who held it', context: 'reported, without a change of control' };
  function reportView(r) {
    const box = el('div', { class: 'report', 'data-source': r.source || '' });
    box.append(el('div', { class: 'meta', text: [r.source, ROLE[r.role] || r.role, r.status, r.day].filter(Boolean).join(' \u00b7 ') }));
    for (const q of r.quotes) box.append(el('blockquote', { class: 'quote', text: q }));
    box.append(articleView(r.article));
    return box;
  }

  function articleView(a) {
    if (!a) return null;
    const title = a.title || a.iri;
    const line = el('div', { class: 'article' });
    if (a.url) line.append(el('a', { href: a.url, rel: 'noopener noreferrer', target: '_blank', text: title }));
    else line.append(el('span', { class: 'title', text: title }));
    line.append(' \u2014 ' + [a.publisher, a.date].filter(Boolean).join(', ') + ' \u00b7 ');
    // everything the article contributed, in the queries view
    const id = a.iri ? a.iri.replace(/^.*\/article\//, '') : null;
    if (id) line.append(el('a', { href: '#view=queries&q=article-facts&p.article=' + encodeURIComponent(id), class: 'facts-link', text: 'its facts' }));
    return line;
  }

  function disputeView(x) {
    const box = el('div', { class: 'dispute' }, el('div', { class: 'meta', text: 'Disagreement on the ' + x.aspect }));
    const grid = el('div', { class: 'versions' });
    for (const v of x.versions) {
      const what = [v.actor, v.value, v.status, v.day ? 'on ' + v.day : null, v.asOf ? 'as of ' + v.asOf : null].filter(Boolean).join(' \u00b7 ');
      const card = el('div', { class: 'version' }, el('div', { class: 'head', text: what }),
        el('div', { class: 'sources', text: 'according to ' + (v.source || 'an unnamed source') }));
      for (const q of v.quotes) card.append(el('blockquote', { class: 'quote', text: q }));
      card.append(articleView(v.article));
      grid.append(card);
    }
    box.append(grid);
    return box;
  }

  function markCurrentPeriod() {
    for (const p of document.querySelectorAll('#panel .period')) {
      const s = p.getAttribute('data-since');
      const u = p.getAttribute('data-until');
      p.classList.toggle('now', (!s || s <= state.date) && (!u || state.date < u));
    }
  }

  // ---- place search ----
  function placeSearch(input, list, onPick) {
    let t = null;
    let seq = 0;
    input.addEventListener('input', () => {
      clearTimeout(t);
      t = setTimeout(() => {
        const q = input.value.trim();
        const mine = ++seq;
        if (!q) { list.hidden = true; return; }
        getJson('/api/search?q=' + encodeURIComponent(q)).then((rs) => {
          if (mine !== seq) return;
          clear(list);
          for (const r of rs) {
            const li = el('li', { 'data-iri': r.iri, tabindex: '0' }, r.label,
              r.matched && r.matched !== r.label ? el('span', { class: 'matched', text: ' (' + r.matched + ')' }) : null);
            li.addEventListener('click', () => { list.hidden = true; onPick(r); });
            li.addEventListener('keydown', (e) => { if (e.key === 'Enter') { list.hidden = true; onPick(r); } });
            list.append(li);
          }
          if (!rs.length) list.append(el('li', { text: 'no place found' }));
          list.hidden = false;
        }).catch((e) => status('Search failed: ' + e.message));
      }, 200);
    });
  }

  function setupSearch() {
    placeSearch($('#search'), $('#search-results'), (r) => {
      $('#search').value = r.label;
      showView('map');
      if (r.lat !== undefined) map.setView([r.lat, r.lon], Math.max(map.getZoom(), 9));
      select(r.iri);
    });
    $('#panel-close').addEventListener('click', () => {
      $('#panel').hidden = true;
      state.sel = null;
      writeHash();
      renderDay();
    });
  }

  // ---- views ----
  function setupViews() {
    for (const b of document.querySelectorAll('.view-tab')) {
      b.addEventListener('click', () => { showView(b.getAttribute('data-view')); writeHash(); });
    }
  }
  function showView(v) {
    state.view = v;
    $('#map-view').hidden = v !== 'map';
    $('#queries-view').hidden = v !== 'queries';
    for (const b of document.querySelectorAll('.view-tab')) b.classList.toggle('active', b.getAttribute('data-view') === v);
    if (v === 'map' && map) map.invalidateSize();
  }

  // ---- the named queries as forms ----
  function setupQueries() {
    const select = $('#query-name');
    for (const q of meta.queries) select.append(el('option', { value: q.name, text: q.name + ' \u2014 ' + q.summary.replace(/^[a-z0-9-]+:\s*/, '') }));
    if (state.q && meta.queries.some((q) => q.name === state.q)) select.value = state.q;
    select.addEventListener('change', () => { state.q = select.value; state.p = {}; buildForm(); writeHash(); });
    $('#query-form').addEventListener('submit', (e) => { e.preventDefault(); runQuery(); });
    buildForm();
    if (state.q && state.view === 'queries') runQuery();
  }

  function buildForm() {
    const q = meta.queries.find((x) => x.name === $('#query-name').value);
    state.q = q.name;
    $('#query-summary').textContent = q.description;
    const box = clear($('#query-params'));
    clear($('#query-result'));
    $('#download-csv').hidden = true;
    $('#download-geojson').hidden = true;
    for (const p of q.params) box.append(paramInput(p));
  }

  function codeList(name) {
    if (name === 'highway') return meta.facets.highway;
    if (name === 'measure') return meta.facets.measure;
    return null;
  }

  function paramInput(p) {
    const label = el('label', { title: p.description }, p.name + (p.required ? ' *' : ''));
    const saved = state.p[p.name];
    const list = p.type === 'iri' ? codeList(p.name) : null;
    let input;
    if (p.type === 'date') {
      input = el('input', { type: 'date', name: p.name, value: saved || state.date || '' });
    } else if (list) {
      input = el('select', { name: p.name }, el('option', { value: '', text: p.required ? 'choose\u2026' : 'any' }));
      for (const c of list) input.append(el('option', { value: c.value, text: c.label }));
      input.value = saved || '';
    } else if (p.type === 'iri' && p.name === 'place') {
      input = el('input', { type: 'hidden', name: p.name, value: saved || '' });
      const text = el('input', { type: 'search', placeholder: 'find a place', 'data-picker': p.name, autocomplete: 'off' });
      const ul = el('ul', { class: 'picker-list', hidden: true });
      placeSearch(text, ul, (r) => { input.value = r.iri; text.value = r.label; });
      text.addEventListener('input', () => { if (!text.value) input.value = ''; });
      if (saved) text.value = saved.replace(/^.*\//, '');
      label.append(text, ul, input);
      return label;
    } else if (p.type === 'integer' || p.type === 'decimal') {
      input = el('input', { type: 'number', step: p.type === 'integer' ? '1' : 'any', name: p.name, value: saved || '' });
    } else {
      input = el('input', { type: 'text', name: p.name, value: saved || '', placeholder: p.type });
    }
    if (p.required) input.required = true;
    label.append(input);
    return label;
  }

  function queryUrl(format) {
    const params = new URLSearchParams();
    state.p = {};
    for (const i of document.querySelectorAll('#query-params [name]')) {
      if (i.value) { params.set(i.name, i.value); state.p[i.name] = i.value; }
    }
    params.set('format', format);
    return '/api/query/' + encodeURIComponent(state.q) + '?' + params.toString();
  }

  function runQuery() {
    const url = queryUrl('json');
    writeHash();
    const out = clear($('#query-result'));
    $('#query-message').textContent = 'Running\u2026';
    return getJson(url).then((r) => {
      const labelled = new Set(r.columns.filter((c) => r.columns.includes(c + 'Label')));
      const head = el('tr');
      for (const c of r.columns) head.append(el('th', { 'data-col': c, hidden: labelled.has(c), text: c }));
      const tbody = el('tbody');
      for (const row of r.rows) {
        const tr = el('tr');
        row.forEach((cell, i) => {
          const c = r.columns[i];
          const td = el('td', { 'data-col': c, 'data-value': cell.value === undefined ? '' : cell.value, hidden: labelled.has(c) });
          td.textContent = cell.label || (cell.value === undefined ? '' : cell.value);
          if (cell.label) td.title = cell.value;
          tr.append(td);
        });
        tbody.append(tr);
      }
      out.append(el('table', { class: 'result', 'data-query': state.q }, el('thead', null, head), tbody));
      $('#query-message').textContent = r.rows.length + ' row' + (r.rows.length === 1 ? '' : 's');
      const csv = $('#download-csv');
      csv.href = queryUrl('csv');
      csv.hidden = false;
      const geo = $('#download-geojson');
      geo.href = queryUrl('geojson');
      geo.hidden = !r.geo;
    }).catch((e) => { $('#query-message').textContent = 'Query failed: ' + e.message; });
  }

  window.addEventListener('hashchange', () => {
    const before = state.date;
    const sel = state.sel;
    const query = state.q + ' ' + JSON.stringify(state.p);
    readHash();
    if (!meta) return;
    if (state.date !== before) { syncTime(); loadDay(state.date); }
    if (state.sel && state.sel !== sel) openPanel(state.sel);
    showView(state.view);
    if (state.view === 'queries' && state.q && state.q + ' ' + JSON.stringify(state.p) !== query
        && meta.queries.some((q) => q.name === state.q)) {
      $('#query-name').value = state.q;
      const wanted = state.p;
      buildForm();
      state.p = wanted;
      for (const i of document.querySelectorAll('#query-params [name]')) if (wanted[i.name]) i.value = wanted[i.name];
      runQuery();
    }
  });

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
