import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

export interface EnforcementSinkProps {
  key: IKey;
}

/**
 * Where enforcement actions and account notifications leave the suite: an SNS topic the
 * platform subscribes to. The notify stage publishes the outbox to it.
 */
export class EnforcementSink extends Construct {
  readonly topic: Topic;

  constructor(scope: Construct, id: string, props: EnforcementSinkProps) {
    super(scope, id);
    this.topic = new Topic(this, 'Topic', {
      displayName: 'Crackdown enforcement and notification sink',
      masterKey: props.key,
      enforceSSL: true,
    });
  }
}
