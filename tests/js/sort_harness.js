// A minimal DOM for vnplan's sorting script: one table, rows of cells with data-sort.
const fs = require('fs');
const spec = JSON.parse(fs.readFileSync(0, 'utf8'));  // {script, heads, rows: [[{sort, text}]], clicks: [col]}
function el(attrs, text) {
  const a = Object.assign({}, attrs), handlers = {};
  return {
    textContent: text || '',
    getAttribute: k => (k in a ? a[k] : null),
    setAttribute: (k, v) => { a[k] = String(v); },
    removeAttribute: k => { delete a[k]; },
    addEventListener: (ev, f) => { handlers[ev] = f; },
    fire: (ev, e) => handlers[ev] && handlers[ev](e || {preventDefault() {}}),
  };
}
const heads = spec.heads.map(h => el({}, h));
const rows = spec.rows.map((cells, i) => { const r = el({'data-i': String(i)}); r.cells = cells.map(c => el(c.sort === null ? {} : {'data-sort': c.sort}, c.text)); return r; });
const body = { rows, appendChild(r) { const k = this.rows.indexOf(r); this.rows.splice(k, 1); this.rows.push(r); } };
const table = { tHead: { rows: [{ cells: heads }] }, tBodies: [body] };
global.document = { getElementById: id => (id === 'matrix' ? table : null) };
eval(spec.script);
const out = [];
for (const col of spec.clicks) { heads[col].fire('click'); out.push(body.rows.map(r => Number(r.getAttribute('data-i')))); }
console.log(JSON.stringify(out));
