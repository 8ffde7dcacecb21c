// The review page: an article with its evidence highlighted, its drafted facts beside it.
// Decisions and edits are saved at once (POST /api/article?name=); a refused save keeps them here.
'use strict';

(function () {
  const KINDS = ['events', 'controlStates', 'figures', 'actors', 'places'];
  const KIND_LABEL = { events: 'event', controlStates: 'control state', figures: 'figure', actors: 'actor', places: 'place' };
  const $ = (id) => document.getElementById(id);

  const page = {
    queue: null,        // {articles:[{name,reviewed,started}], reviewed, total, codes, reviewer}
    index: -1,          // position in the queue
    article: null,      // {name, draft, text, cp2u, u2cp}
    items: [],          // [{kind, key, decision, fact}]
    drafts: {},         // key -> the drafted fact, for "edited"
    reviewed: false,
    selected: -1,       // index into items
    hits: new Set(),    // items whose evidence meets the selected words
    editing: -1,        // item being edited
    unsaved: {},        // name -> {items, reviewed}: edits a refused save left on the page
    saves: 0
  };

  // ---- helpers -------------------------------------------------------------------------------

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = v;
      else if (k.startsWith('data-')) e.setAttribute(k, v);
      else if (k in e) e[k] = v;
      else e.setAttribute(k, v);
    }
    for (const c of children) if (c !== null && c !== undefined) e.append(c);
    return e;
  }

  const clone = (o) => (o === undefined ? undefined : JSON.parse(JSON.stringify(o)));
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

  async function api(path, options) {
    const resp = await fetch('/api/' + path, Object.assign({ cache: 'no-store' }, options || {}));
    let body = null;
    try { body = await resp.json(); } catch (e) { body = { error: resp.status + ' ' + resp.statusText }; }
    if (!resp.ok) throw new Error(body && body.error ? body.error : 'HTTP ' + resp.status);
    return body;
  }

  // Offsets in facts count code points of the body; the DOM counts UTF-16 units.
  function offsetMaps(text) {
    const cp2u = [];
    const u2cp = new Array(text.length + 1);
    let u = 0;
    let cp = 0;
    for (const ch of text) {
      cp2u.push(u);
      for (let k = 0; k < ch.length; k++) u2cp[u + k] = cp;
      u += ch.length;
      cp++;
    }
    cp2u.push(u);
    u2cp[u] = cp;
    return { cp2u, u2cp };
  }

  function entityName(kind, id) {
    if (!id) return '?';
    const it = page.items.find((i) => i.kind === kind && i.fact.id === id);
    return it ? it.fact.name || id : id;
  }

  function dateText(d) {
    if (d === undefined || d === null) return '';
    if (typeof d === 'object') return (d.from || '') + '/' + (d.to || '');
    return String(d);
  }

  function label(item) {
    const f = item.fact;
    switch (item.kind) {
      case 'events': {
        if (f.type === 'control-change') {
          return (f.place ? entityName('places', f.place) : f.highway || '?') + ': ' + entityName('actors', f.from)
            + ' \u2192 ' + entityName('actors', f.to) + ' (' + (f.status || '?') + (f.date ? ', ' + dateText(f.date) : '') + ')';
        }
        return f.type + (f.places && f.places.length ? ' in ' + f.places.map((p) => entityName('places', p)).join(', ') : '')
          + (f.date ? ' (' + dateText(f.date) + ')' : '');
      }
      case 'controlStates':
        return entityName('places', f.place) + ' held by ' + entityName('actors', f.controller)
          + (f.asOf ? ' as of ' + f.asOf : '') + (f.from ? ' from ' + f.from : '') + (f.to ? ' to ' + f.to : '')
          + (f.status ? ' (' + f.status + ')' : '');
      case 'figures': {
        const n = f.value !== undefined ? String(f.value) : (f.low + '\u2013' + f.high);
        return f.measure + ': ' + (f.qualifier && f.qualifier !== 'exact' ? f.qualifier + ' ' : '') + n
          + (f.group ? ' ' + f.group : '') + (f.according && f.according.length ? ', according to '
          + f.according.map((a) => entityName('actors', a)).join(', ') : '');
      }
      case 'actors':
        return f.name + ' (' + f.kind + (f.side ? ', ' + f.side : '') + ')';
      case 'places':
        return f.name + ' (' + f.kind + (f.geonames ? ', GeoNames ' + f.geonames : '') + ')';
      default:
        return JSON.stringify(f);
    }
  }

  function uniqueId(prefix) {
    const ids = new Set(page.items.map((i) => i.fact.id).filter(Boolean));
    for (const h of page.article.draft.highways || []) ids.add(h.id);
    let n = 1;
    while (ids.has(prefix + '-' + n)) n++;
    return prefix + '-' + n;
  }

  // ---- loading -------------------------------------------------------------------------------

  async function start() {
    page.queue = await api('queue');
    bindControls();
    const wanted = decodeURIComponent(location.hash.replace(/^#/, ''));
    let i = page.queue.articles.findIndex((a) => a.name === wanted);
    if (i < 0) i = page.queue.articles.findIndex((a) => !a.reviewed);
    await openArticle(i < 0 ? 0 : i);
  }

  async function openArticle(i) {
    if (!page.queue.articles.length) return;
    i = Math.max(0, Math.min(page.queue.articles.length - 1, i));
    document.body.setAttribute('data-ready', 'false');
    const name = page.queue.articles[i].name;
    const data = await api('article?name=' + encodeURIComponent(name));
    page.index = i;
    const text = data.draft.article.text || '';
    page.article = Object.assign({ name, draft: data.draft, text }, offsetMaps(text));
    page.drafts = {};
    const draftItems = [];
    for (const kind of KINDS) {
      (data.draft[kind] || []).forEach((f, n) => {
        const key = kind + '/' + n;
        page.drafts[key] = f;
        draftItems.push({ kind, key, decision: 'undecided', fact: clone(f) });
      });
    }
    if (page.unsaved[name]) {
      page.items = page.unsaved[name].items;
      page.reviewed = page.unsaved[name].reviewed;
    } else if (data.state && Array.isArray(data.state.items)) {
      page.items = data.state.items;
      page.reviewed = !!data.state.reviewed;
    } else if (data.reviewedDocument) {
      page.items = [];
      for (const kind of KINDS) {
        (data.reviewedDocument[kind] || []).forEach((f, n) => page.items.push({ kind, key: 'reviewed-' + kind + '/' + n, decision: 'accepted', fact: f }));
      }
      page.reviewed = true;
    } else {
      page.items = draftItems;
      page.reviewed = false;
    }
    page.selected = -1;
    page.hits = new Set();
    closeEditor();
    location.hash = encodeURIComponent(name);
    renderAll();
    showSaveState(page.unsaved[name] ? 'error' : '', page.unsaved[name] ? page.unsaved[name].error : '');
    document.body.setAttribute('data-article', name);
    document.body.setAttribute('data-ready', 'true');
  }

  // ---- rendering -----------------------------------------------------------------------------

  function renderAll() {
    renderHeader();
    renderText();
    renderFacts();
  }

  function renderHeader() {
    const q = page.queue;
    $('article-pos').textContent = 'Article ' + (page.index + 1) + ' of ' + q.articles.length;
    $('progress').textContent = q.reviewed + ' of ' + q.total + ' reviewed';
    const a = page.article.draft.article;
    $('article-title').textContent = (a.title || page.article.name) + (page.reviewed ? ' \u2714 reviewed' : '');
    $('article-meta').textContent = [a.publisher, a.published, page.article.name].filter(Boolean).join(' \u00b7 ');
    $('prev-article').disabled = page.index <= 0;
    $('next-article').disabled = page.index >= q.articles.length - 1;
    const undecided = page.items.filter((i) => i.decision === 'undecided').length;
    $('mark-reviewed').textContent = page.reviewed ? 'Reviewed' : 'Mark reviewed' + (undecided ? ' (' + undecided + ' undecided)' : '');
  }

  function spansOf(index) {
    const item = page.items[index];
    return (item.fact.evidence || []).filter((e) => Number.isInteger(e.start) && Number.isInteger(e.end)
      && e.start >= 0 && e.end <= page.article.cp2u.length - 1 && e.start < e.end)
      .map((e) => [page.article.cp2u[e.start], page.article.cp2u[e.end]]);
  }

  function renderText() {
    const box = $('text');
    const text = page.article.text;
    const spans = [];
    page.items.forEach((item, i) => {
      if (item.decision === 'rejected') return;
      for (const [s, e] of spansOf(i)) spans.push({ s, e, i });
    });
    const cuts = new Set([0, text.length]);
    for (const sp of spans) { cuts.add(sp.s); cuts.add(sp.e); }
    const bounds = [...cuts].sort((x, y) => x - y);
    const frag = document.createDocumentFragment();
    for (let k = 0; k + 1 < bounds.length; k++) {
      const s = bounds[k];
      const e = bounds[k + 1];
      const covering = spans.filter((sp) => sp.s <= s && sp.e >= e).map((sp) => sp.i);
      const piece = text.slice(s, e);
      if (!covering.length) {
        frag.append(document.createTextNode(piece));
      } else {
        const ids = [...new Set(covering)];
        frag.append(el('span', { class: 'ev' + (ids.length > 1 ? ' multi' : '') + (ids.includes(page.selected) ? ' current' : ''),
          'data-items': ids.join(','), text: piece }));
      }
    }
    box.replaceChildren(frag);
  }

  function sortedIndexes() {
    const filter = $('filter-kind').value;
    const order = $('sort').value;
    const idx = page.items.map((_, i) => i).filter((i) => !filter || page.items[i].kind === filter);
    if (order !== 'doc') {
      const c = (i) => (typeof page.items[i].fact.confidence === 'number' ? page.items[i].fact.confidence : null);
      idx.sort((x, y) => {
        const a = c(x);
        const b = c(y);
        if (a === null && b === null) return x - y;
        if (a === null) return 1;
        if (b === null) return -1;
        return order === 'conf-asc' ? a - b || x - y : b - a || x - y;
      });
    }
    return idx;
  }

  function renderFacts() {
    const list = $('facts');
    const frag = document.createDocumentFragment();
    for (const i of sortedIndexes()) {
      const item = page.items[i];
      const edited = item.decision !== 'added' && page.drafts[item.key] && !same(page.drafts[item.key], item.fact);
      const conf = typeof item.fact.confidence === 'number' ? item.fact.confidence.toFixed(2) : '\u2014';
      const li = el('li', { class: 'fact ' + item.decision + (i === page.selected ? ' selected' : '') + (page.hits.has(i) ? ' hit' : ''),
        'data-index': String(i), 'data-kind': item.kind, 'data-id': item.fact.id || '', 'data-decision': item.decision },
        el('span', { class: 'conf', title: 'confidence of the draft', text: conf }),
        el('span', { class: 'kind', text: KIND_LABEL[item.kind] }),
        el('span', { class: 'label', text: label(item) }),
        el('span', { class: 'decision', text: item.decision }),
        edited ? el('span', { class: 'edited', text: 'edited' }) : null,
        el('div', { class: 'buttons' },
          el('button', { type: 'button', class: 'do-accept', text: 'Accept' }),
          el('button', { type: 'button', class: 'do-reject', text: 'Reject' }),
          el('button', { type: 'button', class: 'do-edit', text: 'Edit' })));
      frag.append(li);
    }
    list.replaceChildren(frag);
    renderHeader();
  }

  function select(i, scroll) {
    page.selected = i;
    for (const li of document.querySelectorAll('#facts .fact')) {
      li.classList.toggle('selected', Number(li.getAttribute('data-index')) === i);
    }
    let first = null;
    for (const sp of document.querySelectorAll('#text .ev')) {
      const on = sp.getAttribute('data-items').split(',').map(Number).includes(i);
      sp.classList.toggle('current', on);
      if (on && !first) first = sp;
    }
    const li = document.querySelector('#facts .fact[data-index="' + i + '"]');
    if (li && scroll !== false) li.scrollIntoView({ block: 'nearest' });
    if (first) first.scrollIntoView({ block: 'center' });
  }

  function move(step) {
    const order = sortedIndexes();
    if (!order.length) return;
    const at = order.indexOf(page.selected);
    const next = at < 0 ? (step > 0 ? 0 : order.length - 1) : Math.max(0, Math.min(order.length - 1, at + step));
    select(order[next]);
  }

  // ---- the selected words --------------------------------------------------------------------

  /** The selection inside the text as {start, end} in UTF-16 units, trimmed of spaces; or null. */
  function textSelection() {
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    const range = sel.getRangeAt(0);
    const box = $('text');
    if (!box.contains(range.startContainer) || !box.contains(range.endContainer)) return null;
    const at = (node, offset) => {
      const r = document.createRange();
      r.setStart(box, 0);
      r.setEnd(node, offset);
      return r.toString().length;
    };
    let s = at(range.startContainer, range.startOffset);
    let e = at(range.endContainer, range.endOffset);
    const text = page.article.text;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    // Never split a surrogate pair.
    if (s > 0 && page.article.u2cp[s] === page.article.u2cp[s - 1]) s--;
    if (e < text.length && page.article.u2cp[e] === page.article.u2cp[e - 1]) e++;
    return s < e ? { start: s, end: e } : null;
  }

  function evidenceOf(sel) {
    const text = page.article.text;
    return { quote: text.slice(sel.start, sel.end), start: page.article.u2cp[sel.start], end: page.article.u2cp[sel.end] };
  }

  function showSelectionFacts() {
    const sel = textSelection();
    page.hits = new Set();
    if (sel) {
      page.items.forEach((item, i) => {
        if (spansOf(i).some(([s, e]) => s < sel.end && e > sel.start)) page.hits.add(i);
      });
      const ev = evidenceOf(sel);
      $('selection-info').textContent = 'Selected \u201c' + (ev.quote.length > 60 ? ev.quote.slice(0, 57) + '\u2026' : ev.quote)
        + '\u201d: ' + page.hits.size + ' fact' + (page.hits.size === 1 ? '' : 's') + ' here. f adds a figure, c a control change.';
    } else {
      $('selection-info').textContent = '';
    }
    for (const li of document.querySelectorAll('#facts .fact')) {
      li.classList.toggle('hit', page.hits.has(Number(li.getAttribute('data-index'))));
    }
    if (page.hits.size) select(Math.min(...page.hits), true);
  }

  function addFromSelection(kind) {
    const sel = textSelection();
    if (!sel) {
      $('selection-info').textContent = 'Select the words that state the fact first.';
      return;
    }
    const ev = evidenceOf(sel);
    let fact;
    if (kind === 'figures') {
      const digits = ev.quote.replace(/(\d),(?=\d{3})/g, '$1').match(/\d+(\.\d+)?/);
      fact = { id: uniqueId('figure'), measure: 'killed' };
      if (digits) fact.value = Number(digits[0]);
      fact.evidence = [ev];
    } else {
      fact = { id: uniqueId('control-change'), type: 'control-change', status: 'completed', evidence: [ev] };
    }
    page.items.push({ kind, key: 'added/' + fact.id, decision: 'added', fact });
    window.getSelection().removeAllRanges();
    page.hits = new Set();
    renderText();
    renderFacts();
    select(page.items.length - 1);
    openEditor(page.items.length - 1);
  }

  // ---- decisions -----------------------------------------------------------------------------

  function decide(i, decision) {
    if (i < 0 || i >= page.items.length) return;
    const item = page.items[i];
    if (item.decision === 'added' && decision === 'accepted') return;
    if (item.decision === 'added' && decision === 'rejected') {
      page.items.splice(i, 1);
      page.selected = Math.min(i, page.items.length - 1);
    } else {
      item.decision = decision;
    }
    changed();
  }

  function acceptRest() {
    for (const item of page.items) if (item.decision === 'undecided') item.decision = 'accepted';
    changed();
  }

  function markReviewed() {
    const undecided = page.items.filter((i) => i.decision === 'undecided').length;
    if (undecided) {
      showSaveState('error', undecided + ' fact' + (undecided === 1 ? ' is' : 's are') + ' undecided: decide each (A accepts them all) before marking the article reviewed');
      return;
    }
    page.reviewed = true;
    changed();
  }

  function changed() {
    renderText();
    renderFacts();
    if (page.selected >= 0) select(page.selected, false);
    save();
  }

  // ---- saving --------------------------------------------------------------------------------

  function buildDocument() {
    const doc = clone(page.article.draft);
    delete doc.review;
    for (const kind of KINDS) {
      const list = page.items.filter((i) => i.kind === kind && i.decision !== 'rejected').map((i) => i.fact);
      if (list.length || kind in page.article.draft) doc[kind] = list;
    }
    return doc;
  }

  let saving = Promise.resolve();

  function save() {
    const name = page.article.name;
    const body = JSON.stringify({ document: buildDocument(), items: page.items, reviewed: page.reviewed });
    const items = page.items;
    const reviewed = page.reviewed;
    showSaveState('saving', 'Saving\u2026');
    saving = saving.then(async () => {
      try {
        const r = await api('article?name=' + encodeURIComponent(name), {
          method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
        delete page.unsaved[name];
        const entry = page.queue.articles.find((a) => a.name === name);
        if (entry) { entry.reviewed = r.reviewed; entry.started = true; }
        page.queue.reviewed = r.reviewedCount;
        page.queue.total = r.total;
        if (page.article.name === name) page.reviewed = r.reviewed;
        page.saves++;
        document.body.setAttribute('data-saves', String(page.saves));
        let msg = 'Saved' + (r.reviewed ? ' \u00b7 reviewed' : '');
        if (r.loaded) msg += ' \u00b7 loaded: ' + r.loaded;
        if (r.loadError) msg += ' \u00b7 not loaded: ' + r.loadError;
        showSaveState(r.loadError ? 'error' : 'saved', msg);
        if (page.article.name === name) renderHeader();
      } catch (e) {
        page.unsaved[name] = { items, reviewed, error: 'Not saved: ' + e.message + ' (your changes stay on this page)' };
        if (page.article.name === name) {
          page.reviewed = false;
          showSaveState('error', page.unsaved[name].error);
          renderHeader();
        }
      }
    });
    return saving;
  }

  function showSaveState(state, message) {
    const s = $('save-status');
    s.className = state;
    s.textContent = message || '';
    document.body.setAttribute('data-save-state', state);
    $('save-retry').hidden = state !== 'error' || !page.unsaved[page.article && page.article.name];
  }

  // ---- editing -------------------------------------------------------------------------------

  function options(kind) {
    return page.items.filter((i) => i.kind === kind && i.decision !== 'rejected' && i.fact.id)
      .map((i) => ({ value: i.fact.id, text: i.fact.name || i.fact.id }));
  }

  const FIELDS = {
    events: [['type', 'text'], ['status', 'status'], ['date', 'date'], ['dateText', 'text'], ['from', 'actor'],
      ['to', 'actor'], ['actors', 'actors'], ['place', 'place'], ['according', 'actors']],
    controlStates: [['place', 'place'], ['controller', 'actor'], ['status', 'status'], ['asOf', 'text'],
      ['from', 'text'], ['to', 'text']],
    figures: [['measure', 'text'], ['value', 'number'], ['low', 'number'], ['high', 'number'], ['qualifier', 'qualifier'],
      ['unit', 'text'], ['group', 'text'], ['place', 'place'], ['dateText', 'text'], ['according', 'actors']],
    actors: [['name', 'text'], ['kind', 'actorKind'], ['side', 'text']],
    places: [['name', 'text'], ['kind', 'placeKind'], ['geonames', 'geonames']]
  };

  function selectOf(name, choices, value, empty) {
    const s = el('select', { name });
    if (empty) s.append(el('option', { value: '', text: '(none)' }));
    for (const c of choices) s.append(el('option', { value: c.value, text: c.text, selected: c.value === value }));
    if (value && !choices.some((c) => c.value === value)) s.append(el('option', { value, text: value, selected: true }));
    return s;
  }

  function field(name, type, fact) {
    const v = fact[name];
    const codes = page.queue.codes;
    const asChoices = (list) => list.map((c) => ({ value: c, text: c }));
    let input;
    switch (type) {
      case 'status': input = selectOf(name, asChoices(codes.status), v, true); break;
      case 'qualifier': input = selectOf(name, asChoices(codes.qualifier), v, true); break;
      case 'actorKind': input = selectOf(name, asChoices(codes.actorKind), v, false); break;
      case 'placeKind': input = selectOf(name, asChoices(codes.placeKind), v, false); break;
      case 'actor': input = selectOf(name, options('actors'), v, true); break;
      case 'actors': {
        input = selectOf(name, options('actors'), null, false);
        input.multiple = true;
        for (const o of input.options) o.selected = Array.isArray(v) && v.includes(o.value);
        break;
      }
      case 'place': {
        const s = selectOf(name, options('places'), v, true);
        return el('label', {}, el('span', { text: name }), s, gazetteerSearch((c) => {
          const id = placeFor(c);
          if (![...s.options].some((o) => o.value === id)) s.append(el('option', { value: id, text: c.name }));
          s.value = id;
        }));
      }
      case 'geonames': {
        const t = el('input', { name, type: 'text', value: v === undefined ? '' : String(v) });
        return el('label', {}, el('span', { text: name }), t, gazetteerSearch((c) => {
          t.value = c.geonames;
          const kind = document.querySelector('#editor-fields [name="kind"]');
          if (kind) kind.value = c.kind;
        }));
      }
      case 'date': input = el('input', { name, type: 'text', value: dateText(v), placeholder: 'YYYY[-MM[-DD]] or FROM/TO' }); break;
      case 'number': input = el('input', { name, type: 'text', inputMode: 'decimal', value: v === undefined ? '' : String(v) }); break;
      default: input = el('input', { name, type: 'text', value: v === undefined ? '' : String(v) });
    }
    return el('label', {}, el('span', { text: name }), input);
  }

  /** A search box over the gazetteer; choosing a candidate calls {@code chosen}. */
  function gazetteerSearch(chosen) {
    const q = el('input', { type: 'search', class: 'gaz-q', placeholder: 'search the gazetteer', 'aria-label': 'search the gazetteer' });
    const go = el('button', { type: 'button', class: 'gaz-go', text: 'Search' });
    const results = el('ul', { class: 'gaz-results' });
    const run = async () => {
      if (!q.value.trim()) return;
      results.replaceChildren(el('li', { text: 'searching\u2026' }));
      try {
        const found = await api('places?q=' + encodeURIComponent(q.value.trim()));
        results.replaceChildren(...(found.length ? found.map((c) => el('li', {},
          el('button', { type: 'button', class: 'gaz-pick', 'data-geonames': c.geonames,
            text: c.name + ' (' + c.kind + ', ' + c.country + ', GeoNames ' + c.geonames + ', score ' + c.score + ')',
            onclick: () => { chosen(c); results.replaceChildren(); } }))) : [el('li', { text: 'no candidates' })]));
      } catch (e) {
        results.replaceChildren(el('li', { class: 'error', text: e.message }));
      }
    };
    go.addEventListener('click', run);
    q.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') { ev.preventDefault(); run(); } });
    return el('span', {}, ' ', q, go, results);
  }

  /** The id of the document's place for a gazetteer candidate: an existing one, or a new place item. */
  function placeFor(c) {
    const known = page.items.find((i) => i.kind === 'places' && i.decision !== 'rejected' && String(i.fact.geonames) === c.geonames);
    if (known) return known.fact.id;
    const base = c.name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'place';
    let id = base;
    let n = 2;
    while (page.items.some((i) => i.fact.id === id)) id = base + '-' + n++;
    page.items.push({ kind: 'places', key: 'added/' + id, decision: 'added', fact: { id, name: c.name, kind: c.kind, geonames: c.geonames } });
    return id;
  }

  function openEditor(i) {
    if (i < 0 || i >= page.items.length) return;
    const item = page.items[i];
    page.editing = i;
    $('editor-title').textContent = 'Edit ' + KIND_LABEL[item.kind] + (item.fact.id ? ' ' + item.fact.id : '');
    $('editor-fields').replaceChildren(...FIELDS[item.kind].map(([name, type]) => field(name, type, item.fact)));
    $('editor-error').hidden = true;
    $('editor').hidden = false;
    const first = $('editor-fields').querySelector('input, select');
    if (first) first.focus();
  }

  function closeEditor() {
    page.editing = -1;
    $('editor').hidden = true;
    $('editor-fields').replaceChildren();
  }

  function parseDate(s) {
    if (s.includes('/')) {
      const [from, to] = s.split('/').map((x) => x.trim());
      const d = {};
      if (from) d.from = from;
      if (to) d.to = to;
      return d;
    }
    return s;
  }

  function applyEditor() {
    const i = page.editing;
    if (i < 0) return;
    const item = page.items[i];
    const fact = clone(item.fact);
    for (const [name, type] of FIELDS[item.kind]) {
      const input = $('editor-fields').querySelector('[name="' + name + '"]');
      if (!input) continue;
      let value;
      if (type === 'actors') {
        value = [...input.selectedOptions].map((o) => o.value);
        if (same(value, fact[name] || [])) continue;
        if (!value.length) { delete fact[name]; continue; }
      } else {
        const raw = input.value.trim();
        const before = type === 'date' ? dateText(fact[name]) : fact[name] === undefined ? '' : String(fact[name]);
        if (raw === before) continue;
        if (raw === '') { delete fact[name]; continue; }
        if (type === 'number') {
          value = Number(raw.replace(/,/g, ''));
          if (!Number.isFinite(value)) {
            $('editor-error').textContent = name + ': expected a number, got \u201c' + raw + '\u201d';
            $('editor-error').hidden = false;
            return;
          }
        } else if (type === 'date') {
          value = parseDate(raw);
        } else {
          value = raw;
        }
      }
      fact[name] = value;
    }
    item.fact = fact;
    if (item.decision === 'undecided') item.decision = 'accepted';
    closeEditor();
    changed();
  }

  // ---- controls ------------------------------------------------------------------------------

  function bindControls() {
    $('prev-article').addEventListener('click', () => openArticle(page.index - 1));
    $('next-article').addEventListener('click', () => openArticle(page.index + 1));
    $('sort').addEventListener('change', renderFacts);
    $('filter-kind').addEventListener('change', renderFacts);
    $('add-figure').addEventListener('click', () => addFromSelection('figures'));
    $('add-change').addEventListener('click', () => addFromSelection('events'));
    $('accept-rest').addEventListener('click', acceptRest);
    $('mark-reviewed').addEventListener('click', markReviewed);
    $('save-retry').addEventListener('click', save);
    $('editor').addEventListener('submit', (ev) => { ev.preventDefault(); applyEditor(); });
    $('editor-cancel').addEventListener('click', closeEditor);
    // Keep the text selection when an action button is pressed.
    for (const id of ['add-figure', 'add-change']) $(id).addEventListener('mousedown', (ev) => ev.preventDefault());
    $('facts').addEventListener('click', (ev) => {
      const li = ev.target.closest('.fact');
      if (!li) return;
      const i = Number(li.getAttribute('data-index'));
      if (ev.target.classList.contains('do-accept')) { select(i, false); decide(i, 'accepted'); }
      else if (ev.target.classList.contains('do-reject')) { select(i, false); decide(i, 'rejected'); }
      else if (ev.target.classList.contains('do-edit')) { select(i, false); openEditor(i); }
      else {
        $('selection-info').textContent = '';
        select(i, false);
      }
    });
    $('text').addEventListener('mouseup', showSelectionFacts);
    $('text').addEventListener('keyup', showSelectionFacts);
    $('text').addEventListener('click', (ev) => {
      const sp = ev.target.closest('.ev');
      if (!sp || !window.getSelection().isCollapsed) return;
      const ids = sp.getAttribute('data-items').split(',').map(Number);
      page.hits = new Set(ids);
      for (const li of document.querySelectorAll('#facts .fact')) li.classList.toggle('hit', page.hits.has(Number(li.getAttribute('data-index'))));
      $('selection-info').textContent = ids.length + ' fact' + (ids.length === 1 ? '' : 's') + ' rest on these words.';
      select(ids.includes(page.selected) ? ids[(ids.indexOf(page.selected) + 1) % ids.length] : ids[0]);
    });
    document.addEventListener('keydown', onKey);
    window.addEventListener('beforeunload', (ev) => {
      if (Object.keys(page.unsaved).length) { ev.preventDefault(); ev.returnValue = ''; }
    });
  }

  function onKey(ev) {
    if (ev.key === 'Escape') { closeEditor(); return; }
    const t = ev.target;
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA' || t.isContentEditable)) return;
    if (page.editing >= 0) return;
    const actions = {
      j: () => move(1), k: () => move(-1),
      a: () => decide(page.selected, 'accepted'), r: () => decide(page.selected, 'rejected'),
      e: () => openEditor(page.selected),
      f: () => addFromSelection('figures'), c: () => addFromSelection('events'),
      A: acceptRest, d: markReviewed,
      n: () => openArticle(page.index + 1), p: () => openArticle(page.index - 1)
    };
    const act = actions[ev.key];
    if (act) { ev.preventDefault(); act(); }
  }

  document.addEventListener('DOMContentLoaded', () => {
    start().catch((e) => {
      showSaveState('error', 'Cannot load the review: ' + e.message);
      document.body.setAttribute('data-ready', 'error');
    });
  });
})();
