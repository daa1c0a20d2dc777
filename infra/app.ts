import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { recognitionStacks } from './stacks.ts';
import { targetEnvironment } from './target.ts';
import { stageOf } from './stage.ts';

const app = new App();
// AWS Solutions and Serverless checks on every synth and deploy; each acknowledged finding says why, beside its cause.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
const mailFrom = (app.node.tryGetContext('mailFrom') as string | undefined) ?? 'khong-tra-loi@example.org';

const env = targetEnvironment(app);
const authDomainPrefix = (app.node.tryGetContext('authDomainPrefix') as string | undefined) ?? `doan-recognition-${env.account ?? 'dev'}`;

// `-c stage=dev|prod`: names, log retention, removal and deletion protection, alarm recipients.
const stage = stageOf(app);
recognitionStacks(app, {
  stage,
  root: process.cwd(),
  mailFrom,
  authDomainPrefix,
  env,
  description: 'Youth Union unit recognition: forms, workflows, appraisal sampling and deadline reminders',
});
