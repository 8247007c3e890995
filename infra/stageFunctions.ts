import { Duration } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { StageHandler } from './stages.ts';
import { LOCK_FILE, PROJECT_ROOT, functionEntry } from './projectPaths.ts';
import { acknowledge, iam5Resource } from './nagChecks.ts';

export interface StageFunctionsProps {
  /** Every stage handler to build a function for (SWEEP_TASKS and LIFT_TASKS). */
  stages: readonly StageHandler[];
  /** Environment shared by every function (table names, bucket, sink topic). */
  environment: Record<string, string>;
  /** Retention of each function's log group. */
  logRetention?: RetentionDays;
}

export const POWERTOOLS_SERVICE_NAME = 'crackdown';

/**
 * ESM bundles still meet CommonJS dependencies that call `require`; this banner gives them one.
 */
const ESM_REQUIRE_BANNER = "import { createRequire as __crackdownCreateRequire } from 'node:module'; const require = __crackdownCreateRequire(import.meta.url);";

/** One function: its handler description, the function, and its own execution role. */
export interface StageFunction {
  stage: StageHandler;
  fn: NodejsFunction;
  role: Role;
}

/**
 * One NodejsFunction per stage handler, each with its own role and log group so that grants
 * stay per stage (least privilege) and no managed policy is needed. Bundled with the local
 * esbuild (never Docker) as minified ESM with source maps.
 */
export class StageFunctions extends Construct {
  /** By module name under functions/ (e.g. `plan`). */
  readonly byModule: Record<string, StageFunction> = {};

  constructor(scope: Construct, id: string, props: StageFunctionsProps) {
    super(scope, id);
    for (const stage of props.stages) {
      const role = new Role(this, `${stage.functionId}Role`, {
        assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
        description: `Execution role of the ${stage.state} stage (functions/${stage.module}.ts)`,
      });
      const logGroup = new LogGroup(this, `${stage.functionId}Logs`, {
        retention: props.logRetention ?? RetentionDays.THREE_MONTHS,
      });
      logGroup.grantWrite(role);

      const fn = new NodejsFunction(this, stage.functionId, {
        entry: functionEntry(stage.module),
        handler: 'handler',
        runtime: Runtime.NODEJS_22_X,
        architecture: Architecture.ARM_64,
        memorySize: stage.memoryMb,
        timeout: Duration.seconds(stage.timeoutSeconds),
        description: `crackdown ${stage.state} (functions/${stage.module}.ts)`,
        role,
        logGroup,
        tracing: Tracing.ACTIVE,
        projectRoot: PROJECT_ROOT,
        depsLockFilePath: LOCK_FILE,
        environment: {
          ...props.environment,
          POWERTOOLS_SERVICE_NAME,
          POWERTOOLS_METRICS_NAMESPACE: 'Crackdown',
          NODE_OPTIONS: '--enable-source-maps',
        },
        bundling: {
          forceDockerBundling: false,
          format: OutputFormat.ESM,
          target: 'node22',
          mainFields: ['module', 'main'],
          banner: ESM_REQUIRE_BANNER,
          minify: true,
          sourceMap: true,
          sourcesContent: false,
          // Ship the SDK versions pinned by package-lock.json rather than whatever the runtime has.
          bundleAwsSDK: true,
        },
      });
      // Tracing.ACTIVE adds xray:PutTraceSegments/PutTelemetryRecords; X-Ray has no resource-level permissions for them.
      acknowledge(role, iam5Resource('*'), 'X-Ray PutTraceSegments and PutTelemetryRecords (added by Tracing.ACTIVE) do not support resource-level permissions.');
      acknowledge(fn, 'AwsSolutions-L1', 'Pinned to nodejs22.x on purpose: the suite is built, tested and run locally on Node 22; the runtime moves together with that toolchain.');
      this.byModule[stage.module] = { stage, fn, role };
    }
  }

  get(module: string): StageFunction {
    const found = this.byModule[module];
    if (!found) throw new Error(`no stage function for module '${module}'`);
    return found;
  }

  all(): StageFunction[] {
    return Object.values(this.byModule);
  }
}
