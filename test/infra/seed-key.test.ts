import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../infra/catalog/functions.ts';
import { recognitionStacks } from '../../infra/stacks.ts';
import { stageSettings } from '../../infra/stage.ts';

let template: Template;
type Resource = { Properties: Record<string, unknown> };
type Statement = { Sid?: string; Principal: { AWS: unknown }; Action: string | string[]; Condition?: unknown };

beforeAll(() => {
  // Prepare
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const { main } = recognitionStacks(app, { stage: stageSettings('prod'), root: process.cwd(), mailFrom: 'khong-tra-loi@doan.example', authDomainPrefix: 'doan-prod', env: { account: '123456789012', region: 'ap-southeast-1' } });
  template = Template.fromStack(main);
});

/** The logical id of the execution role of the catalogued function with this id. */
function roleOf(functionId: string): string {
  const description = FUNCTIONS.find((fn) => fn.id === functionId)!.description;
  const [fn] = Object.values(template.findResources('AWS::Lambda::Function', { Properties: { Description: description } })) as Resource[];
  return (fn!.Properties.Role as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0]!;
}

describe("the draw seed's key", () => {
  it('lets only the intake function encrypt and only the draw function decrypt, each for draw seeds; the account administers, never reads', () => {
    // Act
    const [key] = Object.values(template.findResources('AWS::KMS::Key')) as Resource[];
    const statements = (key!.Properties.KeyPolicy as { Statement: Statement[] }).Statement;
    const using = (action: string) => statements.filter((statement) => [statement.Action].flat().some((granted) => granted === action || granted === 'kms:*'));

    // Assess
    expect(key!.Properties.EnableKeyRotation).toBe(true);
    expect(using('kms:Encrypt').map((statement) => JSON.stringify(statement.Principal.AWS))).toEqual([expect.stringContaining(roleOf('manageDraw'))]);
    expect(using('kms:Decrypt').map((statement) => JSON.stringify(statement.Principal.AWS))).toEqual([expect.stringContaining(roleOf('drawSample'))]);
    for (const statement of [...using('kms:Encrypt'), ...using('kms:Decrypt')]) expect(statement.Condition).toEqual({ StringEquals: { 'kms:EncryptionContext:purpose': 'appraisal-draw-seed' } });
    const administer = statements.find((statement) => statement.Sid === 'Administer')!;
    expect([administer.Action].flat().filter((action) => /Encrypt|Decrypt|GenerateDataKey|\*$/.test(action) && !/^kms:\w+\*$/.test(action))).toEqual([]);
    expect([administer.Action].flat()).not.toContain('kms:*');
  });

  it('is named to those two functions only, and no IAM policy in the stack grants a KMS use', () => {
    // Act
    const withKey = (Object.values(template.findResources('AWS::Lambda::Function')) as Resource[])
      .filter((fn) => JSON.stringify(fn.Properties.Environment ?? {}).includes('DRAW_SEED_KEY_ID'))
      .map((fn) => FUNCTIONS.find((candidate) => candidate.description === fn.Properties.Description)?.id);
    const kmsInPolicies = JSON.stringify(template.findResources('AWS::IAM::Policy')).match(/"kms:(Encrypt|Decrypt|ReEncrypt\*?|GenerateDataKey\*?)"/g);

    // Assess
    expect(withKey.sort()).toEqual(['drawSample', 'manageDraw']);
    expect(kmsInPolicies).toBeNull();
  });
});
