import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  UserPoolEmail,
  Mfa,
  CfnUserPoolGroup,
  OAuthScope,
  StringAttribute,
  UserPool,
  UserPoolClientIdentityProvider,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import { Stack, Validations } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ROLE_LABELS } from '../../domain/roles.ts';
import { USER_POOL } from '../catalog/user-pool.ts';

export interface UserDirectoryProps {
  /** Where the web app receives the sign-in redirect. */
  callbackUrls: string[];
  /** Prefix of the hosted sign-in domain, unique in the region. */
  domainPrefix: string;
  /** The app's sender address, on a domain verified in SES: invitations and codes go through SES too. */
  mailFrom: string;
  /** Where the web app is, for the invitation. */
  appUrl: string;
  /** Cognito's deletion protection (prod). */
  deletionProtection: boolean;
}

/** The host of Cognito's hosted sign-in domain for a prefix; the CSP names it before the pool exists. */
export const cognitoDomainHost = (prefix: string, region: string) => `${prefix}.auth.${region}.amazoncognito.com`;

/**
 * Cognito proves who is at the keyboard; the app's directory (DynamoDB) says what they may do.
 * Decided before the pool first exists, because sign-in settings cannot change afterwards:
 * - the username is the directory user id (`cognito:username` in tokens; e-mail is an alias to
 *   sign in with). `sub` is a UUID Cognito makes and the app never uses it as an id;
 * - one group per role (→ "cognito:groups") and the unit as "custom:unitId", both set by
 *   administrators only: the web client may write no attribute but `locale`, so no user can
 *   move themselves with UpdateUserAttributes; and the API takes unit and roles from the
 *   directory anyway, refusing a token whose unit disagrees.
 * Users are created by administrators (bulk import), never by self sign-up.
 */
export class UserDirectory extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  /** Host of the hosted sign-in page, e.g. doan-123.auth.ap-southeast-1.amazoncognito.com. */
  readonly authDomain: string;

  constructor(scope: Construct, id: string, props: UserDirectoryProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'Pool', {
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      signInCaseSensitive: false,
      standardAttributes: { email: { required: true, mutable: true }, fullname: { required: true, mutable: true } },
      customAttributes: { unitId: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }) },
      passwordPolicy: { minLength: 10, requireLowercase: true, requireUppercase: true, requireDigits: true, requireSymbols: true },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Through SES from the app's own domain: Cognito's built-in sender stops at 50 e-mails a day,
      // far fewer than the accounts a province creates at the start of a year.
      email: UserPoolEmail.withSES({
        fromEmail: props.mailFrom.replace(/^.*</, '').replace(/>$/, ''),
        fromName: 'Hệ thống công nhận Chi đoàn đạt chuẩn',
        sesVerifiedDomain: props.mailFrom.replace(/^.*@/, '').replace(/>$/, ''),
      }),
      userInvitation: { emailSubject: USER_POOL.invitation.subject, emailBody: USER_POOL.invitation.body(props.appUrl) },
      removalPolicy: RemovalPolicy.RETAIN,
      deletionProtection: props.deletionProtection,
    });
    Validations.of(this.userPool).acknowledge(
      {
        id: 'AwsSolutions-COG2',
        reason: 'MFA is offered (TOTP) but not forced: commune secretaries sign in on shared or basic phones; admins can require it per user.',
      },
      { id: 'AwsSolutions-COG8', reason: 'Threat protection needs the Plus plan; to be decided with the client on cost.' },
    );
    for (const role of USER_POOL.groups) {
      new CfnUserPoolGroup(this, `Group-${role}`, {
        userPoolId: this.userPool.userPoolId,
        groupName: role,
        description: ROLE_LABELS[role],
      });
    }
    this.client = this.userPool.addClient('WebClient', {
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: props.callbackUrls,
        logoutUrls: props.callbackUrls,
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      // An empty list would mean "every attribute" to Cognito: name the one harmless attribute.
      writeAttributes: new ClientAttributes().withStandardAttributes(Object.fromEntries(USER_POOL.clientWriteAttributes.map((name) => [name, true]))),
      idTokenValidity: Duration.hours(8),
      preventUserExistenceErrors: true,
    });
    const domain = this.userPool.addDomain('Domain', { cognitoDomain: { domainPrefix: props.domainPrefix } });
    this.authDomain = cognitoDomainHost(domain.domainName, Stack.of(this).region);
  }
}
