import { beforeAll, describe, expect, it } from 'vitest';
import { LIFT_TASKS, mapItemsKeyPath, REVIEW_WAIT_STATE, SWEEP_MAPS, SWEEP_SIDE_TASKS, SWEEP_TASKS } from '#infra/stages';
import { RECORD_SWEEP_FAILED_STATE, REVIEW_TIMED_OUT_STATE, REVIEW_TIMEOUT_PATH, SWEEP_FAILED_STATE, SWEEP_RESULT_PATHS } from '#infra/sweepStateMachine';
import { bucketPlaceholder, localFunctionArn, stateMachinesFromTemplate, type AslDefinition, type SynthesizedStateMachines } from './aslFromTemplate.ts';
import { LAMBDA_TRANSIENT_ERRORS } from '#infra/stageTask';
import { LIFT_DONE_STATE, LIFT_MORE_STATE, LIFT_RESULT_PATH } from '#infra/liftScheduling';
import { resourcesOfType, synthCrackdown, type Synthesized } from './synthCrackdown.ts';

let synth: Synthesized;
let machines: SynthesizedStateMachines;

beforeAll(() => {
  synth = synthCrackdown();
  machines = stateMachinesFromTemplate(synth.stack, synth.json);
});

/** Top-level states in execution order, following Next from StartAt. */
function mainChain(def: AslDefinition): string[] {
  const order: string[] = [];
  let name: string | undefined = def.StartAt;
  while (name) {
    if (order.includes(name)) throw new Error(`cycle at ${name}`);
    order.push(name);
    name = def.States[name].Next as string | undefined;
  }
  return order;
}

const moduleOf = (state: string) => [...SWEEP_TASKS, ...SWEEP_SIDE_TASKS].find((t) => t.state === state)!.module;

function expectLambdaRetries(state: Record<string, any>) {
  const retry = state.Retry as Array<Record<string, any>>;
  expect(retry, 'Retry').toBeDefined();
  const errors = retry.flatMap((r) => r.ErrorEquals as string[]);
  for (const e of ['Lambda.ServiceException', 'Lambda.TooManyRequestsException', 'Lambda.SdkClientException']) expect(errors).toContain(e);
  expect(retry[0].BackoffRate).toBeGreaterThan(1);
  expect(retry[0].MaxAttempts).toBeGreaterThan(1);
}

