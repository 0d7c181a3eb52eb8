/** Input and output names, exactly as in action.yml. */
export const Input = {
  Mode: 'mode',
  Path: 'path',
  Bucket: 'bucket',
  Region: 'region',
  Endpoint: 'endpoint',
  ForcePathStyle: 'force-path-style',
  KeyPrefix: 'key-prefix',
  ExpiresIn: 'expires-in',
  ContentDisposition: 'content-disposition',
  Concurrency: 'concurrency',
  Browse: 'browse',
  TrustForkContent: 'trust-fork-content',
  IfNoFilesFound: 'if-no-files-found',
  GithubToken: 'github-token',
  Comment: 'comment',
  PrNumber: 'pr-number',
  CommentKey: 'comment-key',
  Section: 'section',
  Matrix: 'matrix',
  FailOnCommentError: 'fail-on-comment-error',
  PublicRepo: 'public-repo',
  RoleToAssume: 'role-to-assume',
  RoleSessionDuration: 'role-session-duration',
  RoleSessionName: 'role-session-name',
  Audience: 'audience',
  CredentialsExpireAt: 'credentials-expire-at',
  SigningAccessKeyId: 'signing-access-key-id',
  SigningSecretAccessKey: 'signing-secret-access-key',
  CloudFrontUrl: 'cloudfront-url',
  CloudFrontKeyPairId: 'cloudfront-key-pair-id',
  CloudFrontPrivateKey: 'cloudfront-private-key',
} as const;

/** The default of the `audience` input: the OIDC token's audience that AWS STS expects. */
export const DEFAULT_AUDIENCE = 'sts.amazonaws.com';

export const Output = {
  Manifest: 'manifest',
  ManifestFile: 'manifest-file',
  ExpiresAt: 'expires-at',
  Count: 'count',
  TotalBytes: 'total-bytes',
  Sites: 'sites',
  ShareUrl: 'share-url',
  CommentId: 'comment-id',
  CommentUrl: 'comment-url',
} as const;
