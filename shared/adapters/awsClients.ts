/**
 * One place that builds AWS SDK clients. Endpoints come from the SDK's own
 * `AWS_ENDPOINT_URL_<SERVICE>` variables, so the handlers are the same code in AWS and on
 * the embedded stack; only s3rver needs path-style addressing and on-demand checksums.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';

let s3: S3Client | undefined;
let ddb: DynamoDBDocumentClient | undefined;

export function s3Client(): S3Client {
  if (!s3) {
    const local = process.env.CRACKDOWN_S3_PATH_STYLE === '1';
    s3 = new S3Client({
      ...(local ? { forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' } : {}),
    });
  }
  return s3;
}

export function documentClient(): DynamoDBDocumentClient {
  if (!ddb) {
    ddb = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
      marshallOptions: { removeUndefinedValues: true },
    });
  }
  return ddb;
}

/** Drops cached clients, for the embedded stack when it restarts on new ports. */
export function resetClients(): void {
  s3?.destroy();
  ddb?.destroy();
  s3 = undefined;
  ddb = undefined;
}
