import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StateMachine } from 'aws-local-stepfunctions';
import { LIFT_TASKS, mapItemsKeyPath, SWEEP_MAPS, SWEEP_SIDE_TASKS, SWEEP_TASKS } from '#infra/stages';
import { analyzeDefinition, checkHandlers, itemReaderState, loadStateMachineDefinitions, prepareDefinition, stageHandlerSpecs, type StateMachineDefinitions } from '#scripts/local/localStepFunctions';
import { definitionsFromTemplate, findStateMachineLogicalId, resolveIntrinsics, type CfnTemplate } from '#scripts/local/stateMachineTemplate';

const MINI_TEMPLATE = fileURLToPath(new URL('./fixtures/miniTemplate.json', import.meta.url));

describe('the synthesized state machines', () => {
  let defs: StateMachineDefinitions;
  let cacheDir: string;

  beforeAll(async () => {
    cacheDir = mkdtempSync(join(tmpdir(), 'crackdown-asl-cache-'));
    defs = await loadStateMachineDefinitions({ cacheDir });
  }, 180_000);
  afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

  it('resolve into ASL with no CloudFormation token left', () => {
    expect(defs.source).toMatch(/synth|cache/);
    expect(defs.logicalIds.sweep).toMatch(/^SweepStateMachine[0-9A-F]{8}$/);
    expect(defs.logicalIds.lift).toMatch(/^LiftStateMachine[0-9A-F]{8}$/);
    for (const def of [defs.sweep, defs.lift]) {
      const text = JSON.stringify(def);
      expect(text).not.toMatch(/Fn::|"Ref"|\$\{Token/);
      expect(def.States[def.StartAt]).toBeDefined();
    }
    expect(defs.sweep.StartAt).toBe('Plan');
    expect(defs.lift.StartAt).toBe('LiftDue');
  });

  it('map every Task state, inside Distributed Maps too, to an existing handler module', async () => {
    for (const [which, stages] of [
      ['sweep', [...SWEEP_TASKS, ...SWEEP_SIDE_TASKS]],
      ['lift', LIFT_TASKS],
    ] as const) {
      const analysis = analyzeDefinition(defs[which]);
      const specs = stageHandlerSpecs(stages);
      expect(() => checkHandlers(analysis, specs, which)).not.toThrow();
      expect(analysis.tasks.map((t) => t.state).sort()).toEqual(stages.map((s) => s.state).sort());
      for (const task of analysis.tasks) {
        if (task.style === 'callback') expect(task.resource).toBe('arn:aws:states:::lambda:invoke.waitForTaskToken');
        else expect(task.resource).toMatch(/^arn:aws:lambda:us-east-1:000000000000:function:\w+$/);
        expect(existsSync(specs[task.state].module)).toBe(true);
        const mod = (await import(specs[task.state].module)) as { handler?: unknown };
        expect(typeof mod.handler, `${specs[task.state].module} exports handler`).toBe('function');
      }
    }
    const sweep = analyzeDefinition(defs.sweep);
    for (const m of SWEEP_MAPS) {
      expect(sweep.tasks.find((t) => t.state === m.task)?.map).toBe(m.state);
      const state = defs.sweep.States[m.state] as { ItemReader?: { Parameters?: Record<string, string> }; ItemProcessor?: { ProcessorConfig?: { Mode?: string } } };
      expect(state.ItemReader?.Parameters?.['Key.$']).toBe(mapItemsKeyPath(m.items));
      expect(state.ItemProcessor?.ProcessorConfig?.Mode).toBe('DISTRIBUTED');
    }
  });

  it("pass the local runner's ASL validation as synthesized (Distributed Map included)", () => {
    for (const def of [defs.sweep, defs.lift]) {
      expect(() => new StateMachine(prepareDefinition(def) as never, { validationOptions: { checkArn: true, checkPaths: true } })).not.toThrow();
    }
  });

  it("read each map's items in a `<Map>.ItemReader` Task before it: transitions and catches go to the reader, the map iterates what it read", () => {
    const prepared = prepareDefinition(defs.sweep);
    for (const m of SWEEP_MAPS) {
      const reader = prepared.States[itemReaderState(m.state)] as Record<string, any>;
      expect(reader, m.state).toMatchObject({ Type: 'Task', Resource: 'arn:aws:states:::s3:getObject', ResultPath: '$.localMapItems', Next: m.state });
      expect(reader.Parameters['Key.$']).toBe(mapItemsKeyPath(m.items));
      expect(reader.Catch).toEqual((defs.sweep.States[m.state] as Record<string, any>).Catch);
      const map = prepared.States[m.state] as Record<string, any>;
      expect(map.ItemReader, m.state).toBeUndefined();
      expect(map.ItemsPath, m.state).toBe('$.localMapItems');
    }
    // nothing but its reader leads to a map any more
    const targets = Object.entries(prepared.States).flatMap(([name, st]) =>
      [st.Next, st.Default, ...((st.Catch as Array<{ Next: string }> | undefined) ?? []).map((c) => c.Next)].map((t) => [name, t]),
    );
    for (const m of SWEEP_MAPS)
      expect(
        targets.filter(([, t]) => t === m.state).map(([from]) => from),
        m.state,
      ).toEqual([itemReaderState(m.state)]);
    expect(prepared.States.Plan.Next).toBe(itemReaderState('PartitionParts'));
    expect(prepared.States.SampleForReview.Next).toBe(itemReaderState('EnforceActions'));
  });

  it('come from the cache on the next load', async () => {
    const again = await loadStateMachineDefinitions({ cacheDir });
    expect(again.sweep).toEqual(defs.sweep);
    expect(again.lift).toEqual(defs.lift);
  });
});

describe('template token resolution', () => {
  it('loads a cdk.out-style template file and resolves Fn::Join, Fn::GetAtt, Ref and Fn::Sub to placeholders', async () => {
    const defs = await loadStateMachineDefinitions({ template: MINI_TEMPLATE });
    expect(defs.logicalIds).toEqual({ sweep: 'SweepStateMachine0D8B0EA1', lift: 'LiftMachineXYZ' });
    const work = defs.sweep.States.Work as unknown as { Resource: string };
    expect(work.Resource).toBe('arn:aws:lambda:us-east-1:000000000000:function:StagesWorkFnA1B2C3D4');
    const publish = defs.sweep.States.Publish as unknown as { Resource: string; Parameters: Record<string, string> };
    expect(publish.Resource).toBe('arn:aws:states:::lambda:invoke');
    expect(publish.Parameters).toEqual({
      FunctionName: 'StagesWorkFnA1B2C3D4',
      'Payload.$': '$',
      Topic: 'arn:aws:sns:us-east-1:000000000000:SinkTopic11223344',
      Region: 'us-east-1/000000000000',
    });
    expect(defs.lift.StartAt).toBe('LiftDue');
  });

  it('finds a state machine by logical id hash when there is no path metadata', () => {
    const template: CfnTemplate = {
      Resources: {
        SweepStateMachine0D8B0EA1: { Type: 'AWS::StepFunctions::StateMachine' },
        SweepStateMachineRole1234ABCD: { Type: 'AWS::IAM::Role' },
      },
    };
    expect(findStateMachineLogicalId(template, 'SweepStateMachine')).toBe('SweepStateMachine0D8B0EA1');
    expect(() => findStateMachineLogicalId(template, 'LiftStateMachine')).toThrow(/no AWS::StepFunctions::StateMachine for LiftStateMachine/);
  });

  it('names an intrinsic it cannot resolve, and a token naming a missing resource', () => {
    const template: CfnTemplate = { Resources: {} };
    expect(() => resolveIntrinsics({ 'Fn::ImportValue': 'x' }, template, 'Sweep')).toThrow(/Fn::ImportValue is not supported/);
    expect(() => resolveIntrinsics({ 'Fn::GetAtt': ['Nope', 'Arn'] }, template, 'Sweep')).toThrow(/Nope, which is not a resource/);
    expect(() => definitionsFromTemplate(template, 'empty')).toThrow(/no AWS::StepFunctions::StateMachine/);
  });

  it('a Task state without a handler is a clear error naming it', async () => {
    const defs = await loadStateMachineDefinitions({ template: MINI_TEMPLATE });
    expect(() => checkHandlers(analyzeDefinition(defs.sweep), { Work: { module: '/x.ts' } }, 'sweep')).toThrow(/no handler for Task state Publish/);
  });
});
