import { App } from 'aws-cdk-lib';
import { CrackdownStack, type CrackdownStackProps } from './crackdownStack.ts';
import { addNagChecks } from './nagChecks.ts';
import { cdkJsonContext, PROJECT_ROOT } from './projectPaths.ts';
import { loadCampaigns } from './loadCampaigns.ts';
import { join } from 'node:path';

export const STACK_NAME = 'Crackdown';

export interface BuildCrackdownAppOptions {
  /**
   * Bundle the handlers with esbuild (default true). False sets `aws:cdk:bundling-stacks: []`
   * so NodejsFunction skips esbuild: template tests and the local runner only need the template.
   */
  bundling?: boolean;
  /** Cloud assembly directory (default: the CLI's, or a temp dir in-process). */
  outdir?: string;
  /** Stack properties (e.g. env, mapMaxConcurrency). */
  stackProps?: CrackdownStackProps;
}

/**
 * The crackdown CDK app: one stack (`Crackdown`) with cdk-nag's AwsSolutions checks registered.
 * The feature flags come from cdk.json's context so that an in-process synth matches `cdk synth`.
 */
export function buildCrackdownApp(opts: BuildCrackdownAppOptions = {}): { app: App; stack: CrackdownStack } {
  const context: Record<string, unknown> = { ...cdkJsonContext() };
  if (opts.bundling === false) context['aws:cdk:bundling-stacks'] = [];
  const app = new App({ outdir: opts.outdir, context });
  const stack = new CrackdownStack(app, STACK_NAME, {
    description: 'crackdown: batch trust & safety enforcement (sweeps, review sample, ledger, notifications, timed lifts)',
    campaigns: loadCampaigns(join(PROJECT_ROOT, 'campaigns')),
    ...opts.stackProps,
  });
  addNagChecks(app);
  return { app, stack };
}
