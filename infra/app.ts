import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { RecognitionStack } from './stack.ts';

const app = new App();
// AWS Solutions checks on every synth and deploy; each acknowledged finding says why, beside its cause.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
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