describe('sweep state machine definition', () => {
  it('runs the stages of docs/architecture.md in order, derived from SWEEP_TASKS and SWEEP_MAPS', () => {
    const expected = SWEEP_TASKS.map((t) => SWEEP_MAPS.find((m) => m.task === t.state)?.state ?? t.state);
    expect(mainChain(machines.sweep)).toEqual(expected);
    expect(mainChain(machines.sweep)).toEqual([
      'Plan',
      'PartitionParts',
      'GroupKeys',
      'ExpandRings',
      'ResolveAccounts',
      'DrawSample',
      'GatherSampledEvidence',
      'PlanRelatedEvidence',
      'GatherRelatedEvidence',
      'SampleForReview',
      'EnforceActions',
      'Notify',
      'ScheduleLifts',
      'FinishSweep',
    ]);
    expect(machines.sweep.States.FinishSweep.End).toBe(true);
  });

  it('makes every map a Distributed Map reading its item list from S3 at the key Plan put in the state, one {sweepId, item} per item, results discarded, no tolerated failures', () => {
    const dataBucket = Object.entries(synth.json.Resources).find(([id, r]) => r.Type === 'AWS::S3::Bucket' && id.startsWith('StorageData'))![0];
    for (const map of SWEEP_MAPS) {
      const state = machines.sweep.States[map.state] as Record<string, any>;
      expect(state.Type, map.state).toBe('Map');
      // not ItemsPath: a state holds at most 256 KiB, and the items grow with the snapshot
      expect(state.ItemsPath, map.state).toBeUndefined();
      expect(state.ItemReader, map.state).toEqual({
        Resource: 'arn:aws:states:::s3:getObject',
        ReaderConfig: { InputType: 'JSON' },
        Parameters: { Bucket: bucketPlaceholder(dataBucket), 'Key.$': mapItemsKeyPath(map.items) },
      });
      expect(state.ItemSelector, map.state).toEqual({ 'sweepId.$': '$.sweepId', 'item.$': '$$.Map.Item.Value' });
      expect(state.ItemProcessor.ProcessorConfig, map.state).toEqual({ Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' });
      expect(state.ResultPath, map.state).toBeNull();
      expect(state.ToleratedFailurePercentage, map.state).toBe(0);
      expect(state.MaxConcurrency, map.state).toBeGreaterThan(0);
      expect(state.ItemProcessor.StartAt, map.state).toBe(map.task);
      expect(Object.keys(state.ItemProcessor.States), map.state).toEqual([map.task]);
    }
  });

  it('runs every stage that grows with the snapshot as a Distributed Map: the single Tasks read one object per bucket (digests, stats) or the sample', () => {
    const shape = Object.fromEntries(
      mainChain(machines.sweep).map((name) => {
        const state = machines.sweep.States[name] as Record<string, any>;
        return [name, state.Type === 'Map' ? `${state.ItemProcessor.ProcessorConfig.Mode} Map over ${state.ItemReader.Parameters['Key.$']}` : state.Type];
      }),
    );
    expect(shape).toEqual({
      Plan: 'Task',
      PartitionParts: 'DISTRIBUTED Map over $.plan.items.parts',
      GroupKeys: 'DISTRIBUTED Map over $.plan.items.channelBuckets',
      ExpandRings: 'DISTRIBUTED Map over $.plan.items.accountBuckets',
      ResolveAccounts: 'DISTRIBUTED Map over $.plan.items.accountBuckets',
      DrawSample: 'Task',
      GatherSampledEvidence: 'DISTRIBUTED Map over $.draw.items.evidenceSampled',
      PlanRelatedEvidence: 'Task',
      GatherRelatedEvidence: 'DISTRIBUTED Map over $.related.items.evidenceRelated',
      SampleForReview: 'Task',
      EnforceActions: 'DISTRIBUTED Map over $.plan.items.accountBuckets',
      Notify: 'DISTRIBUTED Map over $.plan.items.accountBuckets',
      ScheduleLifts: 'DISTRIBUTED Map over $.plan.items.accountBuckets',
      FinishSweep: 'Task',
    });
    // Notify and ScheduleLifts hand each bucket to their handler, which reads only that bucket's rows.
    const processorStates = (map: string) => (machines.sweep.States[map] as Record<string, any>).ItemProcessor.States;
    expect(processorStates('Notify').NotifyBucket.Resource).toBe(localFunctionArn('notify'));
    expect(processorStates('ScheduleLifts').ScheduleLiftsBucket.Resource).toBe(localFunctionArn('scheduleLifts'));
  });

  it('invokes each stage handler with payloadResponseOnly (Resource is the function ARN, no Parameters) and retries Lambda service errors', () => {
    const tasks: Array<[string, Record<string, any>]> = [];
    for (const [name, state] of Object.entries(machines.sweep.States)) {
      if (state.Type === 'Task') tasks.push([name, state]);
      if (state.Type === 'Map') tasks.push(...(Object.entries((state.ItemProcessor as any).States) as Array<[string, Record<string, any>]>));
    }
    expect(tasks.map(([n]) => n).sort()).toEqual([...SWEEP_TASKS, ...SWEEP_SIDE_TASKS].map((t) => t.state).sort());
    for (const [name, state] of tasks) {
      if (name === REVIEW_WAIT_STATE) continue; // the .waitForTaskToken Task: see the next test

      expect(state.Resource, name).toBe(localFunctionArn(moduleOf(name)));
      expect(state.Parameters, name).toBeUndefined();
      expect(state.Arguments, name).toBeUndefined();
      expectLambdaRetries(state);
    }
    expect([...LAMBDA_TRANSIENT_ERRORS]).toContain('Lambda.TooManyRequestsException');
  });

  it('waits for the review on SampleForReview: a .waitForTaskToken Lambda task with the token, a timeout from the plan, and States.Timeout to ReviewTimedOut', () => {
    const state = machines.sweep.States[REVIEW_WAIT_STATE] as Record<string, any>;
    expect(state.Type).toBe('Task');
    expect(state.Resource).toBe('arn:aws:states:::lambda:invoke.waitForTaskToken');
    expect(state.Parameters).toEqual({
      FunctionName: localFunctionArn('sample'),
      Payload: { 'sweepId.$': '$.sweepId', 'taskToken.$': '$$.Task.Token' },
    });
    expect(state.TimeoutSecondsPath).toBe(REVIEW_TIMEOUT_PATH);
    expect(state.ResultPath).toBe('$.sample');
    expectLambdaRetries(state);
    expect(state.Catch).toEqual([
      { ErrorEquals: ['States.Timeout'], ResultPath: '$.reviewError', Next: REVIEW_TIMED_OUT_STATE },
      { ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: RECORD_SWEEP_FAILED_STATE },
    ]);
    const timedOut = machines.sweep.States[REVIEW_TIMED_OUT_STATE] as Record<string, any>;
    expect(timedOut).toMatchObject({ Type: 'Task', End: true, Resource: localFunctionArn('reviewTimedOut') });
    expect(timedOut.Next).toBeUndefined();
    expect(mainChain(machines.sweep)).not.toContain(REVIEW_TIMED_OUT_STATE);
  });

  it('keeps each top-level Task result where later stages look for it; FinishSweep becomes the output', () => {
    for (const [state, path] of Object.entries(SWEEP_RESULT_PATHS)) {
      expect(machines.sweep.States[state].ResultPath, state).toBe(path);
    }
    expect(machines.sweep.States.Plan.ResultPath).toBe('$.plan');
    expect(machines.sweep.States.SampleForReview.ResultPath).toBe('$.sample');
    expect(machines.sweep.States.FinishSweep).not.toHaveProperty('ResultPath');
  });

  it('catches every failure of the main chain (and of ReviewTimedOut) into RecordSweepFailed, then SweepFailed with the error and cause', () => {
    for (const name of [...mainChain(machines.sweep), REVIEW_TIMED_OUT_STATE]) {
      if (name === REVIEW_WAIT_STATE) continue; // States.Timeout first, then the same catch-all (previous test)
      const catchers = machines.sweep.States[name].Catch as Array<Record<string, any>>;
      expect(catchers, name).toEqual([{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: RECORD_SWEEP_FAILED_STATE }]);
    }
    // the recorder keeps $.error for the Fail state, and a failure to record still ends in SweepFailed
    const record = machines.sweep.States[RECORD_SWEEP_FAILED_STATE] as Record<string, any>;
    expect(record).toMatchObject({ Type: 'Task', Resource: localFunctionArn('sweepFailed'), ResultPath: null, Next: SWEEP_FAILED_STATE });
    expect(record.Catch).toEqual([{ ErrorEquals: ['States.ALL'], ResultPath: '$.recordError', Next: SWEEP_FAILED_STATE }]);
    expect(mainChain(machines.sweep)).not.toContain(RECORD_SWEEP_FAILED_STATE);
    expect(machines.sweep.States[SWEEP_FAILED_STATE]).toMatchObject({ Type: 'Fail', ErrorPath: '$.error.Error', CausePath: '$.error.Cause' });
  });
});

describe('lift state machine definition', () => {
  it('is a retried LiftDue Task calling functions/lift.ts, run again while it reports more due, ending with its stats', () => {
    const [lift] = LIFT_TASKS;
    expect(machines.lift.StartAt).toBe(lift.state);
    expect(Object.keys(machines.lift.States).sort()).toEqual([lift.state, LIFT_DONE_STATE, LIFT_MORE_STATE].sort());
    const state = machines.lift.States[lift.state] as Record<string, any>;
    expect(state).toMatchObject({ Type: 'Task', Next: LIFT_MORE_STATE, Resource: localFunctionArn(lift.module), ResultPath: LIFT_RESULT_PATH });
    expect(state.Parameters).toBeUndefined();
    expectLambdaRetries(state);
    expect(machines.lift.States[LIFT_MORE_STATE]).toEqual({
      Type: 'Choice',
      Choices: [
        {
          And: [
            { Variable: `${LIFT_RESULT_PATH}.more`, IsPresent: true },
            { Variable: `${LIFT_RESULT_PATH}.more`, BooleanEquals: true },
          ],
          Next: lift.state,
        },
      ],
      Default: LIFT_DONE_STATE,
    });
    expect(machines.lift.States[LIFT_DONE_STATE]).toMatchObject({ Type: 'Pass', OutputPath: LIFT_RESULT_PATH, End: true });
    expect(machines.taskModules[lift.state]).toBe('lift');
  });
});

describe('state machine resources', () => {
  it('are Standard, traced with X-Ray, and log errors only without execution data', () => {
    const machinesInTemplate = resourcesOfType(synth.json, 'AWS::StepFunctions::StateMachine');
    expect(machinesInTemplate).toHaveLength(2);
    for (const [id, sm] of machinesInTemplate) {
      expect(sm.Properties?.StateMachineType, id).toBe('STANDARD');
      expect(sm.Properties?.TracingConfiguration, id).toEqual({ Enabled: true });
      expect(sm.Properties?.LoggingConfiguration, id).toMatchObject({ Level: 'ERROR', IncludeExecutionData: false });
      expect(sm.Properties?.LoggingConfiguration.Destinations, id).toHaveLength(1);
    }
  });

  it('are found under the construct ids of stages.ts', () => {
    const ids = synth.stack.stateMachineLogicalIds();
    expect(ids.sweep).toMatch(/^SweepStateMachine[0-9A-F]{8}$/);
    expect(ids.lift).toMatch(/^LiftStateMachine[0-9A-F]{8}$/);
  });
});
