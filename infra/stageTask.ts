import { Duration, Stack } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { IntegrationPattern, JitterType, JsonPath, LogLevel, TaskInput, Timeout, type LogOptions } from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { Construct } from 'constructs';

/** Errors of the Lambda service itself (not of the handler) that are safe to retry. */
export const LAMBDA_TRANSIENT_ERRORS = [
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.TooManyRequestsException',
  'Lambda.ClientExecutionTimeoutException',
];

/**
 * Transient errors a handler rethrows from DynamoDB or S3 (throttling, conflicts, timeouts).
 * Every stage is idempotent, so retrying the whole Task is safe.
 */
export const DATA_STORE_TRANSIENT_ERRORS = [
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'TransactionConflictException',
  'InternalServerError',
  'ServiceUnavailable',
  'SlowDown',
  'TimeoutError',
];

/** Retries the Lambda service's own transient errors, with backoff and full jitter. */
function retryLambdaTransients(task: LambdaInvoke): void {
  task.addRetry({
    errors: LAMBDA_TRANSIENT_ERRORS,
    interval: Duration.seconds(2),
    maxAttempts: 6,
    backoffRate: 2,
    maxDelay: Duration.seconds(60),
    jitterStrategy: JitterType.FULL,
  });
}

export interface StageTaskProps {
  /** Where the handler's return value goes; omitted means it replaces the state's input. */
  resultPath?: string;
}

/**
 * A Task state that invokes a stage handler with `payloadResponseOnly`: the Resource is the
 * function ARN itself, the input is passed as the event, and the state output is exactly the
 * handler's return value (in AWS and in the embedded stack alike).
 */
export function stageTask(scope: Construct, state: string, fn: IFunction, props: StageTaskProps = {}): LambdaInvoke {
  const task = new LambdaInvoke(scope, state, {
    stateName: state,
    lambdaFunction: fn,
    payloadResponseOnly: true,
    retryOnServiceExceptions: false,
    resultPath: props.resultPath,
  });
  retryLambdaTransients(task);
  task.addRetry({
    errors: DATA_STORE_TRANSIENT_ERRORS,
    interval: Duration.seconds(5),
    maxAttempts: 5,
    backoffRate: 2,
    maxDelay: Duration.seconds(120),
    jitterStrategy: JitterType.FULL,
  });
  return task;
}

export interface CallbackStageTaskProps {
  resultPath: string;
  /** Reference path to the task's timeout in seconds (TimeoutSecondsPath). */
  timeoutSecondsPath: string;
}

/**
 * A `.waitForTaskToken` Task: invokes the handler with `{ sweepId, taskToken }` and waits until
 * someone completes the token (SendTaskSuccess / SendTaskFailure) or the timeout passes
 * (States.Timeout). The state output at `resultPath` is the output sent with the token.
 */
export function callbackStageTask(scope: Construct, state: string, fn: IFunction, props: CallbackStageTaskProps): LambdaInvoke {
  const task = new LambdaInvoke(scope, state, {
    stateName: state,
    lambdaFunction: fn,
    integrationPattern: IntegrationPattern.WAIT_FOR_TASK_TOKEN,
    payload: TaskInput.fromObject({ sweepId: JsonPath.stringAt('$.sweepId'), taskToken: JsonPath.taskToken }),
    retryOnServiceExceptions: false,
    resultPath: props.resultPath,
    taskTimeout: Timeout.at(props.timeoutSecondsPath),
  });
  retryLambdaTransients(task);
  return task;
}

/**
 * Execution logging for a state machine: errors only, and never the execution data (inputs and
 * outputs name accounts and evidence, which must not land in CloudWatch Logs).
 */
export function stateMachineLogs(scope: Construct, id: string, name: string, retention?: RetentionDays): LogOptions {
  const destination = new LogGroup(scope, id, {
    // The vendedlogs prefix keeps CloudWatch Logs resource policies small for Step Functions.
    logGroupName: `/aws/vendedlogs/states/${Stack.of(scope).stackName}-${name}`,
    retention: retention ?? RetentionDays.THREE_MONTHS,
  });
  return { destination, level: LogLevel.ERROR, includeExecutionData: false };
}
