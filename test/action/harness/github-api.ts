// The GitHub REST endpoints the action uses, on 127.0.0.1, reached through GITHUB_API_URL:
//   GET    /repos/{owner}/{repo}/releases/tags/{tag}  (404 for a draft release, as GitHub answers)
//   GET    /repos/{owner}/{repo}/releases?per_page=&page=  (newest first, drafts included: the
//          harness's token has push access; per_page 30 by default, at most 100; a Link header)
//   GET    /repos/{owner}/{repo}/actions/runs/{run_id}  (created_at: when the run was created,
//          the same for every attempt; run_started_at: when this attempt started)
//   POST   {upload_url}  (/uploads/repos/{owner}/{repo}/releases/{id}/assets?name=...)
//   DELETE /repos/{owner}/{repo}/releases/assets/{id}
//   GET    /repos/{owner}/{repo}/releases/assets/{id}  (Accept: application/octet-stream:
//          302 to a download URL, as GitHub redirects to its storage)
// Requests need `Authorization: token <token>` (what @actions/github sends); others get 401.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface Asset {
  id: number;
  name: string;
  size: number;
  contentType: string;
  data: Buffer;
}
export interface Release {
  id: number;
  repository: string;
  tag: string;
  /** A draft (`gh release create --draft`): not at /releases/tags/{tag}, only in the list. */
  draft: boolean;
  assets: Asset[];
}
/** A workflow run: created once; each re-run is a new attempt of the same run. */
export interface WorkflowRun {
  repository: string;
  id: string;
  createdAt: Date;
  attempt: number;
  attemptStartedAt: Date;
}

export interface GithubApi {
  url: string;
  token: string;
  releases: Release[];
  requests: string[];
  runs: WorkflowRun[];
  addRelease(repository: string, tag: string, options?: { draft?: boolean }): Release;
  /** Records attempt `attempt` of run `id` (the run is created by its first attempt seen). */
  startRunAttempt(repository: string, id: string, attempt: number): WorkflowRun;
  close(): Promise<void>;
}

