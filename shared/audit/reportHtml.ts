/** The transparency report as one self-contained HTML page: inline CSS and SVG charts, no scripts, no external resources. */
import type { TransparencyReport } from './transparencyReport.ts';

export const esc = (s: unknown) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const COLORS = ['#c0392b', '#2e86c1', '#27ae60', '#d68910', '#7d3c98', '#17a589', '#566573', '#cb4335', '#2874a6', '#b7950b'];

/** A horizontal bar chart as inline SVG. */
export function barChart(id: string, title: string, data: Record<string, number>): string {
  const rows = Object.entries(data).sort((a, b) => b[1] - a[1]);
  const max = Math.max(1, ...rows.map(([, v]) => v));
  const rowH = 26;
  const labelW = 190;
  const barW = 360;
  const h = Math.max(1, rows.length) * rowH + 10;
  const bars = rows
    .map(([k, v], i) => {
      const w = Math.max(2, Math.round((v / max) * barW));
      const y = 5 + i * rowH;
      return `<g class="bar" data-label="${esc(k)}" data-value="${v}"><text x="${labelW - 8}" y="${y + 16}" text-anchor="end">${esc(k)}</text><rect x="${labelW}" y="${y + 3}" width="${w}" height="${rowH - 8}" fill="${COLORS[i % COLORS.length]}" rx="2"><title>${esc(k)}: ${v}</title></rect><text x="${labelW + w + 6}" y="${y + 16}">${v}</text></g>`;
    })
    .join('');
  const empty = rows.length === 0 ? `<text x="10" y="20">no data</text>` : '';
  return `<figure id="${esc(id)}"><figcaption>${esc(title)}</figcaption><svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${esc(title)}" width="${labelW + barW + 60}" height="${h}" viewBox="0 0 ${labelW + barW + 60} ${h}">${bars}${empty}</svg></figure>`;
}

const table = (head: string[], rows: Array<Array<string | number | null>>) =>
  `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c ?? '–')}</td>`).join('')}</tr>`).join('')}</tbody></table>`;

/** `lead`: HTML placed before the totals (a campaign's announcement and per-day chart, campaignReportHtml.ts). */
export function renderReportHtml(r: TransparencyReport, opts: { maxStatements?: number; lead?: string } = {}): string {
  const max = opts.maxStatements ?? 200;
  const tiers = ['<10k', '10k-100k', '>=100k', 'unknown'];
  const actionTier = Object.entries(r.byActionAndTier).map(([a, t]) => [a, ...tiers.map((x) => t[x] ?? 0)]);
  const sor = r.statementsOfReasons
    .slice(0, max)
    .map((s) => [
      s.puid,
      s.decision_ground,
      s.incompatible_content_ground,
      s.automated_detection,
      s.automated_decision,
      s.end_date_account_restriction,
      s.territorial_scope.join(' '),
      s.reversed ? 'yes' : 'no',
    ]);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(r.title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI","PingFang SC","Noto Sans CJK SC",sans-serif;margin:2rem auto;max-width:1100px;color:#222;padding:0 1rem}
h1{font-size:1.6rem;margin-bottom:.2rem} h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd}
.meta{color:#666} .cards{display:flex;gap:1rem;flex-wrap:wrap} .card{border:1px solid #ddd;border-radius:6px;padding:.6rem 1rem;min-width:140px}
.card b{display:block;font-size:1.5rem} figure{margin:1rem 0} figcaption{font-weight:600;margin-bottom:.3rem}
svg text{font-size:12px;fill:#333} table{border-collapse:collapse;margin:.5rem 0;font-size:13px} td,th{border:1px solid #ddd;padding:3px 8px;text-align:left}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(480px,1fr));gap:1rem}
</style></head><body>
<h1>${esc(r.title)}</h1>
<p class="meta">Sweeps: ${esc(r.sweepIds.join(', '))} · policy ${esc(r.policyVersions.join(', ') || '–')} · period ${esc(r.period.from ?? '–')} – ${esc(r.period.to ?? '–')} · territorial scope ${esc(r.territorialScope.join(' '))} · generated ${esc(r.generatedAt)} · format ${esc(r.format)}</p>
${opts.lead ?? ''}
<section class="cards" id="totals">
<div class="card">Actions<b data-total="actions">${r.totals.actions}</b></div>
<div class="card">Accounts<b>${r.totals.accounts}</b></div>
<div class="card">Automated only<b>${r.totals.automatedOnly}</b></div>
<div class="card">Human-reviewed<b>${r.totals.humanReviewed}</b></div>
<div class="card">Over 10k followers<b>${r.followers.over10k}</b></div>
<div class="card">Over 100k followers<b>${r.followers.over100k}</b></div>
<div class="card">Appeals received<b>${r.appeals.received}</b></div>
<div class="card">Reversed<b>${r.reversals.total}</b></div>
<div class="card">Notes removed / limited<b data-total="notes">${r.content.total.notesRemoved} / ${r.content.total.notesLimited}</b></div>
<div class="card">Comments removed / limited<b data-total="comments">${r.content.total.commentsRemoved} / ${r.content.total.commentsLimited}</b></div>
</section>
<h2>Accounts handled</h2>
<div class="grid">
${barChart('chart-code', 'By violation code', r.byCode)}
${barChart('chart-action', 'By action', r.byAction)}
${barChart('chart-tier', 'By follower tier', r.byFollowerTier)}
${barChart('chart-review', 'Automated versus human-reviewed', { 'automated only': r.totals.automatedOnly, 'human-reviewed': r.totals.humanReviewed })}
</div>
${table(['action', ...tiers], actionTier)}
<h2>Appeals and reversals</h2>
<div class="grid">
${barChart('chart-appeals', 'Appeals', { received: r.appeals.received, upheld: r.appeals.upheld, rejected: r.appeals.rejected, pending: r.appeals.pending })}
${barChart('chart-reversals', 'Reversals', { 'by appeal': r.reversals.byAppeal, 'by operator (wave)': r.reversals.byOperator })}
</div>
<h2>Time to lift (days from enforcement)</h2>
${table(
  ['how', 'count', 'median', 'p90'],
  (['scheduled', 'appeal', 'reversal', 'all'] as const).map((k) => [k, r.timeToLift[k].count, r.timeToLift[k].medianDays, r.timeToLift[k].p90Days]),
)}
<h2>Statements of reasons</h2>
<p class="meta">${r.statementsOfReasons.length} statements (DSA shape); ${Math.min(max, r.statementsOfReasons.length)} shown, all in the JSON export.</p>
${table(['puid', 'decision ground', 'ground', 'automated detection', 'automated decision', 'restriction ends', 'territorial scope', 'reversed'], sor)}
</body></html>
`;
}
