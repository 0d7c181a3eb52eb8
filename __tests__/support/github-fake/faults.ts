/**
 * Injected faults: the first fault that matches a request (method, path, operationId) and has not
 * been used `times` times answers it instead of the handler, as GitHub would when rate-limited or down.
 */
import { STATUS_CODES } from 'node:http';
import type { Operation } from './openapi.ts';
import type { Reply } from './replies.ts';
import type { InjectedFault } from './types.ts';

/** The fault that answers this request, counted as hit; undefined if none matches. */
export function takeFault(faults: InjectedFault[], method: string, path: string, op: Operation): InjectedFault | undefined {
  const fault = faults.find(
    (f) =>
      f.hits < (f.times ?? 1) &&
      (!f.method || f.method.toUpperCase() === method) &&
      (!f.operationId || f.operationId === op.operationId) &&
      (f.path === undefined || (typeof f.path === 'string' ? f.path === path : f.path.test(path))) &&
      (!f.pick || f.pick()),
  );
  if (fault) fault.hits += 1;
  return fault;
}

/** The reply a fault stands for: GitHub's rate-limit answers, or `status` with a GitHub-like error body. */
export function faultReply(fault: InjectedFault, op: Operation): Reply {
  if (fault.kind === 'secondary-rate-limit') {
    return {
      status: fault.status ?? 403,
      headers: { 'retry-after': String(fault.retryAfter ?? 1), ...fault.headers },
      body: fault.body ?? {
        message:
          'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. ' +
          'If you reach out to GitHub Support for help, please include the request ID 0000:0000:0000000:0000000:00000000.',
        documentation_url:
          'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
        status: String(fault.status ?? 403),
      },
      injected: true,
    };
  }
  if (fault.kind === 'rate-limit') {
    return {
      status: fault.status ?? 403,
      headers: {
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + (fault.retryAfter ?? 1)),
        ...fault.headers,
      },
      body: fault.body ?? {
        message: 'API rate limit exceeded for installation ID 1.',
        documentation_url:
          'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-the-rate-limit-for-the-github-rest-api',
        status: String(fault.status ?? 403),
      },
      injected: true,
    };
  }
  const status = fault.status ?? 500;
  return {
    status,
    headers: fault.headers,
    body:
      fault.body ??
      (status === 204 ? undefined : { message: STATUS_CODES[status] ?? 'Error', documentation_url: op.docsUrl, status: String(status) }),
    injected: true,
  };
}
