/** Small helpers shared by the detectors: thresholds, time, clients, caps. */
import type { ViolationCode } from '#shared/contract/violationCodes';
import type { DetectContext, PartitionContext } from '../detectorPorts.ts';
import { contactVocabulary, type ContactVocabulary } from '../text/contactPatterns.ts';
import type { Evidence, Finding, Severity, Signal } from '../finding.ts';
import { RULE_BY_ID } from '../ruleCatalog.ts';
import { DEFAULT_LEXICONS, type LexiconName } from '../text/lexicons.ts';
import { GROUP_CONTROL_TOOL } from '../text/clientPatterns.ts';

/** The rule's thresholds: catalog defaults overlaid with whatever the policy passes in. */
/** A lexicon as the policy has it (the default when the policy names none). */
export function lexiconOf(ctx: PartitionContext | undefined, name: LexiconName): RegExp {
  return ctx?.lexicon?.(name) ?? DEFAULT_LEXICONS[name].pattern;
}

/** The contact scanner's words as the policy has them (lexicons `contactAppAliases`, `contactRedirects`). */
export function contactWordsOf(ctx: PartitionContext | undefined): ContactVocabulary {
  return contactVocabulary(lexiconOf(ctx, 'contactAppAliases'), lexiconOf(ctx, 'contactRedirects'));
}

/**
 * A rule's thresholds merged with a policy's, kept per policy thresholds object: channels ask once per key and
 * detectors once per account, and the merge (a spread of both) was 1.5 % of group (issue 17). A policy's
 * thresholds are not changed once parsed, so the same object always merges to the same values.
 */
const merged = new WeakMap<Record<string, number>, Map<string, Record<string, number>>>();

export function thresholdsOf(ctx: DetectContext, ruleId: string): Record<string, number> {
  const spec = RULE_BY_ID.get(ruleId);
  if (!spec) throw new Error(`rule ${ruleId} is not in the rule catalog`);
  const fromPolicy = ctx.thresholds(ruleId);
  if (!fromPolicy) return spec.thresholds;
  let byRule = merged.get(fromPolicy);
  if (!byRule) merged.set(fromPolicy, (byRule = new Map()));
  let out = byRule.get(ruleId);
  if (!out) byRule.set(ruleId, (out = Object.keys(fromPolicy).length > 0 ? { ...spec.thresholds, ...fromPolicy } : spec.thresholds));
  return out;
}

export function severityOf(ruleId: string): Severity {
  const spec = RULE_BY_ID.get(ruleId);
  if (!spec) throw new Error(`rule ${ruleId} is not in the rule catalog`);
  return spec.severity;
}

export function finding(accountId: string, code: ViolationCode, ruleId: string, score: number, evidence: Evidence): Finding {
  return { accountId, code, ruleId, severity: severityOf(ruleId), score: round3(clamp01(score)), evidence };
}

export function signal(accountId: string, channel: string, code: ViolationCode, ruleId: string, key: string, score: number, detail: Evidence): Signal {
  return { accountId, channel, code, ruleId, key, score: round3(clamp01(score)), detail };
}

export const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);
export const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/** ISO timestamp → epoch seconds (NaN-safe: 0). */
export function epochSeconds(ts: string | undefined): number {
  if (!ts) return 0;
  const ms = Date.parse(ts);
  return Number.isNaN(ms) ? 0 : Math.floor(ms / 1000);
}

/** The official apps; anything else (open-api, tool names) is an automation or unknown client. */
const OFFICIAL_CLIENT = /^(?:app-(?:ios|android|harmony|ipad|mac|win)|web|h5|mini-?program|pc|ios|android)$/i;
export function isOfficialClient(client: string | undefined): boolean {
  return client === undefined || client === '' || OFFICIAL_CLIENT.test(client);
}
/** Clients that announce AI hosting / automated posting by name. */
const AUTOMATION_NAME =
  /open-?api|(?<![a-z])ai(?![a-z])|aihost|gpt|copilot|llm|agent|托管|智能|助手|hosting|auto-?(?:post|creator|reply|comment|pilot)|bot|robot|script|selenium|puppeteer|playwright|appium|macro/i;
/** Registration and multi-instance tools (device farms): fake-account territory, not AI hosting. */
const FARM_TOOL = new RegExp(`reg(?:ister)?(?![a-z])|reg-|signup|sign-up|注册|multi-?open|多开|clone|virtual|改机|cloud-?phone|云手机|云机|matrix|矩阵|${GROUP_CONTROL_TOOL.source}`, 'i');
/** Names that say AI hosting outright (these win over farm-tool words). */
const AI_HOSTING_NAME = /gpt|(?<![a-z])ai(?![a-z])|aihost|copilot|llm|托管|智能|agent|hosting/i;
export function namesAiHosting(client: string | undefined): boolean {
  return !!client && (AI_HOSTING_NAME.test(client) || /open-?api|auto-?(?:post|creator)/i.test(client));
}
export function isFarmTool(client: string | undefined): boolean {
  return !!client && FARM_TOOL.test(client) && !AI_HOSTING_NAME.test(client);
}
/** Not an official app: open-api or a third-party tool. */
export function isAutomationClient(client: string | undefined): boolean {
  return !isOfficialClient(client);
}
export function namesAutomation(client: string | undefined): boolean {
  return !!client && AUTOMATION_NAME.test(client);
}

/** Sorted, de-duplicated, capped list (evidence stays small and deterministic). */
export function capped(values: Iterable<string>, max = 20): string[] {
  return [...new Set(values)].sort().slice(0, max);
}

/** Short excerpt for evidence. */
export function excerpt(s: string, max = 40): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

/** Deterministic ordering helper for findings. */
export function byRule(a: Finding, b: Finding): number {
  return a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0;
}

/** The most distinct accounts posting within any one window of `seconds` (rows sorted by time). */
export function densestWindowAccounts(rows: readonly { a: string; t: number }[], seconds: number): number {
  const inWindow = new Map<string, number>();
  let best = 0;
  for (let lo = 0, hi = 0; hi < rows.length; hi++) {
    inWindow.set(rows[hi].a, (inWindow.get(rows[hi].a) ?? 0) + 1);
    for (; rows[hi].t - rows[lo].t > seconds; lo++) {
      const k = inWindow.get(rows[lo].a)! - 1;
      if (k === 0) inWindow.delete(rows[lo].a);
      else inWindow.set(rows[lo].a, k);
    }
    best = Math.max(best, inWindow.size);
  }
  return best;
}
