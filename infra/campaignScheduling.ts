import { Stack } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { CfnSchedule, CfnScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import { Construct } from 'constructs';
import { SWEEP_STATE_MACHINE_ENV_VAR } from '#shared/adapters/sfnSweepStarter';
import { scheduleOf } from '#shared/campaign/campaignCalendar';
import type { Campaign } from '#shared/campaign/campaignSchema';
import type { Policy } from '#shared/policy/policySchema';

export interface CampaignSchedulingProps {
  tickFunction: LambdaFunction;
  /** ARN of the sweep state machine the trigger starts (by name: see CrackdownStack). */
  sweepStateMachineArn: string;
  /** Campaigns to schedule: each with the policy it runs under (campaigns/*.json, see loadCampaigns.ts). */
  campaigns: ReadonlyArray<{ campaign: Campaign; policy: Policy }>;
}

/** The trigger's input: the campaign and its policy, pinned at deploy, and the fire time. */
export function campaignTickInput(c: { campaign: Campaign; policy: Policy }): Record<string, unknown> {
  return { campaign: c.campaign, policy: c.policy, scheduledTime: '<aws.scheduler.scheduled-time>' };
}

/**
 * One recurring EventBridge Scheduler schedule per campaign, in the campaign's time zone and bounded
 * by its period, that invokes the campaign trigger; the trigger checks the campaign's state (pause is
 * the kill switch) and starts that day's sweep named by campaign and date.
 */
export class CampaignScheduling extends Construct {
  readonly scheduleGroup: CfnScheduleGroup;
  readonly schedulerRole: Role;
  readonly schedules: Record<string, CfnSchedule> = {};

  constructor(scope: Construct, id: string, props: CampaignSchedulingProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.scheduleGroup = new CfnScheduleGroup(this, 'Group', { name: `${stack.stackName}-campaigns` });
    this.schedulerRole = new Role(this, 'SchedulerRole', {
      description: 'Assumed by EventBridge Scheduler to invoke the campaign trigger',
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account, 'aws:SourceArn': this.scheduleGroup.attrArn } },
      }),
    });
    // the function itself, not its versions (grantInvoke would add `<arn>:*`)
    this.schedulerRole.addToPolicy(new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [props.tickFunction.functionArn] }));
    props.tickFunction.addToRolePolicy(new PolicyStatement({ actions: ['states:StartExecution'], resources: [props.sweepStateMachineArn] }));
    props.tickFunction.addEnvironment(SWEEP_STATE_MACHINE_ENV_VAR, props.sweepStateMachineArn);

    for (const c of props.campaigns) {
      const s = scheduleOf(c.campaign);
      this.schedules[c.campaign.campaignId] = new CfnSchedule(this, `Campaign-${c.campaign.campaignId}`, {
        name: c.campaign.campaignId,
        description: `campaign ${c.campaign.campaignId} v${c.campaign.version}: ${c.campaign.title}`.slice(0, 512),
        groupName: this.scheduleGroup.ref,
        scheduleExpression: s.expression,
        scheduleExpressionTimezone: s.timeZone,
        startDate: s.startDate,
        endDate: s.endDate,
        flexibleTimeWindow: { mode: 'OFF' },
        state: 'ENABLED',
        target: {
          arn: props.tickFunction.functionArn,
          roleArn: this.schedulerRole.roleArn,
          input: JSON.stringify(campaignTickInput(c)),
          // a retried trigger plans the same day from the same fire time and starts the same named sweep
          retryPolicy: { maximumRetryAttempts: 5, maximumEventAgeInSeconds: 3600 },
        },
      });
    }
  }
}
