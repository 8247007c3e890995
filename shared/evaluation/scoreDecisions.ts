/**
 * Precision, recall and F1 per violation code against labels, and the false-positive rate
 * among organic accounts (labelled with no code), overall and per hard-negative kind; and
 * `scoreAuthors`, the same at account level whatever the code (for sources labelled per author).
 */
import { VIOLATION_CODES, type ViolationCode } from '#shared/contract/violationCodes';
import type { Label } from './labels.ts';

export interface CodeScore {
  code: ViolationCode;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export interface Evaluation {
  accounts: number;
  perCode: CodeScore[];
  organic: { accounts: number; flagged: number; falsePositiveRate: number };
  hardNegatives: Record<string, { accounts: number; flagged: number }>;
  /** Decided accounts absent from the labels. */
  unlabelled: number;
}

/** `decided` maps an account to the codes the sweep acted on (codes of decisions with an action). */
export function scoreDecisions(decided: Map<string, ViolationCode[]>, labels: Map<string, Label>, codes: readonly ViolationCode[] = VIOLATION_CODES): Evaluation {
  const perCode: CodeScore[] = [];
  for (const code of codes) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const [id, label] of labels) {
      const truth = label.codes.includes(code);
      const said = decided.get(id)?.includes(code) ?? false;
      if (truth && said) tp++;
      else if (!truth && said) fp++;
      else if (truth && !said) fn++;
    }
    const precision = tp + fp === 0 ? null : tp / (tp + fp);
    const recall = tp + fn === 0 ? null : tp / (tp + fn);
    const f1 = precision === null || recall === null || precision + recall === 0 ? null : (2 * precision * recall) / (precision + recall);
    perCode.push({ code, truePositives: tp, falsePositives: fp, falseNegatives: fn, precision, recall, f1 });
  }
  let organic = 0;
  let organicFlagged = 0;
  const hardNegatives: Evaluation['hardNegatives'] = {};
  for (const [id, label] of labels) {
    if (label.codes.length > 0) continue;
    organic++;
    const flagged = (decided.get(id)?.length ?? 0) > 0;
    if (flagged) organicFlagged++;
    if (label.hardNegative) {
      const h = (hardNegatives[label.hardNegative] ??= { accounts: 0, flagged: 0 });
      h.accounts++;
      if (flagged) h.flagged++;
    }
  }
  let unlabelled = 0;
  for (const id of decided.keys()) if (!labels.has(id)) unlabelled++;
  return {
    accounts: labels.size,
    perCode,
    organic: { accounts: organic, flagged: organicFlagged, falsePositiveRate: organic === 0 ? 0 : organicFlagged / organic },
    hardNegatives,
    unlabelled,
  };
}

export interface AuthorScore {
  /** Labelled accounts with at least one code. */
  positives: number;
  /** Labelled accounts with no code. */
  negatives: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number | null;
  recall: number | null;
}

/**
 * Account-level scoring, whatever the code: an account is predicted positive if the sweep acted on it with any
 * code, and truly positive if its label has any code (sources labelled per author, such as real spam comments).
 * Decided accounts absent from the labels are not counted.
 */
export function scoreAuthors(decided: Map<string, ViolationCode[]>, labels: Map<string, Label>): AuthorScore {
  let positives = 0;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [id, label] of labels) {
    const truth = label.codes.length > 0;
    const said = (decided.get(id)?.length ?? 0) > 0;
    if (truth) positives++;
    if (truth && said) tp++;
    else if (!truth && said) fp++;
    else if (truth && !said) fn++;
  }
  return {
    positives,
    negatives: labels.size - positives,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: tp + fp === 0 ? null : tp / (tp + fp),
    recall: tp + fn === 0 ? null : tp / (tp + fn),
  };
}