export async function startGithubApi(token: string): Promise<GithubApi> {
  let nextId = 100;
  const releases: Release[] = [];
  const runs: WorkflowRun[] = [];
  const requests: string[] = [];
  let base = '';
  const assetJson = (r: Release, a: Asset) => ({
    id: a.id,
    name: a.name,
    size: a.size,
    content_type: a.contentType,
    state: 'uploaded',
    url: `${base}/repos/${r.repository}/releases/assets/${a.id}`,
    browser_download_url: `${base}/download/${r.repository}/${r.tag}/${a.name}`,
  });
  const releaseJson = (r: Release) => ({
    id: r.id,
    tag_name: r.tag,
    draft: r.draft,
    html_url: `${base}/${r.repository}/releases/tag/${r.tag}`,
    upload_url: `${base}/uploads/repos/${r.repository}/releases/${r.id}/assets{?name,label}`,
    assets: r.assets.map((a) => assetJson(r, a)),
  });
  /** Answers, and returns the response (as res.end does). */
  const send = (
    res: ServerResponse,
    status: number,
    body?: unknown,
    headers: Record<string, string> = {},
  ): ServerResponse => {
    const text = body === undefined ? '' : JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    return res.end(text);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', base);
    requests.push(`${req.method} ${url.pathname}${url.search}`);
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    let m: RegExpExecArray | null;
    if (req.method === 'GET' && (m = /^\/download\/(\d+)$/.exec(url.pathname))) {
      const asset = releases.flatMap((r) => r.assets).find((a) => a.id === Number(m![1]));
      if (!asset) return send(res, 404, { message: 'Not Found' });
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(asset.size) });
      return res.end(asset.data);
    }
    if (req.headers.authorization !== `token ${token}`) return send(res, 401, { message: 'Bad credentials' });
    if (req.method === 'GET' && (m = /^\/repos\/([^/]+\/[^/]+)\/releases\/tags\/(.+)$/.exec(url.pathname))) {
      const r = releases.find((x) => x.repository === m![1] && !x.draft && x.tag === decodeURIComponent(m![2]!));
      return r ? send(res, 200, releaseJson(r)) : send(res, 404, { message: 'Not Found' });
    }
    if (req.method === 'GET' && (m = /^\/repos\/([^/]+\/[^/]+)\/releases$/.exec(url.pathname))) {
      const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30) || 30, 100);
      const page = Math.max(Number(url.searchParams.get('page') ?? 1) || 1, 1);
      const all = releases.filter((x) => x.repository === m![1]).reverse(); // newest first
      const last = Math.max(Math.ceil(all.length / perPage), 1);
      const link = (p: number, rel: string) => `<${base}${url.pathname}?per_page=${perPage}&page=${p}>; rel="${rel}"`;
      const links = page < last ? [link(page + 1, 'next'), link(last, 'last')] : [];
      return send(
        res,
        200,
        all.slice((page - 1) * perPage, page * perPage).map(releaseJson),
        links.length > 0 ? { link: links.join(', ') } : {},
      );
    }
    if (req.method === 'GET' && (m = /^\/repos\/([^/]+\/[^/]+)\/actions\/runs\/(\d+)$/.exec(url.pathname))) {
      const run = runs.find((x) => x.repository === m![1] && x.id === m![2]);
      if (!run) return send(res, 404, { message: 'Not Found' });
      return send(res, 200, {
        id: Number(run.id),
        run_attempt: run.attempt,
        created_at: run.createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        run_started_at: run.attemptStartedAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        html_url: `https://github.com/${run.repository}/actions/runs/${run.id}`,
      });
    }
    if (
      req.method === 'POST' &&
      (m = /^\/uploads\/repos\/([^/]+\/[^/]+)\/releases\/(\d+)\/assets$/.exec(url.pathname))
    ) {
      const r = releases.find((x) => x.repository === m![1] && x.id === Number(m![2]));
      const name = url.searchParams.get('name');
      if (!r || !name) return send(res, 404, { message: 'Not Found' });
      if (r.assets.some((a) => a.name === name))
        return send(res, 422, { message: 'Validation Failed', errors: [{ code: 'already_exists', field: 'name' }] });
      // The upload step sends an explicit content-length: the body's exact size.
      if (req.headers['content-length'] !== String(body.length))
        return send(res, 400, {
          message: `expected content-length ${body.length}, found ${String(req.headers['content-length'])}`,
        });
      const asset: Asset = {
        id: nextId++,
        name,
        size: body.length,
        contentType: req.headers['content-type'] ?? '',
        data: body,
      };
      r.assets.push(asset);
      return send(res, 201, assetJson(r, asset));
    }
    if ((m = /^\/repos\/([^/]+\/[^/]+)\/releases\/assets\/(\d+)$/.exec(url.pathname))) {
      const r = releases.find((x) => x.repository === m![1] && x.assets.some((a) => a.id === Number(m![2])));
      const asset = r?.assets.find((a) => a.id === Number(m![2]));
      if (!r || !asset) return send(res, 404, { message: 'Not Found' });
      if (req.method === 'DELETE') {
        r.assets = r.assets.filter((a) => a !== asset);
        return send(res, 204);
      }
      if (req.method === 'GET' && req.headers.accept === 'application/octet-stream')
        return send(res, 302, undefined, { location: `${base}/download/${asset.id}` });
      if (req.method === 'GET') return send(res, 200, assetJson(r, asset));
    }
    return send(res, 404, { message: 'Not Found' });
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      send(res, 500, { message: err instanceof Error ? err.message : String(err) });
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('github-api: no address');
  base = `http://127.0.0.1:${address.port}`;
  return {
    url: base,
    token,
    releases,
    requests,
    runs,
    addRelease: (repository, tag, options = {}) => {
      const r: Release = { id: nextId++, repository, tag, draft: options.draft ?? false, assets: [] };
      releases.push(r);
      return r;
    },
    startRunAttempt: (repository, id, attempt) => {
      const now = new Date();
      let run = runs.find((x) => x.repository === repository && x.id === id);
      if (!run) {
        run = { repository, id, createdAt: now, attempt, attemptStartedAt: now };
        runs.push(run);
      } else if (attempt !== run.attempt) {
        if (attempt < run.attempt)
          throw new Error(`github-api: run ${id} is at attempt ${run.attempt}, not ${attempt}`);
        Object.assign(run, { attempt, attemptStartedAt: now });
      }
      return run;
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
