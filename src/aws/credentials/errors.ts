/** What went wrong while getting credentials, as sentences that name the fix. Pure. */

export const NO_CREDENTIALS_MESSAGE =
  'No AWS credentials found. Provide them in one of these ways: ' +
  '(1) run aws-actions/configure-aws-credentials in an earlier step; ' +
  '(2) set the `role-to-assume` input and give the job `permissions: id-token: write`, so this action ' +
  "assumes the role with GitHub's OIDC token; " +
  '(3) for S3-compatible stores, set the AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY environment ' +
  'variables from repository secrets.';

export interface StsErrorContext {
  roleToAssume: string;
  audience: string;
  repository?: string;
  endpoint?: string;
  region: string;
}

/** Turn an STS AssumeRoleWithWebIdentity failure into a sentence that names the fix. */
export function explainStsError(err: unknown, ctx: StsErrorContext): string {
  const e = (err ?? {}) as { name?: string; code?: string; message?: string };
  const name = String(e.name ?? '').replace(/Exception$/, '');
  const code = String(e.code ?? '');
  const message = String(e.message ?? err);
  const sub = `repo:${ctx.repository ?? 'OWNER/REPO'}:*`;
  const where = ctx.endpoint ? `STS endpoint ${ctx.endpoint}` : `STS in region ${ctx.region}`;
  const prefix = `Could not assume ${ctx.roleToAssume} with GitHub's OIDC token`;

  if (name === 'AccessDenied' || /not authorized to perform/i.test(message)) {
    return (
      `${prefix}: access denied (${message}). Check the role's trust policy: it must allow ` +
      '`sts:AssumeRoleWithWebIdentity` for the federated principal ' +
      '`arn:aws:iam::<ACCOUNT>:oidc-provider/token.actions.githubusercontent.com`, with ' +
      `\`token.actions.githubusercontent.com:aud\` = "${ctx.audience}" and ` +
      `\`token.actions.githubusercontent.com:sub\` matching "${sub}" (StringLike).`
    );
  }
  if (name === 'InvalidIdentityToken') {
    if (/no openid ?connect provider/i.test(message)) {
      return (
        `${prefix}: the AWS account has no OIDC identity provider for GitHub (${message}). ` +
        'Create one in IAM: provider URL https://token.actions.githubusercontent.com, ' +
        `audience ${ctx.audience}.`
      );
    }
    if (/audience/i.test(message)) {
      return (
        `${prefix}: the token's audience "${ctx.audience}" is not accepted (${message}). Make the ` +
        "`audience` input match an audience (client ID) of the account's " +
        'token.actions.githubusercontent.com identity provider (normally sts.amazonaws.com).'
      );
    }
    return `${prefix}: STS rejected the token (${message}). Check the role's OIDC identity provider.`;
  }
  if (name === 'ExpiredToken') {
    return `${prefix}: the OIDC token expired before STS saw it (${message}). Re-run the job.`;
  }
  if (name === 'IDPCommunicationError') {
    return `${prefix}: STS could not reach GitHub's OIDC provider (${message}). This is usually transient: re-run the job.`;
  }
  if (name === 'IDPRejectedClaim') {
    return `${prefix}: the identity provider rejected the claim (${message}). Check the role's trust policy conditions.`;
  }
  if (name === 'RegionDisabled') {
    return (
      `${prefix}: STS is not activated in region ${ctx.region} (${message}). Activate it in IAM ` +
      'account settings, or use another region.'
    );
  }
  if (name === 'ValidationError' && /arn/i.test(message)) {
    return `${prefix}: ${message}. \`role-to-assume\` must be a full role ARN, e.g. arn:aws:iam::123456789012:role/my-role.`;
  }
  if (name === 'ValidationError' && /DurationSeconds|MaxSessionDuration/i.test(message)) {
    return (
      `${prefix}: STS refused the session duration (${message}). Request shorter links, or raise the ` +
      "role's maximum session duration (IAM → Roles → the role → Maximum session duration)."
    );
  }
  if (/^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET)$/.test(code) || name === 'TimeoutError') {
    return (
      `${prefix}: could not reach ${where} (${code || name}: ${message}). Check the region and ` +
      'AWS_ENDPOINT_URL_STS, and that the runner can reach STS.'
    );
  }
  return `${prefix}: ${name || 'error'}: ${message}`;
}
