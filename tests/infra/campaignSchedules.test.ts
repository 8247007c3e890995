/** The CDK app schedules each campaign: one recurring schedule in its time zone, bounded by its period, invoking the trigger. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCrackdownApp } from '#infra/crackdownApp';
import { SWEEP_STATE_MACHINE_ENV_VAR } from '#shared/adapters/sfnSweepStarter';
import { parseCampaign } from '#shared/campaign/campaignSchema';
import { defaultPolicy } from '#shared/policy/defaultPolicy';
import { asArray, resourcesOfType, type Synthesized } from './synthCrackdown.ts';

const policy = defaultPolicy();
const campaign = parseCampaign(
  {
    campaignId: 'dec-crackdown',
    version: 2,
    title: 'December crackdown',
    period: { start: '2026-11-18', end: '2026-12-16' },
    schedule: { at: '02:00', timeZone: 'Asia/Shanghai' },
    policyVersion: policy.policyVersion,
    snapshotTemplate: 's3://exports/{date}/',
  },
  'test',
);

let json: Synthesized['json'];
let tickLogicalId: string;
beforeAll(() => {
  const { app, stack } = buildCrackdownApp({ bundling: false, outdir: mkdtempSync(join(tmpdir(), 'crackdown-cdk-')), stackProps: { campaigns: [{ campaign, policy }] } });
  app.synth(); // cdk-nag runs here
  json = Template.fromStack(stack).toJSON() as Synthesized['json'];
  tickLogicalId = stack.getLogicalId(stack.functions.get('campaignTick').fn.node.defaultChild as never);
});

describe('campaign scheduling', () => {
  it('creates one daily schedule per campaign, in its time zone, from its first day to its last, invoking the trigger with the campaign and the fire time', () => {
    const schedules = resourcesOfType(json, 'AWS::Scheduler::Schedule').filter(([, r]) => r.Properties?.Name === 'dec-crackdown');
    expect(schedules).toHaveLength(1);
    const p = schedules[0][1].Properties!;
    expect(p.ScheduleExpression).toBe('cron(0 2 * * ? *)');
    expect(p.ScheduleExpressionTimezone).toBe('Asia/Shanghai');
    expect(p.StartDate).toBe('2026-11-17T17:59:00.000Z');
    expect(p.EndDate).toBe('2026-12-15T18:01:00.000Z');
    expect(p.Target.Arn).toEqual({ 'Fn::GetAtt': [tickLogicalId, 'Arn'] });
    const input = JSON.parse(p.Target.Input);
    expect(input.scheduledTime).toBe('<aws.scheduler.scheduled-time>');
    expect(input.campaign).toMatchObject({ campaignId: 'dec-crackdown', version: 2 });
    expect(input.policy.policyVersion).toBe(policy.policyVersion);
  });

  it('lets the trigger start only the sweep state machine and read only the campaigns table', () => {
    const fn = json.Resources[tickLogicalId];
    const roleId = fn.Properties?.Role['Fn::GetAtt'][0];
    const statements = resourcesOfType(json, 'AWS::IAM::Policy')
      .filter(([, p]) => asArray(p.Properties?.Roles).some((r: any) => r.Ref === roleId))
      .flatMap(([, p]) => asArray(p.Properties?.PolicyDocument.Statement) as Array<{ Action: string | string[]; Resource: unknown }>);
    const actions = statements.flatMap((s) => asArray(s.Action) as string[]);
    expect(actions).toContain('states:StartExecution');
    expect(actions.filter((a) => a.startsWith('dynamodb:') && !/Get|Query|Scan|Describe|ConditionCheck/.test(a))).toEqual([]);
    expect(actions.some((a) => a.includes('*') && !a.startsWith('xray:') && !a.startsWith('logs:'))).toBe(false);
    const start = statements.find((s) => asArray(s.Action).includes('states:StartExecution'))!;
    expect(JSON.stringify(start.Resource)).toContain('Crackdown-Sweep');
    expect(fn.Properties?.Environment.Variables[SWEEP_STATE_MACHINE_ENV_VAR]).toBeDefined();
  });

  it('lets the scheduler role invoke the trigger and nothing else', () => {
    const [[roleId]] = resourcesOfType(json, 'AWS::IAM::Role').filter(([, r]) => r.Properties?.Description === 'Assumed by EventBridge Scheduler to invoke the campaign trigger');
    const statements = resourcesOfType(json, 'AWS::IAM::Policy')
      .filter(([, p]) => asArray(p.Properties?.Roles).some((r: any) => r.Ref === roleId))
      .flatMap(([, p]) => asArray(p.Properties?.PolicyDocument.Statement) as Array<{ Action: string | string[]; Resource: unknown }>);
    expect(statements).toEqual([{ Action: 'lambda:InvokeFunction', Effect: 'Allow', Resource: { 'Fn::GetAtt': [tickLogicalId, 'Arn'] } }]);
  });
});
