import type { CrackdownStack } from '#infra/crackdownStack';
import { LIFT_TASKS, SWEEP_SIDE_TASKS, SWEEP_TASKS } from '#infra/stages';

/** A synthesized Amazon States Language document (as JSON). */
export type AslDefinition = { StartAt: string; States: Record<string, Record<string, unknown>>; [key: string]: unknown };

export interface SynthesizedStateMachines {
  sweep: AslDefinition;
  lift: AslDefinition;
  /** Handler module under functions/ for every Task state name (from stages.ts). */
  taskModules: Record<string, string>;
  /** The full CloudFormation template, for anything else a caller wants to read. */
  template: { Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }> };
}

export const localFunctionArn = (module: string) => `arn:aws:lambda:local:000000000000:function:${module}`;

/**
 * Both state machine definitions exactly as `cdk synth` emits them, with each stage function's
 * ARN token replaced by `functionArn(module)`. Because every Task uses payloadResponseOnly, a
 * Task's `Resource` is that ARN, so it maps straight back to `functions/<module>.ts`.
 * (The local runner has its own reader in scripts/local/stateMachineTemplate.ts; this one keeps
 * the infra tests independent of it.)
 */
export function stateMachinesFromTemplate(stack: CrackdownStack, template: SynthesizedStateMachines['template'], functionArn: (module: string) => string = localFunctionArn): SynthesizedStateMachines {
  const moduleByLogicalId = new Map(Object.entries(stack.functionLogicalIds()).map(([module, id]) => [id, module]));
  const ids = stack.stateMachineLogicalIds();
  const definition = (logicalId: string): AslDefinition => {
    const resource = template.Resources[logicalId];
    const body = resource?.Properties?.DefinitionString;
    if (body === undefined) throw new Error(`state machine ${logicalId} has no DefinitionString in the template`);
    return JSON.parse(renderJoin(body, moduleByLogicalId, functionArn, template)) as AslDefinition;
  };

  const taskModules: Record<string, string> = {};
  for (const t of [...SWEEP_TASKS, ...SWEEP_SIDE_TASKS, ...LIFT_TASKS]) taskModules[t.state] = t.module;
  return { sweep: definition(ids.sweep), lift: definition(ids.lift), taskModules, template };
}

/** A bucket's name in a rendered definition: its logical id (the maps' ItemReaders name the sweep bucket). */
export const bucketPlaceholder = (logicalId: string) => `bucket:${logicalId}`;

/** Renders a `Fn::Join` (or plain string) DefinitionString whose only tokens are stage function ARNs and bucket names. */
function renderJoin(body: unknown, moduleByLogicalId: Map<string, string>, functionArn: (module: string) => string, template: SynthesizedStateMachines['template']): string {
  if (typeof body === 'string') return body;
  const join = (body as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
  if (!join) throw new Error(`unexpected DefinitionString shape: ${JSON.stringify(body).slice(0, 200)}`);
  const [separator, parts] = join;
  return parts
    .map((part) => {
      if (typeof part === 'string') return part;
      // The `.waitForTaskToken` integration ARN (arn:<partition>:states:::lambda:invoke.waitForTaskToken).
      const ref = (part as { Ref?: string }).Ref;
      if (ref === 'AWS::Partition') return 'aws';
      if (ref !== undefined && template.Resources[ref]?.Type === 'AWS::S3::Bucket') return bucketPlaceholder(ref);
      const getAtt = (part as { 'Fn::GetAtt'?: [string, string] })['Fn::GetAtt'];
      const module = getAtt && getAtt[1] === 'Arn' ? moduleByLogicalId.get(getAtt[0]) : undefined;
      if (!module) throw new Error(`unexpected token in a state machine definition: ${JSON.stringify(part)}`);
      return functionArn(module);
    })
    .join(separator);
}
