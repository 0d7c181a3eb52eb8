/**
 * The HTTP server and the `GitHubFake` handle. Each request goes through one pipeline:
 * route (OpenAPI path templates; `/repositories/{id}/…` pagination links too) → latency →
 * request check → injected fault → authentication → GitHub's own rejections (bad body, read-only
 * token) → the operation's handler → response check → send, with GitHub's rate-limit headers.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { faultReply, takeFault } from './faults.ts';
import { handlers } from './handlers/index.ts';
import { renderStatus } from './handlers/statuses.ts';
import { loadSpec, type Operation } from './openapi.ts';
import { renderComment } from './render-users.ts';
import { errorReply, type Reply } from './replies.ts';
import { ACTIONS_BOT, actorFor, FakeState } from './state.ts';
import type { FakeOptions, GitHubFake, InjectedFault, RecordedRequest } from './types.ts';
import { createValidator } from './validate.ts';

export async function startGitHubFake(opts: FakeOptions = {}): Promise<GitHubFake> {
  const spec = loadSpec();
  const state = new FakeState(opts);
  const faults: InjectedFault[] = [];
  const violations: string[] = [];
  const requests: RecordedRequest[] = [];
  const violation = (text: string): void => {
    violations.push(text);
  };
  const { matchRoute, checkRequest, checkResponse } = createValidator(spec, violation);
  let rateRemaining = 5000;
  const rateReset = Math.floor(Date.now() / 1000) + 3600;

  function send(res: ServerResponse, reply: Reply): void {
    rateRemaining = Math.max(1, rateRemaining - 1);
    const headers: Record<string, string> = {
      'x-github-api-version-selected': '2022-11-28',
      'x-github-media-type': 'github.v3; format=json',
      'x-github-request-id': `FAKE:${requests.length.toString(16).toUpperCase()}`,
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': String(rateRemaining),
      'x-ratelimit-reset': String(rateReset),
      'x-ratelimit-used': String(5000 - rateRemaining),
      'x-ratelimit-resource': 'core',
      ...reply.headers,
    };
    if (reply.body === undefined) {
      res.writeHead(reply.status, headers);
      res.end();
      return;
    }
    const text = JSON.stringify(reply.body);
    res.writeHead(reply.status, {
      ...headers,
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(text)),
    });
    res.end(text);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', state.baseUrl);
    const label = `${method} ${url.pathname}${url.search}`;
    const record: RecordedRequest = { method, path: url.pathname, query: url.search.replace(/^\?/, ''), status: 0 };
    const finish = (reply: Reply, op?: Operation): void => {
      if (op) checkResponse(op, reply, label);
      record.status = reply.status;
      if (reply.injected) record.injected = true;
      requests.push(record);
      send(res, reply);
    };

    const text = await readBody(req);
    // Pagination links use /repositories/{id}/…: route them as the /repos/{owner}/{repo}/… they stand for.
    let routedPath = url.pathname;
    const byId = /^\/repositories\/(\d+)(\/.*)?$/.exec(routedPath);
    if (byId) {
      const repo = state.repoById(Number(byId[1]));
      if (repo) routedPath = `/repos/${repo.owner}/${repo.name}${byId[2] ?? ''}`;
    }
    const route = matchRoute(method, routedPath);
    if (!route) {
      violation(`unhandled route: ${method} ${url.pathname}`);
      finish({ status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' } });
      return;
    }
    const { op } = route;
    record.operationId = op.operationId;

    const latency = typeof fake.latencyMs === 'function' ? fake.latencyMs({ method, path: url.pathname }) : fake.latencyMs;
    if (latency > 0) await new Promise((r) => setTimeout(r, latency));

    const checked = checkRequest(op, route.raw, url, text, String(req.headers['content-type'] ?? ''), label);
    fake.beforeHandle?.({ method, path: url.pathname, operationId: op.operationId });

    const fault = takeFault(faults, method, url.pathname, op);
    if (fault && fault.when !== 'after') return finish(faultReply(fault, op), op);
    // A fault `after` the handler: the request takes effect, then its answer is the fault.
    const answer = (reply: Reply) => finish(fault ? faultReply(fault, op) : reply, op);

    const actor = state.authenticate(req.headers.authorization);
    if (actor === 'missing') return answer(errorReply(401, 'Requires authentication', op.docsUrl));
    if (actor === 'bad') return answer(errorReply(401, 'Bad credentials', 'https://docs.github.com/rest'));
    record.login = actor.login;
    if (checked.reject) return answer(checked.reject);
    if (fake.readOnly && method !== 'GET' && method !== 'HEAD') {
      return answer(errorReply(403, 'Resource not accessible by integration', op.docsUrl));
    }
    const handler = handlers[op.operationId];
    if (!handler) {
      violation(`${label}: the fake has no handler for ${op.operationId}`);
      return finish({ status: 500, body: { message: 'Server Error' } }, op);
    }
    return answer(handler({ state, op, params: checked.params, url, body: checked.body, actor }));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      violation(`fake crashed on ${req.method} ${req.url}: ${e instanceof Error ? e.stack : String(e)}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: 'Server Error' }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  state.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const fake: GitHubFake = {
    url: state.baseUrl,
    violations,
    requests,
    readOnly: false,
    latencyMs: opts.latencyMs ?? 0,
    beforeHandle: undefined,
    removeComment(id) {
      state.comments.delete(id);
    },
    addToken(token, config) {
      state.tokens.set(token, config);
    },
    addRepo(owner, repo, ro = {}) {
      state.addRepo(owner, repo, ro);
    },
    addIssue(owner, repo, number) {
      state.addIssue(owner, repo, number);
    },
    addPull(owner, repo, pull) {
      state.addPull(owner, repo, pull);
    },
    setCommitPulls(owner, repo, sha, numbers) {
      state.ensureRepo(owner, repo).commitPulls.set(sha, [...numbers]);
    },
    seedComment(owner, repo, issue, body, author) {
      const repoState = state.addIssue(owner, repo, issue);
      const actor = !author || author.login === ACTIONS_BOT.login ? ACTIONS_BOT : actorFor(author);
      return renderComment(state, state.addComment(repoState, issue, body, actor));
    },
    statusesOf(owner, repo, sha) {
      const r = state.findRepo(owner, repo);
      return r ? (r.statuses.get(sha) ?? []).map((s) => renderStatus(state, r, s)) : [];
    },
    commentsOn(owner, repo, issue) {
      return state.commentsOn(state.findRepo(owner, repo), issue).map((c) => renderComment(state, c));
    },
    inject(fault) {
      if (fault.status === undefined && fault.kind === undefined) throw new Error('inject: give status or kind');
      const injected: InjectedFault = { ...fault, hits: 0 };
      faults.push(injected);
      return injected;
    },
    clearFaults() {
      faults.length = 0;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
