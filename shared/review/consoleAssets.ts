/**
 * The review console's page, script and style: plain HTML and vanilla JS, no build step. The page
 * is a shell with no case data; the script reads the access token from the URL fragment
 * (`#token=…` locally, `#id_token=…` from the Cognito hosted UI), keeps it in sessionStorage, and
 * calls the JSON API with `Authorization: Bearer`. All text is inserted with textContent (never as
 * markup), bidirectional controls shown as visible markers, long words wrapped.
 */
export const CONSOLE_CSS = `
*{box-sizing:border-box;overflow-wrap:anywhere}body{margin:0;font:14px/1.45 system-ui,-apple-system,"PingFang SC","Noto Sans CJK SC",sans-serif;color:#1d1d1f;background:#f5f5f7}
header{display:flex;gap:12px;align-items:center;padding:8px 14px;background:#ff2442;color:#fff}header h1{font-size:16px;margin:0 12px 0 0}
header select,header button{font:inherit}header .grow{flex:1}#session{opacity:.9}
main{display:grid;grid-template-columns:260px 300px minmax(0,1fr);height:calc(100vh - 78px)}
nav,#cases,#detail{overflow:auto;min-width:0;padding:10px;border-right:1px solid #ddd}
.stratum{padding:6px 8px;border-radius:6px;cursor:pointer;margin-bottom:4px;background:#fff}.stratum.sel{outline:2px solid #ff2442}
.stratum small{display:block;color:#666}.bar{height:5px;background:#eee;border-radius:3px;margin-top:4px}.bar i{display:block;height:5px;background:#1a9c5b;border-radius:3px}
.case{padding:6px 8px;border-radius:6px;cursor:pointer;margin-bottom:3px;background:#fff;display:flex;justify-content:space-between}.case.sel{outline:2px solid #ff2442}
.case .v{font-size:12px;padding:0 6px;border-radius:8px}.v.correct{background:#d8f5e3}.v.wrong-code{background:#fff1c2}.v.not-a-violation{background:#ffd9de}
#detail h2{margin:0 0 6px;font-size:18px}.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:8px 0}.facts dt{color:#666}.facts dd{margin:0}
.card{background:#fff;border-radius:8px;padding:8px 10px;margin:8px 0}.card h4{margin:0 0 4px}.norm{color:#444;background:#fafafa;padding:4px 6px;border-radius:4px;white-space:pre-wrap}
mark{background:#ffe066;padding:0 1px}.chip{display:inline-block;background:#eef;padding:0 6px;border-radius:8px;margin:0 4px 2px 0;font-size:12px}
.members{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:8px}
.verdict{position:sticky;bottom:0;background:#fff;border-top:2px solid #ff2442;padding:8px;margin-top:12px}
.verdict button{font:inherit;margin-right:6px;padding:4px 10px;border-radius:6px;border:1px solid #999;background:#fff;cursor:pointer}
.verdict textarea{width:100%;height:48px;margin-top:6px;font:inherit}#msg{min-height:1.4em;color:#b00020}
footer{height:26px;padding:4px 14px;font-size:12px;color:#555;border-top:1px solid #ddd;background:#fff}
#gate table{border-collapse:collapse;margin-top:6px}#gate td,#gate th{padding:2px 8px;border-bottom:1px solid #eee;text-align:left}.held{color:#b00020;font-weight:600}
`;

