// deriv's page. Plain JavaScript, no framework, no network but this server.
// Every piece of user or server text reaches the page through textContent or a property, never
// through HTML parsing; pictures arrive as SVG text and are shown through <img> (which runs no script).
'use strict';

(function () {
  const $ = (id) => document.getElementById(id);

  // ------------------------------------------------------------------------------- helpers

  /** An element with properties and children (strings become text nodes). */
  function el(tag, props, ...children) {
    const e = document.createElement(tag);
    if (props) {
      for (const [k, v] of Object.entries(props)) {
        if (v === undefined || v === null || v === false) continue;
        if (k === 'class') e.className = v;
        else if (k === 'text') e.textContent = v;
        else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
        else if (k.startsWith('aria') || k.startsWith('data')) e.setAttribute(k.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase()), v);
        else e[k] = v;
      }
    }
    for (const c of children) {
      if (c === null || c === undefined || c === false) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  // object URLs of pictures, grouped so that a new answer frees the old pictures
  const urls = new Map();
  function freeUrls(group) {
    for (const u of urls.get(group) || []) URL.revokeObjectURL(u);
    urls.set(group, []);
  }

  /** A picture of maths from the server's SVG, with the plain text as its alternative. */
  function mathNode(svg, plain, group) {
    const box = el('div', { class: 'math' });
    if (svg) {
      const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
      if (!urls.has(group)) urls.set(group, []);
      urls.get(group).push(url);
      const img = el('img', { src: url, alt: plain || '', title: plain || '' });
      img.addEventListener('load', () => fit(img));
      box.append(img);
    } else {
      box.append(el('span', { class: 'plain', text: plain || '' }));
    }
    return box;
  }

  /**
   * A picture a little wider than its box is shrunk to fit (down to 60%: smaller would be hard to
   * read); a much wider one keeps its size and its box scrolls sideways.
   */
  function fit(img) {
    const room = img.parentElement ? img.parentElement.clientWidth - 2 : 0;
    const natural = img.naturalWidth;
    img.classList.toggle('fit', room > 0 && natural > room && natural * 0.6 <= room);
  }

  function refit() { for (const img of document.querySelectorAll('.math img')) if (img.complete) fit(img); }

  /** POST a JSON body to /api/NAME; resolves to {ok, status, data} (data: JSON, or a Blob for files). */
  async function api(name, body, signal) {
    let res;
    try {
      res = await fetch('/api/' + name, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
        signal,
      });
    } catch (e) {
      if (e.name === 'AbortError') throw e;
      return { ok: false, status: 0, data: { error: 'cannot reach the deriv server (is `deriv serve` still running?)', line: 0, column: 0 } };
    }
    const type = res.headers.get('Content-Type') || '';
    if (type.startsWith('application/json')) {
      let data;
      try { data = await res.json(); } catch (e) { data = { error: 'the server sent bad JSON', line: 0, column: 0 }; }
      return { ok: res.ok, status: res.status, data };
    }
    return { ok: res.ok, status: res.status, data: await res.blob() };
  }

  /** Shows an error {error, line, column, sourceLine} in a box, with the spot highlighted. */
  function showError(box, err, textarea) {
    const msg = box.querySelector('.error-msg');
    const src = box.querySelector('.error-src');
    clear(src);
    let text = err.error || 'error';
    if (err.line > 0) text += ' (line ' + err.line + ', column ' + err.column + ')';
    msg.textContent = text;
    msg.classList.toggle('jump', !!(textarea && err.line > 0));
    msg.onclick = null;
    if (err.line > 0 && typeof err.sourceLine === 'string') {
      const line = err.sourceLine;
      const i = Math.max(0, Math.min(err.column - 1, line.length));
      const ch = i < line.length ? line.slice(i, i + 1) : ' ';
      src.append(line.slice(0, i), el('span', { class: 'at', text: ch }), line.slice(i + 1), '\n',
        ' '.repeat(i), el('span', { class: 'caret', text: '^' }));
      if (textarea) {
        msg.onclick = () => {
          const offset = offsetOf(textarea.value, err.line, err.column);
          textarea.focus();
          textarea.setSelectionRange(offset, Math.min(offset + 1, textarea.value.length));
        };
      }
    }
    if (textarea) textarea.setAttribute('aria-invalid', 'true');
    box.hidden = false;
  }

  function hideError(box, textarea) {
    box.hidden = true;
    if (textarea) textarea.removeAttribute('aria-invalid');
  }

  function offsetOf(text, line, column) {
    let off = 0;
    for (let l = 1; l < line; l++) {
      const nl = text.indexOf('\n', off);
      if (nl < 0) return text.length;
      off = nl + 1;
    }
    return Math.min(text.length, off + column - 1);
  }

  function syntax() {
    const v = document.querySelector('input[name=syntax]:checked').value;
    return v === 'auto' ? 'auto' : v === 'latex';
  }

  function wrtList() {
    return $('wrt').value.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  }

  async function copy(text, status) {
    try {
      await navigator.clipboard.writeText(text);
    } catch (e) {
      const t = el('textarea', { value: text });
      document.body.append(t);
      t.select();
      try { document.execCommand('copy'); } catch (e2) { /* nothing more to try */ }
      t.remove();
    }
    status.textContent = 'copied';
    setTimeout(() => { status.textContent = ''; }, 1500);
  }

  function download(blob, name) {
    const url = URL.createObjectURL(blob);
    const a = el('a', { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  function busy(on) {
    $('busy').hidden = !on;
    for (const id of ['diff-btn', 'grad-btn']) $(id).disabled = on;
  }

  // ------------------------------------------------------------------------------- preview

  let previewAbort = null;
  let previewTimer = 0;
  let variables = [];

  function schedulePreview() {
    clearTimeout(previewTimer);
    previewTimer = setTimeout(preview, 250);
  }

  async function preview() {
    const text = $('expr').value;
    if (previewAbort) previewAbort.abort();
    if (text.trim() === '') {
      hideError($('expr-error'), $('expr'));
      clear($('preview'));
      $('syntax-used').hidden = true;
      setVariables([]);
      return;
    }
    previewAbort = new AbortController();
    let r;
    try {
      r = await api('parse', { expr: text, latex: syntax(), svg: true }, previewAbort.signal);
    } catch (e) {
      return; // superseded by newer input
    }
    if (!r.ok) {
      showError($('expr-error'), r.data, $('expr'));
      return;
    }
    hideError($('expr-error'), $('expr'));
    freeUrls('preview');
    clear($('preview'));
    $('preview').append(mathNode(r.data.svg, r.data.input, 'preview'));
    $('syntax-used').textContent = r.data.format === 'latex' ? 'read as LaTeX' : 'read as plain syntax';
    $('syntax-used').hidden = false;
    setVariables(r.data.variables || []);
  }

  function setVariables(vars) {
    variables = vars;
    const chips = $('var-chips');
    clear(chips);
    for (const v of vars) {
      chips.append(el('button', { type: 'button', class: 'chip', text: v, dataVar: v, onclick: () => toggleVar(v) }));
    }
    syncChips();
    fillPlotVars();
  }

  function toggleVar(v) {
    const list = wrtList();
    const i = list.indexOf(v);
    if (i >= 0) list.splice(i, 1); else list.push(v);
    $('wrt').value = list.join(', ');
    syncChips();
    fillPlotVars();
  }

  function syncChips() {
    const list = wrtList();
    for (const c of $('var-chips').children) c.setAttribute('aria-pressed', list.includes(c.dataset.var) ? 'true' : 'false');
  }

  // ------------------------------------------------------------------------------- derivation

  let last = null; // the request of the derivation on screen

  function stepNode(s, depth, group) {
    const head = el('div', { class: 'step-head' }, el('span', { class: 'rule', text: s.text || s.rule }));
    if (s.let) head.append(el('span', { class: 'let' }, 'let ', el('code', { text: s.let.name + ' = ' + s.let.value })));
    if (s.note) head.append(el('span', { class: 'note', text: s.note }));
    const li = el('li', { class: 'step ' + (s.kind || 'diff') }, head, mathNode(s.svg, s.before + ' = ' + s.after, group));
    if (s.substeps && s.substeps.length > 0) {
      const n = countSteps(s.substeps);
      const det = el('details', { class: 'sub', open: depth < 1 },
        el('summary', { text: n + (n === 1 ? ' sub-step' : ' sub-steps') }),
        stepsList(s.substeps, depth + 1, group));
      li.append(det);
    }
    return li;
  }

  function countSteps(steps) {
    let n = 0;
    for (const s of steps) n += 1 + countSteps(s.substeps || []);
    return n;
  }

  function stepsList(steps, depth, group) {
    const ol = el('ol', { class: 'steps' });
    for (const s of steps) ol.append(stepNode(s, depth, group));
    return ol;
  }

  /** The steps of one derivation, differentiation first, then simplification. */
  function derivationNode(problemSvg, problemText, steps, group) {
    const box = el('div');
    box.append(el('div', { class: 'problem' }, mathNode(problemSvg, problemText, group)));
    const diffSteps = steps.filter((s) => s.kind !== 'simplify');
    const simpSteps = steps.filter((s) => s.kind === 'simplify');
    if (diffSteps.length) box.append(el('div', { class: 'phase', text: 'Differentiation' }), stepsList(diffSteps, 0, group));
    if (simpSteps.length) box.append(el('div', { class: 'phase', text: 'Simplification' }), stepsList(simpSteps, 0, group));
    return box;
  }

  function baseRequest() {
    return { expr: $('expr').value, latex: syntax() };
  }

  async function differentiate(mode) {
    const req = baseRequest();
    if (req.expr.trim() === '') { $('expr').focus(); return; }
    req.wrt = wrtList();
    req.raw = $('raw').checked;
    req.steps = true;
    req.svg = true;
    if (mode === 'diff') {
      if (req.wrt.length === 0 && variables.length > 0) { toggleVar(variables[0]); req.wrt = wrtList(); }
      req.order = parseInt($('order').value, 10) || 1;
    }
    busy(true);
    hideError($('run-error'));
    let r;
    try { r = await api(mode, req); } finally { busy(false); }
    if (!r.ok) {
      const box = r.data.field === 'expr' || r.data.field === undefined && r.data.line > 0 ? $('expr-error') : $('run-error');
      showError(box, r.data, box === $('expr-error') ? $('expr') : null);
      return;
    }
    last = Object.assign({ mode }, req, { wrt: r.data.wrt });
    freeUrls('derivation');
    const out = $('derivation');
    clear(out);
    const d = r.data;
    if (mode === 'diff') {
      out.append(derivationNode(d.svg && d.svg.problem, d.problem, d.steps || [], 'derivation'));
      showResult(d.svg && d.svg.result, d.result, d.result, d.latex);
    } else {
      const texts = [];
      const latexes = [];
      for (const v of d.wrt) {
        const sec = el('div', { class: 'grad-var' }, el('h3', { text: '∂/∂' + v }));
        const steps = (d.steps && d.steps[v]) || [];
        const problem = steps.length ? steps[0].before : 'diff(' + d.input + ', ' + v + ')';
        sec.append(derivationNode(d.problemSvg && d.problemSvg[v], problem, steps, 'derivation'));
        sec.append(el('div', { class: 'math result' }, mathNode(d.svg && d.svg[v], d.gradient[v], 'derivation')));
        out.append(sec);
        texts.push('d/d' + v + ' = ' + d.gradient[v]);
        latexes.push('\\frac{\\partial}{\\partial ' + v + '} = ' + d.latex[v]);
      }
      showResult(null, texts.join('\n'), texts.join('\n'), latexes.join(' \\\\\n'));
    }
    $('derivation-card').hidden = false;
    fillPlotVars();
    generateCode();
    plot();
  }

  let resultText = '';
  let resultLatex = '';

  function showResult(svg, plain, text, latex) {
    clear($('result-math'));
    $('result-math').append(mathNode(svg, plain, 'derivation'));
    $('result-text').textContent = text;
    resultText = text;
    resultLatex = latex || '';
  }

  async function downloadAs(format) {
    if (!last) return;
    const steps = $('download-what').value === 'derivation';
    // the derivation on screen: its variables in order (a mixed or higher partial), or a gradient
    const req = { expr: last.expr, latex: last.latex, wrt: last.wrt, raw: last.raw, steps, format, scale: 2,
      what: last.mode === 'grad' ? 'gradient' : 'derivation' };
    $('copy-status').textContent = 'rendering…';
    const r = await api('render', req);
    $('copy-status').textContent = '';
    if (!r.ok) { showError($('run-error'), r.data, null); return; }
    download(r.data, (last.mode === 'grad' ? 'gradient' : steps ? 'derivation' : 'derivative') + '.' + format);
  }

  // ------------------------------------------------------------------------------- check

  function claimKind(text) {
    const v = document.querySelector('input[name=claimkind]:checked').value;
    if (v !== 'auto') return v;
    const lines = text.split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));
    if (lines.length > 1) return 'chain';
    if (/\$\$|\\\[|\\begin\{/.test(text)) return 'chain';
    // a top-level "=" separates steps (":=", "<=", ">=" do not)
    if (/(^|[^:<>!=])=([^=]|$)/.test(text)) return 'chain';
    return 'claim';
  }

  async function check() {
    const text = $('claim').value;
    if (text.trim() === '') { $('claim').focus(); return; }
    const kind = claimKind(text);
    let req;
    if (kind === 'chain') {
      req = { chain: text, latex: 'auto', svg: true };
    } else {
      if ($('expr').value.trim() === '') { showError($('check-error'), { error: 'type the function above first', line: 0, column: 0 }, null); return; }
      let wrt = wrtList();
      if (wrt.length === 0 && variables.length > 0) { toggleVar(variables[0]); wrt = wrtList(); }
      req = { expr: $('expr').value, claim: text, wrt: wrt.slice(0, 1), latex: syntax() === true ? true : 'auto', svg: true };
    }
    hideError($('check-error'), $('claim'));
    clear($('check-result'));
    freeUrls('check');
    $('check-btn').disabled = true;
    let r;
    try { r = await api('check', req); } finally { $('check-btn').disabled = false; }
    if (!r.ok) {
      const onClaim = r.data.field === 'claim' || r.data.field === 'chain';
      if (r.data.field === 'expr') showError($('expr-error'), r.data, $('expr'));
      else showError($('check-error'), r.data, onClaim ? $('claim') : null);
      return;
    }
    $('check-result').append(kind === 'chain' ? chainNode(r.data, text) : claimNode(r.data));
  }

  function verdictNode(valid, okText, badText) {
    return el('div', { class: 'verdict ' + (valid ? 'ok' : 'bad') },
      el('span', { class: 'mark ' + (valid ? 'ok' : 'bad'), text: valid ? '✓' : '✗' }), valid ? okText : badText);
  }

  function fmt(v) {
    if (v === null || v === undefined) return 'undefined';
    if (typeof v === 'number') return String(Number.isInteger(v) ? v : +v.toPrecision(10));
    return String(v);
  }

  function counterexampleNode(ce) {
    const t = el('table', { class: 'kv' });
    if (ce.point) {
      for (const [k, v] of Object.entries(ce.point)) t.append(el('tr', null, el('th', { text: k }), el('td', { text: fmt(v) })));
    }
    if ('expected' in ce) t.append(el('tr', null, el('th', { text: 'correct value' }), el('td', { text: fmt(ce.expected) })));
    if ('claimed' in ce) t.append(el('tr', null, el('th', { text: 'claimed value' }), el('td', { text: fmt(ce.claimed) })));
    if ('left' in ce) t.append(el('tr', null, el('th', { text: 'left side' }), el('td', { text: fmt(ce.left) })));
    if ('right' in ce) t.append(el('tr', null, el('th', { text: 'right side' }), el('td', { text: fmt(ce.right) })));
    return el('div', { class: 'counterexample' }, el('div', { class: 'hint', text: 'Counterexample: at this point the two sides differ' }), t);
  }

  function claimNode(d) {
    const box = el('div');
    box.append(verdictNode(d.valid, 'Correct: your derivative is right', d.method === 'undecided' ? 'Not verified' : 'Not equal to the derivative'));
    if (d.method) box.append(el('div', { class: 'hint', text: 'decided ' + (d.method === 'symbolic' ? 'symbolically' : d.method === 'numeric' ? 'numerically' : 'by ' + d.method) }));
    if (d.note) box.append(el('p', { class: 'hint', text: d.note }));
    if (!d.valid && d.counterexample) box.append(counterexampleNode(d.counterexample));
    if (d.difference) box.append(el('p', null, el('code', { text: d.difference })));
    if (d.hint) box.append(el('p', { class: 'hint-text' }, el('strong', { text: 'Hint: ' }), d.hint));
    if (d.correct) {
      box.append(el('div', { class: 'phase', text: 'The correct derivative' }),
        el('div', { class: 'math result' }, mathNode(d.correctSvg, d.correct, 'check')),
        el('p', { class: 'src-text' }, el('code', { text: d.correct })));
    }
    return box;
  }

  function chainNode(d, text) {
    const box = el('div');
    const steps = d.steps || [];
    const lines = d.lines || [];
    const bad = steps.filter((s) => !s.valid).length;
    box.append(verdictNode(d.valid, 'Every step holds', bad + (bad === 1 ? ' step is wrong' : ' steps are wrong')));
    const ol = el('ol', { class: 'chain' });
    let firstMarked = false;
    for (const s of steps) {
      const li = el('li', { class: s.valid ? 'ok' : 'bad', dataFrom: s.from, dataValid: String(!!s.valid) });
      const title = el('div', { class: 'step-title' }, el('span', { class: 'mark ' + (s.valid ? 'ok' : 'bad'), text: s.valid ? '✓' : '✗' }),
        'Step ' + s.from + ' → ' + s.to + (s.valid ? ': valid' : ': wrong'));
      if (!s.valid && !firstMarked) { title.append(el('span', { class: 'first-wrong', text: 'first wrong step' })); firstMarked = true; }
      li.append(title);
      for (const n of [s.from, s.to]) {
        const line = lines[n - 1];
        const source = n === s.from ? s.fromSource : s.toSource;
        const row = el('div', { class: 'chain-line' }, el('span', { class: 'num', text: n }));
        if (line && line.svg) row.append(mathNode(line.svg, source || line.expr, 'check'));
        else row.append(el('span', { class: 'src', text: source || (line && line.expr) || '' }));
        li.append(row);
      }
      if (s.note) li.append(el('div', { class: 'note', text: s.note }));
      if (!s.valid && s.counterexample) li.append(counterexampleNode(s.counterexample));
      if (!s.valid && s.difference) li.append(el('div', { class: 'note' }, 'right − left = ', el('code', { text: s.difference })));
      if (s.hint) li.append(el('div', { class: 'note', text: 'Hint: ' + s.hint }));
      ol.append(li);
    }
    box.append(ol);
    if (d.note) box.append(el('p', { class: 'hint', text: d.note }));
    // the derivation with each step marked, as a teacher hands it back
    const status = el('span', { class: 'status', ariaLive: 'polite' });
    const get = async (format) => {
      status.textContent = 'rendering…';
      const r = await api('render', { what: 'check', chain: text, latex: 'auto', format, scale: 2 });
      status.textContent = '';
      if (!r.ok) { showError($('check-error'), r.data, null); return; }
      download(r.data, 'checked-derivation.' + format);
    };
    box.append(el('div', { class: 'actions' }, el('span', { class: 'inline', text: 'Download it marked:' }),
      el('button', { type: 'button', text: 'PDF', onclick: () => get('pdf') }),
      el('button', { type: 'button', text: 'PNG', onclick: () => get('png') }), status));
    return box;
  }

  // ------------------------------------------------------------------------------- code

  let code = '';

  async function generateCode() {
    const req = baseRequest();
    if (req.expr.trim() === '') return;
    req.wrt = last && last.wrt ? Array.from(new Set(last.wrt)) : wrtList();
    req.lang = $('lang').value;
    hideError($('code-error'));
    const r = await api('codegen', req);
    if (!r.ok) { $('code').textContent = ''; code = ''; showError($('code-error'), r.data, null); return; }
    code = r.data.code || '';
    $('code').textContent = code;
  }

  // ------------------------------------------------------------------------------- plot

  let plotVarPicked = false; // the user chose the plot's variable; otherwise it follows "with respect to"

  function fillPlotVars() {
    const sel = $('plot-var');
    const keep = sel.value;
    clear(sel);
    for (const v of variables) sel.append(el('option', { value: v, text: v }));
    const first = wrtList().find((v) => variables.includes(v));
    if (plotVarPicked && variables.includes(keep)) sel.value = keep;
    else sel.value = first || (variables.includes(keep) ? keep : variables[0] || '');
    fillPlotValues();
  }

  const plotValues = {};

  function fillPlotValues() {
    const box = $('plot-values');
    for (const inp of box.querySelectorAll('input')) plotValues[inp.dataset.var] = inp.value;
    clear(box);
    const along = $('plot-var').value;
    for (const v of variables) {
      if (v === along) continue;
      const inp = el('input', { type: 'number', step: 'any', value: plotValues[v] !== undefined ? plotValues[v] : '1', dataVar: v, ariaLabel: 'value of ' + v });
      box.append(el('label', null, v + ' =', inp));
    }
  }

  let plotData = null;

  async function plot() {
    const req = baseRequest();
    if (req.expr.trim() === '') return;
    const along = $('plot-var').value;
    req.wrt = along ? [along] : [];
    req.from = parseFloat($('plot-from').value);
    req.to = parseFloat($('plot-to').value);
    if (!isFinite(req.from)) req.from = -3;
    if (!isFinite(req.to)) req.to = 3;
    req.points = 301;
    req.at = {};
    for (const inp of $('plot-values').querySelectorAll('input')) {
      const x = parseFloat(inp.value);
      if (isFinite(x)) req.at[inp.dataset.var] = x;
    }
    hideError($('plot-error'));
    const r = await api('plot', req);
    if (!r.ok) { showError($('plot-error'), r.data, null); return; }
    plotData = r.data;
    $('legend-df').textContent = 'df/d' + r.data.var;
    draw();
  }

  function niceStep(range, n) {
    const raw = range / n;
    const p = Math.pow(10, Math.floor(Math.log10(raw)));
    const m = raw / p;
    return (m < 1.5 ? 1 : m < 3 ? 2 : m < 7 ? 5 : 10) * p;
  }

  function draw() {
    const canvas = $('plot');
    const d = plotData;
    const dpr = window.devicePixelRatio || 1;
    const w = canvas.clientWidth;
    const h = canvas.clientHeight;
    canvas.width = Math.round(w * dpr);
    canvas.height = Math.round(h * dpr);
    const g = canvas.getContext('2d');
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.clearRect(0, 0, w, h);
    if (!d) return;
    const ys = d.f.concat(d.df).filter((v) => v !== null && isFinite(v)).sort((a, b) => a - b);
    let lo = -1, hi = 1;
    if (ys.length) {
      // ignore the extreme 2% at each end so that a pole does not flatten the rest
      lo = ys[Math.floor(ys.length * 0.02)];
      hi = ys[Math.min(ys.length - 1, Math.ceil(ys.length * 0.98) - 1)];
      if (hi - lo < 1e-9) { lo -= 1; hi += 1; }
      const pad = (hi - lo) * 0.08;
      lo -= pad; hi += pad;
    }
    const x0 = d.x[0], x1 = d.x[d.x.length - 1];
    const L = 46, R = 10, T = 10, B = 26;
    const px = (x) => L + (x - x0) / (x1 - x0) * (w - L - R);
    const py = (y) => T + (hi - y) / (hi - lo) * (h - T - B);
    g.font = '11px system-ui, sans-serif';
    g.lineWidth = 1;
    // grid and labels
    const sx = niceStep(x1 - x0, Math.max(2, Math.floor(w / 90)));
    const sy = niceStep(hi - lo, Math.max(2, Math.floor(h / 50)));
    g.strokeStyle = '#e6e9f0';
    g.fillStyle = '#5b6678';
    g.textAlign = 'center';
    for (let x = Math.ceil(x0 / sx) * sx; x <= x1 + 1e-9; x += sx) {
      g.beginPath(); g.moveTo(px(x), T); g.lineTo(px(x), h - B); g.stroke();
      g.fillText(+x.toPrecision(6) + '', px(x), h - 8);
    }
    g.textAlign = 'right';
    for (let y = Math.ceil(lo / sy) * sy; y <= hi + 1e-9; y += sy) {
      g.beginPath(); g.moveTo(L, py(y)); g.lineTo(w - R, py(y)); g.stroke();
      g.fillText(+y.toPrecision(6) + '', L - 4, py(y) + 4);
    }
    g.strokeStyle = '#8a94a6';
    if (lo < 0 && hi > 0) { g.beginPath(); g.moveTo(L, py(0)); g.lineTo(w - R, py(0)); g.stroke(); }
    if (x0 < 0 && x1 > 0) { g.beginPath(); g.moveTo(px(0), T); g.lineTo(px(0), h - B); g.stroke(); }
    g.save();
    g.beginPath(); g.rect(L, T, w - L - R, h - T - B); g.clip();
    const css = getComputedStyle(document.documentElement);
    curve(g, d.x, d.f, px, py, css.getPropertyValue('--f').trim() || '#1d4ed8', lo, hi);
    curve(g, d.x, d.df, px, py, css.getPropertyValue('--df').trim() || '#d9480f', lo, hi);
    g.restore();
  }

  function curve(g, xs, ys, px, py, color, lo, hi) {
    g.strokeStyle = color;
    g.lineWidth = 2;
    g.beginPath();
    let pen = false;
    const span = hi - lo;
    for (let i = 0; i < xs.length; i++) {
      const y = ys[i];
      // break the line where the function is undefined or jumps far off the window (a pole)
      if (y === null || !isFinite(y) || y > hi + 10 * span || y < lo - 10 * span) { pen = false; continue; }
      if (pen) g.lineTo(px(xs[i]), py(y)); else { g.moveTo(px(xs[i]), py(y)); pen = true; }
    }
    g.stroke();
  }

  // ------------------------------------------------------------------------------- wiring

  function init() {
    $('expr').addEventListener('input', schedulePreview);
    for (const r of document.querySelectorAll('input[name=syntax]')) r.addEventListener('change', preview);
    $('expr').addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); differentiate('diff'); }
    });
    $('wrt').addEventListener('input', () => { syncChips(); fillPlotVars(); });
    $('wrt').addEventListener('keydown', (e) => { if (e.key === 'Enter') differentiate('diff'); });
    $('diff-btn').addEventListener('click', () => differentiate('diff'));
    $('grad-btn').addEventListener('click', () => differentiate('grad'));
    $('copy-text').addEventListener('click', () => copy(resultText, $('copy-status')));
    $('copy-latex').addEventListener('click', () => copy(resultLatex, $('copy-status')));
    $('dl-png').addEventListener('click', () => downloadAs('png'));
    $('dl-svg').addEventListener('click', () => downloadAs('svg'));
    $('dl-pdf').addEventListener('click', () => downloadAs('pdf'));
    $('check-btn').addEventListener('click', check);
    $('claim').addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); check(); }
    });
    $('claim').addEventListener('input', () => hideError($('check-error'), $('claim')));
    $('code-btn').addEventListener('click', generateCode);
    $('lang').addEventListener('change', generateCode);
    $('copy-code').addEventListener('click', () => copy(code, $('code-status')));
    $('plot-btn').addEventListener('click', plot);
    $('plot-var').addEventListener('change', () => { plotVarPicked = true; fillPlotValues(); plot(); });
    let resize = 0;
    window.addEventListener('resize', () => { clearTimeout(resize); resize = setTimeout(() => { draw(); refit(); }, 100); });
    // a closed sub-step list has no width: fit its pictures when it opens
    document.addEventListener('toggle', (e) => { if (e.target.open) for (const img of e.target.querySelectorAll('.math img')) fit(img); }, true);
    if ($('expr').value.trim() !== '') preview();
    document.body.dataset.ready = 'true';
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
