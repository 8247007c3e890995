/**
 * A campaign's report as one self-contained HTML page (inline CSS and SVG, no scripts, no external
 * resources): the announcement in Chinese and English, the accounts handled counted once by code, action
 * and follower tier, lifted, appealed, reversed and held, and a per-day chart; for an enforcing campaign
 * followed by the transparency report's page (its DSA statements of reasons), for a shadow campaign what it
 * would have done. Every number carries a `data-*` attribute naming the JSON field it shows.
 */
import { barChart, esc, renderReportHtml } from '#shared/audit/reportHtml';
import type { CampaignDayRow, CampaignReport } from './gatherCampaignReport.ts';

const SERIES = [
  { key: 'newAccounts', label: 'accounts newly handled', color: '#c0392b' },
  { key: 'lifted', label: 'lifted on schedule', color: '#27ae60' },
  { key: 'held', label: 'held (review or guard)', color: '#d68910' },
] as const;

const heldOf = (d: CampaignDayRow) => d.heldByReview + d.heldByGuard;

/** Columns per day: accounts newly handled, penalties lifted, decisions held. */
export function perDayChart(rows: CampaignDayRow[]): string {
  const colW = 7;
  const groupW = colW * SERIES.length + 6;
  const h = 180;
  const top = 10;
  const left = 40;
  const value = (d: CampaignDayRow, k: (typeof SERIES)[number]['key']) => (k === 'held' ? heldOf(d) : d[k]);
  const max = Math.max(1, ...rows.flatMap((d) => SERIES.map((s) => value(d, s.key))));
  const width = left + rows.length * groupW + 10;
  const groups = rows
    .map((d, i) => {
      const x0 = left + i * groupW;
      const bars = SERIES.map((s, j) => {
        const v = value(d, s.key);
        const bh = Math.round((v / max) * h);
        return `<rect x="${x0 + j * colW}" y="${top + h - bh}" width="${colW - 1}" height="${bh}" fill="${s.color}"><title>${esc(d.day)} ${s.label}: ${v}</title></rect>`;
      }).join('');
      const label = i % Math.max(1, Math.ceil(rows.length / 10)) === 0 ? `<text x="${x0}" y="${top + h + 14}">${esc(d.day.slice(5))}</text>` : '';
      return `<g class="day" data-day="${esc(d.day)}" data-new-accounts="${d.newAccounts}" data-actions="${d.actions}" data-lifted="${d.lifted}" data-held-by-review="${d.heldByReview}" data-held-by-guard="${d.heldByGuard}" data-guard-tripped="${d.guardTripped}">${bars}${label}</g>`;
    })
    .join('');
  const axis = `<text x="${left - 6}" y="${top + 10}" text-anchor="end">${max}</text><text x="${left - 6}" y="${top + h}" text-anchor="end">0</text><line x1="${left}" y1="${top + h}" x2="${width - 10}" y2="${top + h}" stroke="#999"/>`;
  const legend = SERIES.map((s) => `<span style="color:${s.color}">■</span> ${esc(s.label)}`).join(' &nbsp; ');
  return `<figure id="chart-per-day"><figcaption>Per day</figcaption><svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Per day: accounts newly handled, lifted, held" width="${width}" height="${top + h + 22}" viewBox="0 0 ${width} ${top + h + 22}">${axis}${groups}</svg><p class="meta">${legend}</p></figure>`;
}

const card = (label: string, field: string, v: number) => `<div class="card">${esc(label)}<b data-field="${esc(field)}">${v}</b></div>`;

function campaignSection(r: CampaignReport): string {
  const a = r.accountsHandled;
  const verb = r.mode === 'shadow' ? 'Would have handled (shadow: nothing was enforced)' : 'Accounts handled';
  const announce =
    r.mode === 'enforce'
      ? `<section id="announcement"><h2>Announcement</h2><p lang="zh" data-field="announcement.zh">${esc(r.announcement.zh)}</p><p lang="en" data-field="announcement.en">${esc(r.announcement.en)}</p></section>`
      : `<p class="meta">Shadow campaign: ${r.wouldHave.length} would-have acts; ${r.repeated} decisions found only evidence an earlier day would already have acted on; ${r.foundAlreadyActed} accounts found whose evidence other sweeps had already acted on.</p>`;
  const outcomes = r.mode === 'enforce' ? card('Lifted on schedule', 'lifted', r.lifted) + card('Appealed', 'appealed', r.appealed) + card('Reversed', 'reversed', r.reversed) : '';
  return `<section id="campaign">
<p class="meta">Campaign ${esc(r.campaignId)} v${r.version} · ${esc(r.mode)} · ${esc(r.period.from)} to ${esc(r.period.to)} (${r.daysSwept} day(s) swept) · times in ${esc(r.timeZone)}</p>
${announce}
<h2>${esc(verb)}, each account once over the campaign</h2>
<section class="cards">
${card('Accounts', 'accountsHandled.accounts', a.accounts)}${card('Over 10k followers', 'accountsHandled.over10k', a.over10k)}${card('Over 100k followers', 'accountsHandled.over100k', a.over100k)}${outcomes}${card('Held by review', 'held.byReview', r.held.byReview)}${card('Held by blast-radius guard', 'held.byGuard', r.held.byGuard)}
</section>
<div class="grid">
${barChart('chart-accounts-code', 'Accounts by violation code', a.byCode)}
${barChart('chart-accounts-action', 'Accounts by strongest action', a.byAction)}
${barChart('chart-accounts-tier', 'Accounts by follower tier', a.byFollowerTier)}
</div>
${perDayChart(r.perDay)}
</section>`;
}

export function renderCampaignReportHtml(r: CampaignReport): string {
  const section = campaignSection(r);
  if (r.mode === 'enforce') return renderReportHtml(r.report, { lead: section });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(`Campaign ${r.campaignId}: ${r.title} (shadow)`)}</title>
<style>
body{font:14px/1.45 system-ui,"PingFang SC","Noto Sans CJK SC",sans-serif;margin:2rem auto;max-width:1100px;color:#222;padding:0 1rem}
h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd} .meta{color:#666} .cards{display:flex;gap:1rem;flex-wrap:wrap}
.card{border:1px solid #ddd;border-radius:6px;padding:.6rem 1rem;min-width:140px} .card b{display:block;font-size:1.5rem}
figcaption{font-weight:600} svg text{font-size:12px;fill:#333} .grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(480px,1fr));gap:1rem}
</style></head><body>
<h1>${esc(`Campaign ${r.campaignId}: ${r.title}`)} (shadow)</h1>
${section}
</body></html>
`;
}
