import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCrackdownApp } from '#infra/crackdownApp';
import { synthCrackdown, type Synthesized } from './synthCrackdown.ts';

const outdir = () => mkdtempSync(join(tmpdir(), 'crackdown-nag-'));

/**
 * cdk-nag 3 runs as a CDK policy-validation plugin after synthesis (not as an Aspect): its
 * findings never become construct annotations, an unacknowledged one makes `app.synth()` throw.
 */
describe('cdk-nag AwsSolutions', () => {
  let synth: Synthesized;
  beforeAll(() => {
    synth = synthCrackdown(); // app.synth() throws on any unacknowledged finding
  });

  it('reports nothing unacknowledged on the crackdown stack', () => {
    const { stack } = synth;
    const report = new AwsSolutionsChecks().validateScope(stack);
    expect(report.violations.map((v) => `${v.ruleName} @ ${v.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
    expect(report.success).toBe(true);
    // Nothing from the v2-style annotation path either.
    expect(Annotations.fromStack(stack).findError('*', Match.stringLikeRegexp('AwsSolutions-.*'))).toEqual([]);
  });

  it('is wired into the app: an unacknowledged finding fails synthesis', () => {
    const { app, stack } = buildCrackdownApp({ bundling: false, outdir: outdir() });
    new Bucket(stack, 'CarelessBucket'); // no access logs, no TLS-only policy
    expect(() => app.synth()).toThrow(/AwsSolutions-S1'/);
    const findings = new AwsSolutionsChecks().validateScope(stack).violations.map((v) => v.ruleName);
    expect(findings).toEqual(expect.arrayContaining(['AwsSolutions-S1', 'AwsSolutions-S10']));
  });

  it('records every acknowledgement with its reason in the template metadata', () => {
    const { json } = synth;
    const acknowledged = Object.values(json.Resources).flatMap(
      (r) => (r as { Metadata?: { cdk_nag?: { rules_to_suppress: Array<{ id: string; reason: string }> } } }).Metadata?.cdk_nag?.rules_to_suppress ?? [],
    );
    expect(acknowledged.length).toBeGreaterThan(0);
    for (const rule of acknowledged) {
      expect(rule.id).toMatch(/^AwsSolutions-[A-Z]+\d+(\[.+\])?$/);
      expect(rule.reason.length, rule.id).toBeGreaterThan(40);
    }
    // No blanket IAM5: each wildcard is acknowledged as a specific finding.
    expect(acknowledged.map((r) => r.id)).not.toContain('AwsSolutions-IAM5');
  });
});
