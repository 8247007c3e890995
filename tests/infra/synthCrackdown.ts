import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import type { App } from 'aws-cdk-lib';
import { buildCrackdownApp } from '#infra/crackdownApp';
import type { CrackdownStack } from '#infra/crackdownStack';

export interface Synthesized {
  app: App;
  stack: CrackdownStack;
  template: Template;
  /** The raw template JSON. */
  json: { Resources: Record<string, CfnResourceJson>; Outputs?: Record<string, { Value: unknown }> };
}

export interface CfnResourceJson {
  Type: string;
  Properties?: Record<string, any>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
}

/** The crackdown app synthesized without bundling (what tests and the local runner use). */
export function synthCrackdown(): Synthesized {
  const { app, stack } = buildCrackdownApp({ bundling: false, outdir: mkdtempSync(join(tmpdir(), 'crackdown-cdk-')) });
  app.synth(); // runs cdk-nag; throws if it reports anything unacknowledged
  const template = Template.fromStack(stack);
  return { app, stack, template, json: template.toJSON() as Synthesized['json'] };
}

export function resourcesOfType(json: Synthesized['json'], type: string): Array<[string, CfnResourceJson]> {
  return Object.entries(json.Resources).filter(([, r]) => r.Type === type);
}

/** Every logical id a value refers to through Ref or Fn::GetAtt. */
export function referencedIds(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => referencedIds(v, into));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'Ref' && typeof v === 'string') into.add(v);
      else if (k === 'Fn::GetAtt' && Array.isArray(v)) into.add(String(v[0]));
      else referencedIds(v, into);
    }
  }
  return into;
}

export function asArray<T>(v: T | T[] | undefined): T[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}
