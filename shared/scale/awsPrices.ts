/**
 * Unit prices the cost model assumes: AWS us-east-1 list prices (on-demand, no free tier, no savings plans) as
 * known in late 2026. They are assumptions, not looked up at run time: change them here when the price list does.
 */
export const AWS_PRICES = {
  /** Lambda (x86): per GB-second of configured memory, and per million requests. */
  lambdaPerGbSecond: 0.0000166667,
  lambdaPerMillionRequests: 0.2,
  /** The memory at which a Lambda function gets one full vCPU (CPU share grows linearly with memory up to it). */
  lambdaMbPerVcpu: 1769,
  /** S3 Standard: PUT/COPY/POST/LIST per thousand, GET per thousand, storage per GB-month. */
  s3PutPerThousand: 0.005,
  s3GetPerThousand: 0.0004,
  s3PerGbMonth: 0.023,
  /** DynamoDB on-demand: per million write request units and read request units (a transactional write costs 2 per KB). */
  dynamoPerMillionWrites: 0.625,
  dynamoPerMillionReads: 0.125,
  /** Step Functions Standard: per thousand state transitions (Distributed Map child executions are Standard here). */
  stepFunctionsPerThousandTransitions: 0.025,
  /** EventBridge Scheduler: per million schedule invocations (API calls that create schedules are not charged). */
  schedulerPerMillionInvocations: 1.0,
  /** SNS standard topic: per million publishes. */
  snsPerMillionPublishes: 0.5,
} as const;

export type AwsPrices = { [K in keyof typeof AWS_PRICES]: number };
