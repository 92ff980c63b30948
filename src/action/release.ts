// The GitHub releases API (@actions/github, i.e. Octokit against GITHUB_API_URL):
//   - the release of a tag: GET /repos/{owner}/{repo}/releases/tags/{tag}, which answers 404
//     for a draft release (`gh release create --draft`, the documented release example); then
//     GET /repos/{owner}/{repo}/releases, newest first, drafts included for a token with push
//     access, at most MAX_RELEASE_PAGES pages of 100;
//   - upload: attach the countersigned bundle to the release of the tag being built (POST to
//     the release's upload_url, drafts included; an asset of the same name, from an earlier
//     attempt of the job, is replaced);
//   - download: `bundle: release:[OWNER/REPO@]TAG[#ASSET]` in the verify step fetches the
//     asset (GET .../releases/assets/{id} with Accept: application/octet-stream), after
//     checking its declared size against the cap, and checks the size received again.
import * as github from '@actions/github';
import { InputError } from '../lib/basics/errors/errors.ts';

export const RELEASE_PREFIX = 'release:';
export const DEFAULT_ASSET_NAME = 'countersign.bundle.json';
const REPOSITORY = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
const ASSET_NAME = /^[A-Za-z0-9._+-]{1,255}$/;
/** Pages of 100 releases searched for a draft: the newest 1000 releases (a draft is a release in the making, so among the newest). */
export const MAX_RELEASE_PAGES = 10;
const RELEASES_PER_PAGE = 100;

export interface ReleaseAssetRef {
  owner: string;
  repo: string;
  tag: string;
  asset: string;
}

type Octokit = ReturnType<typeof github.getOctokit>;
interface ReleaseJson {
  id: number;
  tag_name: string;
  upload_url: string;
  html_url?: string;
  assets: { id: number; name: string; size: number }[];
}

