/**
 * Replies as GitHub words them: errors (`{message, documentation_url, status}`), pages of a list with
 * the `Link` header, and the 422s GitHub answers for a comment body it does not accept.
 */
import type { Operation } from './openapi.ts';

/** What a handler answers; `send` in server.ts writes it. */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Answered by an injected fault. */
  injected?: boolean;
}

/** GitHub's limit on an issue comment body, in characters (code points). */
export const MAX_BODY_CHARS = 65536;

export function errorReply(status: number, message: string, docsUrl: string, extra: Record<string, unknown> = {}): Reply {
  return { status, body: { message, ...extra, documentation_url: docsUrl, status: String(status) } };
}

export function notFound(op: Operation): Reply {
  return errorReply(404, 'Not Found', op.docsUrl);
}

/**
 * One page of `items` (`per_page` default 30, at most 100), with a `Link` header whose URLs use
 * `/repositories/{id}{restPath}` like GitHub's.
 */
export function paginate<T>(items: T[], url: URL, baseUrl: string, repoId: number, restPath: string): Reply {
  const perPageRaw = Number(url.searchParams.get('per_page') ?? 30);
  const perPage = Number.isInteger(perPageRaw) && perPageRaw >= 1 ? Math.min(perPageRaw, 100) : 30;
  const pageRaw = Number(url.searchParams.get('page') ?? 1);
  const page = Number.isInteger(pageRaw) && pageRaw >= 1 ? pageRaw : 1;
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const body = items.slice((page - 1) * perPage, page * perPage);
  const headers: Record<string, string> = {};
  if (last > 1) {
    const link = (p: number, rel: string): string => {
      const q = new URLSearchParams(url.searchParams);
      q.set('page', String(p));
      return `<${baseUrl}/repositories/${repoId}${restPath}?${q.toString()}>; rel="${rel}"`;
    };
    const parts: string[] = [];
    if (page > 1) parts.push(link(Math.min(page - 1, last), 'prev'));
    if (page < last) parts.push(link(page + 1, 'next'), link(last, 'last'));
    if (page > 1) parts.push(link(1, 'first'));
    headers.link = parts.join(', ');
  }
  return { status: 200, body, headers };
}

/** Returns a 422 reply if the comment body is not acceptable to GitHub. */
export function checkCommentBody(op: Operation, body: string): Reply | undefined {
  if ([...body].length > MAX_BODY_CHARS) return bodyTooLong(op);
  if (body.trim() === '') {
    return {
      status: 422,
      body: {
        message: 'Validation Failed',
        errors: [{ resource: 'IssueComment', code: 'missing_field', field: 'body' }],
        documentation_url: op.docsUrl,
        status: '422',
      },
    };
  }
  return undefined;
}

function bodyTooLong(op: Operation): Reply {
  return {
    status: 422,
    body: {
      message: 'Validation Failed',
      errors: [
        {
          resource: 'IssueComment',
          code: 'custom',
          field: 'body',
          message: `body is too long (maximum is ${MAX_BODY_CHARS} characters)`,
        },
      ],
      documentation_url: op.docsUrl,
      status: '422',
    },
  };
}