export const CONSOLE_JS = String.raw`(() => {
'use strict';
const root = document.body.dataset.base || '';
const frag = new URLSearchParams(location.hash.slice(1));
const fromUrl = frag.get('token') || frag.get('id_token');
if (fromUrl) { sessionStorage.setItem('crackdown-token', fromUrl); history.replaceState(null, '', location.pathname + location.search); }
const token = sessionStorage.getItem('crackdown-token');
const $ = (id) => document.getElementById(id);
// Bidirectional controls in what users wrote (a right-to-left override reverses what follows it) are shown as visible markers, never obeyed.
const vis = (s) => String(s).replace(/[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, (c) => '[U+' + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0') + ']');
const el = (tag, props, ...kids) => { const e = document.createElement(tag); const p = Object.assign({}, props); if (typeof p.textContent === 'string') p.textContent = vis(p.textContent); Object.assign(e, p); for (const k of kids) if (k != null) e.append(typeof k === 'string' ? vis(k) : k); return e; };
const state = { sweep: null, listing: null, stratum: null, caseId: null };
async function api(method, path, body) {
  const res = await fetch(root + '/api' + path, { method, headers: { authorization: 'Bearer ' + (token || ''), 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error((data.error ? data.error + ': ' : '') + (data.message || res.status));
  return data;
}
function say(text) { $('msg').textContent = text || ''; }
function highlight(text, fragments) {
  const frags = (fragments || []).filter((f) => f && f.length > 0);
  const out = el('div', { className: 'norm' });
  let i = 0;
  while (i < text.length) {
    let best = -1, len = 0;
    for (const f of frags) { const j = text.indexOf(f, i); if (j >= 0 && (best < 0 || j < best || (j === best && f.length > len))) { best = j; len = f.length; } }
    if (best < 0) { out.append(vis(text.slice(i))); break; }
    out.append(vis(text.slice(i, best)), el('mark', { textContent: text.slice(best, best + len) }));
    i = best + len;
  }
  return out;
}
function facts(pairs) { const dl = el('dl', { className: 'facts' }); for (const [k, v] of pairs) if (v !== undefined && v !== null && v !== '') dl.append(el('dt', { textContent: k }), el('dd', { textContent: String(v) })); return dl; }
function accountFacts(a) {
  return facts([['account', a.accountId], ['nickname', a.nickname], ['type', a.accountType], ['registered', a.createdAt], ['followers', a.followerCount], ['following', a.followingCount],
    ['registered with', a.registration && a.registration.client], ['registration IP (hash)', a.registration && a.registration.ipHash], ['registration device (hash)', a.registration && a.registration.deviceHash],
    ['devices (hash)', a.deviceHashes && a.deviceHashes.join(', ')], ['nickname history', a.nicknameHistory && a.nicknameHistory.map((h) => h.nickname + ' (' + h.changedAt.slice(0, 10) + ')').join(' → ')],
    ['bio', a.bio], ['brand', a.brandId], ['licence (hash)', a.qualification && a.qualification.licenseHash]]);
}
function noteCard(n, matched) {
  return el('div', { className: 'card' }, el('h4', { textContent: n.title || '(untitled)' }), el('div', { textContent: n.body }),
    el('small', { textContent: n.noteId + ' · ' + n.createdAt + ' · ' + (n.client || '') + (n.deletedAt ? ' · deleted ' + n.deletedAt : '') + (n.hiddenAt ? ' · hidden ' + n.hiddenAt : '') }),
    el('div', {}, el('small', { textContent: 'normalised:' })), highlight(n.normalized || '', matched));
}
function commentCard(c, matched) {
  return el('div', { className: 'card' }, el('div', { textContent: c.text }), el('small', { textContent: c.commentId + ' on ' + c.noteId + ' · ' + c.createdAt }),
    highlight(c.normalized || '', matched));
}
function renderStrata() {
  const nav = $('strata'); nav.replaceChildren();
  for (const s of state.listing.strata) {
    const pct = s.cases ? Math.round(100 * s.judged / s.cases) : 0;
    const bar = el('div', { className: 'bar' }, el('i', {})); bar.firstChild.style.width = pct + '%';
    const d = el('div', { className: 'stratum' + (s.stratum === state.stratum ? ' sel' : '') }, el('b', { textContent: s.stratum }),
      el('small', { textContent: (s.selection === 'full' ? 'full review · ' : 'sample · ') + s.judged + ' / ' + s.cases + ' judged' }), bar);
    d.dataset.stratum = s.stratum;
    d.onclick = () => { state.stratum = s.stratum; state.caseId = null; renderStrata(); renderCases(); };
    nav.append(d);
  }
  const total = state.listing.cases.length, judged = state.listing.cases.filter((c) => c.verdicts.length).length;
  $('progress').textContent = judged + ' / ' + total + ' cases judged';
}
function casesOfStratum() { return state.listing.cases.filter((c) => (c.stratum || c.ruleId) === state.stratum); }
function renderCases() {
  const box = $('cases'); box.replaceChildren();
  for (const c of casesOfStratum()) {
    const mine = c.verdicts.find((v) => v.reviewer === state.me);
    const d = el('div', { className: 'case' + (c.caseId === state.caseId ? ' sel' : '') }, el('span', { textContent: c.accountId + ' · ' + c.action }),
      mine ? el('span', { className: 'v ' + mine.verdict, textContent: mine.verdict }) : (c.verdicts.length ? el('span', { className: 'v', textContent: c.verdicts.length + ' verdict' }) : null));
    d.dataset.caseId = c.caseId;
    d.onclick = () => openCase(c.caseId);
    box.append(d);
  }
}
async function openCase(caseId) {
  state.caseId = caseId; renderCases();
  const { case: c, evidence: e } = await api('GET', '/sweeps/' + encodeURIComponent(state.sweep) + '/cases/' + encodeURIComponent(caseId));
  const listed = state.listing.cases.find((x) => x.caseId === caseId) || { verdicts: [] };
  const d = $('detail'); d.replaceChildren();
  d.dataset.caseId = caseId;
  d.append(el('h2', { textContent: c.ruleId + ' → ' + c.action }), facts([['case', c.caseId], ['stratum', c.stratum], ['selection', c.selection + (c.reason ? ' (' + c.reason + ')' : '')], ['follower tier', c.followerTier]]));
  if (!e) { d.append(el('p', { textContent: 'No evidence file for this case.' })); }
  else {
    const matched = [...new Set(e.findings.flatMap((f) => (f.evidence && f.evidence.matched) || []))];
    d.append(el('h3', { textContent: 'Decision' }), facts([['codes', e.decision.codes.join(', ')], ['action', e.decision.action + (e.decision.durationDays ? ' ' + e.decision.durationDays + ' days' : '')], ['rules', e.decision.ruleIds.join(', ')], ['severity', e.decision.severity], ['score', e.decision.score], ['prior offenses', e.decision.priorOffenses]]));
    d.append(el('h3', { textContent: 'Findings' }));
    for (const f of e.findings) {
      const card = el('div', { className: 'card' + (f.ruleId === c.ruleId ? ' this-rule' : '') }, el('h4', { textContent: f.ruleId + ' (' + f.code + ', score ' + f.score + ')' }), el('div', { textContent: f.evidence.summary }));
      for (const m of f.evidence.matched || []) card.append(el('span', { className: 'chip', textContent: m }));
      d.append(card);
    }
    d.append(el('h3', { textContent: 'Account' }), accountFacts(e.account));
    if (e.notes.length) { d.append(el('h3', { textContent: 'Notes' })); for (const n of e.notes) d.append(noteCard(n, matched)); }
    if (e.comments.length) { d.append(el('h3', { textContent: 'Comments' })); for (const cm of e.comments) d.append(commentCard(cm, matched)); }
    if (e.related.length) {
      d.append(el('h3', { textContent: 'Cluster members' }));
      const grid = el('div', { className: 'members' });
      for (const r of e.related) {
        const card = el('div', { className: 'card' }, accountFacts(r.facts));
        for (const n of r.notes) card.append(el('div', {}, el('b', { textContent: n.title + ' ' }), el('span', { textContent: n.body.slice(0, 140) })));
        for (const cm of r.comments) card.append(el('div', { textContent: '💬 ' + cm.text.slice(0, 140) }));
        grid.append(card);
      }
      d.append(grid);
    }
  }
  const form = el('div', { className: 'verdict' });
  for (const v of listed.verdicts) form.append(el('div', { textContent: v.reviewer + ': ' + v.verdict + (v.note ? ' — ' + v.note : '') + ' (' + v.at + ')' }));
  const note = el('textarea', { id: 'note', placeholder: 'note (n to focus)' });
  form.append(el('button', { textContent: '1 correct', onclick: () => judge('correct') }), el('button', { textContent: '2 wrong code', onclick: () => judge('wrong-code') }),
    el('button', { textContent: '3 not a violation', onclick: () => judge('not-a-violation') }), note);
  for (const [i, b] of [...form.querySelectorAll('button')].entries()) b.dataset.verdict = ['correct', 'wrong-code', 'not-a-violation'][i];
  d.append(form);
}
async function judge(verdict) {
  if (!state.caseId) return;
  const note = ($('note') && $('note').value.trim()) || undefined;
  try {
    await api('POST', '/sweeps/' + encodeURIComponent(state.sweep) + '/cases/' + encodeURIComponent(state.caseId) + '/verdicts', { verdict, note });
    say('');
    const current = state.caseId;
    await load();
    const list = casesOfStratum();
    const next = list.find((c) => c.caseId !== current && !c.verdicts.some((v) => v.reviewer === state.me));
    if (next) await openCase(next.caseId); else { renderCases(); say('Stratum done.'); }
  } catch (err) { say(err.message); }
}
function move(step) {
  const list = casesOfStratum(); if (!list.length) return;
  const i = list.findIndex((c) => c.caseId === state.caseId);
  openCase(list[Math.max(0, Math.min(list.length - 1, i + step))].caseId);
}
async function showGate(path, method) {
  try {
    const r = await api(method || 'GET', '/sweeps/' + encodeURIComponent(state.sweep) + path);
    const g = r.gate || r;
    const table = el('table', {}, el('tr', {}, ...['rule', 'reviewed', 'precision', 'interval', 'threshold', ''].map((h) => el('th', { textContent: h }))));
    for (const e of g.rules) table.append(el('tr', { className: e.held ? 'held' : '' }, ...[e.ruleId, e.reviewed + ' / ' + e.cases, e.precision === null ? '—' : e.precision, e.low + ' – ' + e.high, e.threshold, e.held ? 'HELD' : 'enforce'].map((t) => el('td', { textContent: String(t) }))));
    const box = el('div', { id: 'gate' }); box.append(el('h3', { textContent: r.outcome ? 'Review closed' : 'Precision so far' }), table,
      el('p', { textContent: 'Double-reviewed cases: ' + g.doubleReviewed + (g.agreement === null ? '' : ', agreement ' + g.agreement) }));
    $('detail').replaceChildren(box);
    if (r.outcome) await load();
  } catch (err) { say(err.message); }
}
async function load() {
  state.listing = await api('GET', '/sweeps/' + encodeURIComponent(state.sweep) + '/cases');
  if (!state.stratum || !state.listing.strata.some((s) => s.stratum === state.stratum)) state.stratum = state.listing.strata.length ? state.listing.strata[0].stratum : null;
  $('session').textContent = 'review ' + state.listing.session.status + ' · due ' + state.listing.session.deadline.slice(0, 16).replace('T', ' ');
  $('session').dataset.status = state.listing.session.status;
  renderStrata(); renderCases();
}
async function start() {
  if (!token) { say('Not signed in: open the URL with the access token that "crackdown review serve" printed (or sign in).'); return; }
  try {
    const me = await api('GET', '/whoami'); state.me = me.reviewer; $('who').textContent = me.reviewer;
    const { sessions } = await api('GET', '/sessions');
    const sel = $('sweep'); sel.replaceChildren();
    for (const s of sessions) sel.append(el('option', { value: s.sweepId, textContent: s.sweepId + ' (' + s.status + ', ' + s.cases + ' cases)' }));
    const wanted = new URLSearchParams(location.search).get('sweep');
    state.sweep = wanted && sessions.some((s) => s.sweepId === wanted) ? wanted : (sessions.find((s) => s.status === 'open') || sessions[0] || {}).sweepId;
    if (!state.sweep) { say('No reviews yet.'); return; }
    sel.value = state.sweep;
    sel.onchange = () => { state.sweep = sel.value; state.stratum = null; state.caseId = null; $('detail').replaceChildren(); load().catch((e) => say(e.message)); };
    await load();
    document.body.dataset.ready = '1';
  } catch (err) { say(err.message); }
}
$('close').onclick = () => { if (confirm('Close the review? The precision gate decides which rules are enforced, and no more verdicts are taken.')) showGate('/close', 'POST'); };
$('gatebtn').onclick = () => showGate('/gate');
document.addEventListener('keydown', (ev) => {
  const typing = ev.target instanceof HTMLTextAreaElement || ev.target instanceof HTMLInputElement || ev.target instanceof HTMLSelectElement;
  if (typing) { if (ev.key === 'Escape') ev.target.blur(); return; }
  if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
  if (ev.key === 'j') move(1); else if (ev.key === 'k') move(-1);
  else if (ev.key === '1') judge('correct'); else if (ev.key === '2') judge('wrong-code'); else if (ev.key === '3') judge('not-a-violation');
  else if (ev.key === 'n' && $('note')) { ev.preventDefault(); $('note').focus(); }
  else if (ev.key === 'g') showGate('/gate');
  else return;
  ev.preventDefault();
});
start();
})();`;

export function consoleHtml(base: string): string {
  const b = base.replace(/[^A-Za-z0-9/_-]/g, '');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>crackdown review</title><link rel="stylesheet" href="${b}/console.css"></head>
<body data-base="${b}">
<header><h1>crackdown review</h1><select id="sweep" aria-label="sweep"></select><span id="session"></span><span id="progress"></span><span class="grow"></span>
<button id="gatebtn" type="button">Precision (g)</button><button id="close" type="button">Close review</button><span id="who"></span></header>
<div id="msg" role="status"></div>
<main><nav id="strata" aria-label="strata"></nav><section id="cases" aria-label="cases"></section><article id="detail"><div id="gate"></div><p>Pick a stratum and a case. Keys: j/k next/previous · 1 correct · 2 wrong code · 3 not a violation · n note · g precision.</p></article></main>
<footer>j/k next/previous case · 1 correct · 2 wrong code · 3 not a violation · n write a note · g precision so far · verdicts are recorded under your identity</footer>
<script src="${b}/console.js"></script></body></html>`;
}
