/**
 * The repository's rules for workflow files, beyond what actionlint checks. Pure: text in, findings out.
 *
 * - Least privilege: every job declares its own `permissions:` (a block of `scope: read|write|none`,
 *   or `{}`); a workflow-level `permissions:` may only be `{}`, so no job inherits rights it was not
 *   given by name; `read-all` / `write-all` are refused; every `write` grant carries a `#` comment
 *   saying what it is for.
 * - Pinning: every `uses:` of another repository is pinned to a full 40-hex commit SHA with a version
 *   comment (`owner/repo@<sha> # v1.2.3`, the form Dependabot keeps up to date); `./` (this
 *   checkout) is fine; `docker://` images must be pinned by `@sha256:` digest. `allowUses` lets a
 *   caller accept named exceptions (the examples show this action itself as `@v1`).
 *
 * It reads the block-style YAML these files use (no flow mappings beyond `{}`); block scalars
 * (`run: |`) are skipped, so a script that mentions `uses:` is not mistaken for a step.
 */

const SHA_PIN = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+(?:\/[^@\s]*)?@[0-9a-f]{40}$/;
const DOCKER_PIN = /^docker:\/\/[^@\s]+@sha256:[0-9a-f]{64}$/;
const VERSION_COMMENT = /^v\d+(?:\.\d+){0,2}\b/;
const KEY = /^( *)(?:- )?([A-Za-z0-9_.-]+):(?:[ \t]+(.*))?$/;

/**
 * @typedef {{ line: number, message: string }} Finding
 * @typedef {{ allowUses?: (ref: string) => boolean }} PolicyOptions
 */

/** Lines without block-scalar bodies: [{ n (1-based), indent, key, value, comment, dash }]. */
function entries(text) {
  const lines = text.split('\n');
  const out = [];
  let scalarIndent = -1;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    if (raw.trim() === '') continue;
    const indent = raw.length - raw.trimStart().length;
    if (scalarIndent >= 0) {
      if (indent > scalarIndent) continue;
      scalarIndent = -1;
    }
    if (raw.trimStart().startsWith('#')) continue;
    const m = KEY.exec(raw);
    if (!m) continue;
    const dash = raw.trimStart().startsWith('- ');
    const keyIndent = m[1].length + (dash ? 2 : 0);
    const rest = m[3] ?? '';
    const hash = /(?:^|\s)#(.*)$/.exec(rest);
    const value = (hash ? rest.slice(0, hash.index) : rest).trim().replace(/^(['"])(.*)\1$/, '$2');
    out.push({ n: i + 1, indent: keyIndent, key: m[2], value, comment: hash ? hash[1].trim() : '', dash });
    if (/^[|>][+-]?\d*$/.test(value)) scalarIndent = m[1].length;
  }
  return out;
}

/** The entries nested under entries[at] (deeper indent, until the indent returns). */
function childrenOf(list, at) {
  const kids = [];
  for (let j = at + 1; j < list.length && list[j].indent > list[at].indent; j++) kids.push(list[j]);
  return kids;
}

/** Findings for one `permissions:` entry (`where`: 'job "x"' or 'workflow'). */
function checkPermissions(list, at, where) {
  const p = list[at];
  const findings = [];
  if (p.value === '{}') return findings;
  if (p.value !== '') {
    findings.push({ line: p.n, message: `${where}: permissions: ${p.value} grants more than one job needs; list the scopes it uses (e.g. contents: read), or {} for none.` });
    return findings;
  }
  const scopes = childrenOf(list, at);
  if (scopes.length === 0) findings.push({ line: p.n, message: `${where}: permissions: is empty; write {} for no rights.` });
  const col = Math.min(...scopes.map((s) => s.indent));
  for (const s of scopes.filter((x) => x.indent === col)) {
    if (!['read', 'write', 'none'].includes(s.value)) {
      findings.push({ line: s.n, message: `${where}: permission ${s.key}: ${s.value || '(empty)'} must be read, write or none.` });
    } else if (s.value === 'write' && s.comment === '') {
      findings.push({ line: s.n, message: `${where}: ${s.key}: write needs a comment saying what it is for (e.g. "${s.key}: write # post the PR comment").` });
    }
  }
  return findings;
}

/** Findings for one `uses:` value. */
function checkUses(e, options) {
  const ref = e.value;
  if (ref.startsWith('./')) return [];
  if (options.allowUses?.(ref)) return [];
  if (ref.startsWith('docker://')) {
    return DOCKER_PIN.test(ref) ? [] : [{ line: e.n, message: `uses: ${ref} must pin the image by digest (docker://image@sha256:<64 hex>).` }];
  }
  if (!SHA_PIN.test(ref)) {
    const name = ref.split('@')[0];
    return [{ line: e.n, message: `uses: ${ref} must be pinned to a full commit SHA: ${name}@<40-hex sha> # <version>. A tag or branch can be moved to other code.` }];
  }
  if (!VERSION_COMMENT.test(e.comment)) {
    return [{ line: e.n, message: `uses: ${ref} needs a version comment after the SHA (e.g. "# v4.2.2") so readers and Dependabot know which release it is.` }];
  }
  return [];
}

/**
 * Every finding of the permission and pinning rules in one workflow file.
 * @param {string} text
 * @param {PolicyOptions} [options]
 * @returns {Finding[]}
 */
export function checkWorkflowPolicy(text, options = {}) {
  const list = entries(text);
  const findings = [];
  const top = list.map((e, i) => ({ e, i })).filter(({ e }) => e.indent === 0);
  const topPerm = top.find(({ e }) => e.key === 'permissions');
  if (topPerm && topPerm.e.value !== '{}') {
    findings.push({ line: topPerm.e.n, message: 'workflow-level permissions apply to every job: write permissions: {} here and grant each job what it needs in its own permissions:.' });
  }
  const jobsAt = top.find(({ e }) => e.key === 'jobs');
  if (!jobsAt) return [...findings, { line: 1, message: 'no jobs: found.' }];
  const jobs = childrenOf(list, jobsAt.i);
  const jobCol = Math.min(...jobs.map((j) => j.indent));
  for (let k = 0; k < jobs.length; k++) {
    const job = jobs[k];
    if (job.indent !== jobCol) continue;
    const at = list.indexOf(job);
    const body = childrenOf(list, at);
    const keyCol = Math.min(...body.map((b) => b.indent));
    const perm = body.find((b) => b.indent === keyCol && b.key === 'permissions');
    if (!perm) findings.push({ line: job.n, message: `job "${job.key}" has no permissions: of its own; list the scopes it uses (e.g. contents: read), or {} for none.` });
    else findings.push(...checkPermissions(list, list.indexOf(perm), `job "${job.key}"`));
  }
  for (const e of list) if (e.key === 'uses') findings.push(...checkUses(e, options));
  return findings.sort((a, b) => a.line - b.line);
}

/**
 * Every `uses:` pinned to a SHA: [{ line, action (owner/repo[/path]), sha, version }].
 * @param {string} text
 */
export function pinnedUses(text) {
  return entries(text)
    .filter((e) => e.key === 'uses' && SHA_PIN.test(e.value))
    .map((e) => {
      const [action, sha] = e.value.split('@');
      return { line: e.n, action, sha, version: e.comment };
    });
}
