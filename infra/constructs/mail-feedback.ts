import { Duration, Validations } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { ConfigurationSet, EmailSendingEvent, EventDestination } from 'aws-cdk-lib/aws-ses';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface MailFeedbackProps {
  /** The function that keeps suppressed addresses (recordMailFeedback). */
  recorder: IFunction;
}

/**
 * Every e-mail goes through one SES configuration set whose bounce and complaint events reach
 * the app: SES → SNS → recordMailFeedback, which stops mailing the address and lists it for the
 * admin. Deliveries SNS could not hand over wait 14 days in a dead-letter queue.
 */
export class MailFeedback extends Construct {
  readonly configurationSet: ConfigurationSet;

  constructor(scope: Construct, id: string, props: MailFeedbackProps) {
    super(scope, id);
    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {});
    const topic = new Topic(this, 'Events', { displayName: 'SES bounces and complaints', enforceSSL: true });
    this.configurationSet.addEventDestination('ToApp', {
      destination: EventDestination.snsTopic(topic),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
    });
    const undelivered = new Queue(this, 'Undelivered', { retentionPeriod: Duration.days(14), enforceSSL: true, encryption: QueueEncryption.SQS_MANAGED });
    Validations.of(undelivered).acknowledge(
      { id: 'AwsSolutions-SQS3', reason: 'This queue is itself the dead-letter queue of the bounce subscription.' },
      { id: 'Serverless-SQSRedrivePolicy', reason: 'This queue is itself the dead-letter queue of the bounce subscription.' },
    );
    topic.addSubscription(new LambdaSubscription(props.recorder, { deadLetterQueue: undelivered }));
  }
}
