import { App } from 'aws-cdk-lib';
import { RecognitionStack } from './stack.ts';

const app = new App();
const mailFrom = (app.node.tryGetContext('mailFrom') as string | undefined) ?? 'khong-tra-loi@example.org';

const account = process.env.CDK_DEFAULT_ACCOUNT;
const authDomainPrefix = (app.node.tryGetContext('authDomainPrefix') as string | undefined) ?? `doan-recognition-${account ?? 'dev'}`;

new RecognitionStack(app, 'DoanRecognition', {
  root: process.cwd(),
  mailFrom,
  authDomainPrefix,
  env: { account, region: process.env.CDK_DEFAULT_REGION ?? 'ap-southeast-1' },
  description: 'Youth Union unit recognition: forms, workflows, appraisal sampling and deadline reminders',
});