/** Parses `release:[OWNER/REPO@]TAG[#ASSET]`; the repository defaults to GITHUB_REPOSITORY. */
export function parseReleaseRef(
  value: string,
  input: string,
  defaultRepository = process.env.GITHUB_REPOSITORY,
): ReleaseAssetRef {
  const bad = (why: string) =>
    new InputError('input-invalid', `input ${input}: expected release:[OWNER/REPO@]TAG[#ASSET], ${why}`);
  let rest = value.slice(RELEASE_PREFIX.length);
  let asset = DEFAULT_ASSET_NAME;
  const hash = rest.lastIndexOf('#');
  if (hash >= 0) [rest, asset] = [rest.slice(0, hash), rest.slice(hash + 1)];
  let repository = defaultRepository;
  const at = rest.indexOf('@');
  if (at >= 0 && REPOSITORY.test(rest.slice(0, at))) [repository, rest] = [rest.slice(0, at), rest.slice(at + 1)];
  if (!repository || !REPOSITORY.test(repository))
    throw bad(`found no OWNER/REPO and GITHUB_REPOSITORY is ${repository ? 'malformed' : 'not set'}`);
  if (rest === '' || rest.length > 255 || /[\s~^:?*[\\]/.test(rest))
    throw bad(`found the tag ${JSON.stringify(rest.slice(0, 80))}`);
  if (!ASSET_NAME.test(asset)) throw bad(`found the asset name ${JSON.stringify(asset.slice(0, 80))}`);
  const [owner, repo] = repository.split('/') as [string, string];
  return { owner, repo, tag: rest, asset };
}

function octokit(token: string, input: string): Octokit {
  if (!token)
    throw new InputError(
      'input-missing',
      `input ${input}: a GitHub token is needed for the releases API (the default is \${{ github.token }}), found nothing`,
    );
  return github.getOctokit(token);
}

async function releaseByTag(api: Octokit, owner: string, repo: string, tag: string): Promise<ReleaseJson> {
  const what = `the release of tag ${tag} in ${owner}/${repo}`;
  try {
    const res = await api.request('GET /repos/{owner}/{repo}/releases/tags/{tag}', { owner, repo, tag });
    return res.data;
  } catch (err) {
    if ((err as { status?: unknown }).status !== 404) throw apiError(err, what);
  }
  // Not published: a draft has no /releases/tags/{tag}; the list shows it (to a token with push access).
  const matches: ReleaseJson[] = [];
  let searched = 0;
  let complete = false;
  for (let page = 1; page <= MAX_RELEASE_PAGES && !complete; page++) {
    let releases: ReleaseJson[];
    try {
      const res = await api.request('GET /repos/{owner}/{repo}/releases', {
        owner,
        repo,
        per_page: RELEASES_PER_PAGE,
        page,
      });
      releases = res.data;
    } catch (err) {
      throw apiError(err, `${what} (listing releases, drafts included)`);
    }
    searched += releases.length;
    matches.push(...releases.filter((r) => r.tag_name === tag));
    complete = releases.length < RELEASES_PER_PAGE;
  }
  const [found, ...others] = matches;
  if (found && others.length > 0)
    throw new InputError(
      'release-ambiguous',
      `${what}: found ${matches.length} releases with this tag (ids ${matches.map((r) => r.id).join(', ')}); delete the extra drafts so that one release has the tag`,
    );
  if (found) return found;
  throw new InputError(
    'github-api-failed',
    `${what}: GitHub API answered HTTP 404 (not found), and no release or draft among the ${complete ? searched : `newest ${searched}`} releases has this tag (drafts are listed only to a token with push access, \`permissions: contents: write\`); create the release first (for example \`gh release create "$TAG" --draft\` in an earlier step), or run on a tag that has one`,
  );
}

/** Downloads a release asset of at most maxBytes. */
export async function downloadReleaseAsset(ref: ReleaseAssetRef, token: string, maxBytes: number): Promise<Uint8Array> {
  const api = octokit(token, 'github-token');
  const release = await releaseByTag(api, ref.owner, ref.repo, ref.tag);
  const asset = release.assets.find((a) => a.name === ref.asset);
  if (!asset) {
    const names =
      release.assets
        .map((a) => a.name)
        .slice(0, 20)
        .join(', ') || 'none';
    throw new InputError(
      'release-asset-missing',
      `release ${ref.tag} of ${ref.owner}/${ref.repo}: expected an asset named ${ref.asset}, found ${names}`,
    );
  }
  if (asset.size > maxBytes)
    throw new InputError(
      'too-large',
      `release asset ${ref.asset}: ${asset.size} bytes is over the limit of ${maxBytes} bytes`,
    );
  let data: unknown;
  try {
    const res = await api.request('GET /repos/{owner}/{repo}/releases/assets/{asset_id}', {
      owner: ref.owner,
      repo: ref.repo,
      asset_id: asset.id,
      headers: { accept: 'application/octet-stream' },
    });
    data = res.data;
  } catch (err) {
    throw apiError(err, `release asset ${ref.asset} of ${ref.owner}/${ref.repo}@${ref.tag}`);
  }
  const bytes =
    data instanceof ArrayBuffer
      ? new Uint8Array(data)
      : typeof data === 'string'
        ? new TextEncoder().encode(data)
        : new TextEncoder().encode(JSON.stringify(data));
  if (bytes.byteLength > maxBytes)
    throw new InputError(
      'too-large',
      `release asset ${ref.asset}: ${bytes.byteLength} bytes is over the limit of ${maxBytes} bytes`,
    );
  return bytes;
}

/** Attaches `bytes` as `name` to the release of `tag`; returns the asset's download URL. */
export async function uploadReleaseAsset(
  repository: string,
  tag: string,
  name: string,
  bytes: Uint8Array,
  token: string,
): Promise<{ url: string; replaced: boolean }> {
  const [owner, repo] = repository.split('/') as [string, string];
  const api = octokit(token, 'github-token');
  const release = await releaseByTag(api, owner, repo, tag);
  const existing = release.assets.find((a) => a.name === name);
  if (existing) {
    try {
      await api.request('DELETE /repos/{owner}/{repo}/releases/assets/{asset_id}', {
        owner,
        repo,
        asset_id: existing.id,
      });
    } catch (err) {
      throw apiError(err, `replacing the asset ${name} of release ${tag}`);
    }
  }
  try {
    const res = await api.request({
      method: 'POST',
      url: release.upload_url,
      name,
      data: bytes,
      // An explicit content-length, as a string: the body's exact size, whichever undici sends it
      // (scripts/build.ts, lazyHttpImports: a second undici once rejected a derived one).
      headers: { 'content-type': 'application/json', 'content-length': String(bytes.byteLength) },
    });
    const url = (res.data as { browser_download_url?: unknown }).browser_download_url;
    return { url: typeof url === 'string' ? url : '', replaced: existing !== undefined };
  } catch (err) {
    throw apiError(
      err,
      `uploading ${name} to release ${tag} of ${repository}`,
      'the job needs `permissions: contents: write`',
    );
  }
}

/**
 * A failed GitHub API request as one line: the status, and what to do about it (`hint` for the
 * statuses in `hintFor`, by default a 404; the token and permissions for another 401 or 403).
 */
export function apiError(err: unknown, what: string, hint?: string, hintFor: readonly number[] = [404]): Error {
  const status = (err as { status?: unknown }).status;
  if (typeof status !== 'number')
    return new InputError('github-api-failed', `${what}: request failed: ${(err as Error).message}`);
  const help =
    hint && hintFor.includes(status)
      ? `; ${hint}`
      : status === 401 || status === 403
        ? "; check the token and the job's `permissions:`"
        : '';
  return new InputError(
    'github-api-failed',
    `${what}: GitHub API answered HTTP ${status}${status === 404 ? ' (not found)' : ''}${help}`,
  );
}

/** The tag this run builds (GITHUB_REF refs/tags/<tag>). */
export function tagOfRun(env = process.env): string {
  const ref = env.GITHUB_REF ?? '';
  if (!ref.startsWith('refs/tags/')) {
    throw new InputError(
      'input-invalid',
      `input upload-to-release: expected a run for a tag (GITHUB_REF refs/tags/...), found GITHUB_REF=${JSON.stringify(ref)}; run the release workflow on a tag push or a release event`,
    );
  }
  return ref.slice('refs/tags/'.length);
}
