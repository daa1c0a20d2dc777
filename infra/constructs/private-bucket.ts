import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { EVIDENCE_PREFIXES } from '../../domain/evidence.ts';

export const ACCESS_LOG_DAYS = 90;

/** Evidence files: private, encrypted, TLS only, versioned; the browser uploads through presigned URLs. */
export class EvidenceBucket extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, allowedOrigins: string[]) {
    super(scope, id);
    // Who read or wrote which evidence file: kept apart, for audits.
    const accessLogs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      removalPolicy: RemovalPolicy.RETAIN,
      // Three months, as the API's access log: enough to answer "who read this file" in a review.
      lifecycleRules: [{ expiration: Duration.days(ACCESS_LOG_DAYS) }],
    });
    Validations.of(accessLogs).acknowledge({ id: 'AwsSolutions-S1', reason: 'This is the access-log bucket itself.' });
    this.bucket = new Bucket(this, 'Bucket', {
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'evidence/',
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      removalPolicy: RemovalPolicy.RETAIN,
      // The browser posts the signed upload form; downloads are plain links.
      cors: [{ allowedMethods: [HttpMethods.POST, HttpMethods.GET], allowedOrigins, allowedHeaders: ['*'], maxAge: 3000 }],
      lifecycleRules: [
        { abortIncompleteMultipartUploadAfter: Duration.days(1) },
        // Uploads are copied under checked/ (or refused) within minutes; what stays behind is a
        // file never confirmed or posted again after its check, and nobody is served it.
        { prefix: EVIDENCE_PREFIXES.uploads, expiration: Duration.days(2), noncurrentVersionExpiration: Duration.days(1) },
      ],
    });
  }
}
