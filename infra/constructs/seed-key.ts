import { ArnPrincipal, PolicyDocument, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IRole } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type { StageSettings } from '../stage.ts';

/** What the account's administrators may do with the key: manage it, never use it. */
const ADMINISTER = [
  'kms:Create*',
  'kms:Describe*',
  'kms:Enable*',
  'kms:List*',
  'kms:Put*',
  'kms:Update*',
  'kms:Revoke*',
  'kms:Disable*',
  'kms:Get*',
  'kms:Delete*',
  'kms:TagResource',
  'kms:UntagResource',
  'kms:ScheduleKeyDeletion',
  'kms:CancelKeyDeletion',
];

/**
 * The key that seals each appraisal draw's secret seed. Its policy is the whole of who may use it
 * (no IAM policy can add anyone): the function opening intake may encrypt, the draw's function
 * may decrypt, and only with the draw's encryption context; the account may administer it but
 * neither encrypt nor decrypt, so no other function, operator or backup reader learns a seed
 * before the draw reveals it.
 */
export class SeedKey extends Construct {
  readonly key: Key;

  constructor(scope: Construct, id: string, props: { sealer: IRole; opener: IRole; stage: StageSettings }) {
    super(scope, id);
    const purpose = { StringEquals: { 'kms:EncryptionContext:purpose': 'appraisal-draw-seed' } };
    this.key = new Key(this, 'Key', {
      description: 'Seals appraisal draw seeds: encrypt by manageDraw, decrypt by drawSample only',
      enableKeyRotation: true,
      removalPolicy: props.stage.removalPolicy,
      policy: new PolicyDocument({
        statements: [
          new PolicyStatement({ sid: 'Administer', principals: [new ArnPrincipal(Stack.of(this).formatArn({ service: 'iam', region: '', resource: 'root' }))], actions: ADMINISTER, resources: ['*'] }),
          new PolicyStatement({ sid: 'SealSeeds', principals: [props.sealer], actions: ['kms:Encrypt'], resources: ['*'], conditions: purpose }),
          new PolicyStatement({ sid: 'OpenSeeds', principals: [props.opener], actions: ['kms:Decrypt'], resources: ['*'], conditions: purpose }),
        ],
      }),
    });
  }
}
