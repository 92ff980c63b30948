// Every relative link in the repository's Markdown resolves: the file or folder exists in the
// repository (tracked, or new and not ignored, so a link to a local-only or ignored file
// fails too) and never leaves it, and a `#anchor` names a heading of the target file, as
// GitHub slugs it. Links inside fenced code blocks and inline code are not links.
// URLs with a scheme (https:, mailto:, ...) are not checked: the tests run offline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Files in the repository as a clone will have them, plus new files not ignored. */
function repositoryFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return [...new Set(out.split('\0').filter(Boolean))].filter((f) => existsSync(join(ROOT, f)));
}

const FILES = repositoryFiles();
const PATHS = new Set<string>(['']);
for (const file of FILES) {
  for (let p = file; p !== '.' && p !== ''; p = dirname(p)) PATHS.add(p);
}
const MARKDOWN = FILES.filter(
  (f) => f.endsWith('.md') && !/^(dist|node_modules)\//.test(f) && !f.includes('/node_modules/'),
).sort();

/** Blanks out fenced code blocks, keeping line breaks (for line numbers). */
function stripFences(text: string): string {
  const lines = text.split('\n');
  let fence: { char: string; length: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const open = /^\s*(`{3,}|~{3,})/.exec(lines[i]!);
    if (fence) {
      if (open && open[1]![0] === fence.char && open[1]!.length >= fence.length && /^\s*[`~]+\s*$/.test(lines[i]!))
        fence = undefined;
      lines[i] = '';
    } else if (open) {
      fence = { char: open[1]![0]!, length: open[1]!.length };
      lines[i] = '';
    }
  }
  return lines.join('\n');
}

/** Blanks out fenced code blocks and inline code spans, keeping line breaks (for line numbers). */
function stripCode(text: string): string {
  const prose = stripFences(text);
  // Inline code: a run of n backticks up to the next run of exactly n, within one paragraph.
  let result = '';
  let i = 0;
  while (i < prose.length) {
    if (prose[i] !== '`') {
      result += prose.charAt(i++);
      continue;
    }
    let n = 0;
    while (prose[i + n] === '`') n++;
    const rest = prose.slice(i + n);
    const close = new RegExp(`(?<!\`)\`{${n}}(?!\`)`).exec(rest);
    const span = close ? rest.slice(0, close.index) : undefined;
    if (span === undefined || /\n[ \t]*\n/.test(span)) {
      result += '`'.repeat(n);
      i += n;
      continue;
    }
    result += ('`'.repeat(n) + span + '`'.repeat(n)).replace(/[^\n]/g, ' ');
    i += n + span.length + n;
  }
  return result;
}

interface Link {
  line: number;
  target: string;
}

/** Inline links and images `[text](target "title")` and reference definitions `[label]: target`. */
function linksOf(text: string): Link[] {
  const prose = stripCode(text);
  const links: Link[] = [];
  const lineAt = (index: number) => prose.slice(0, index).split('\n').length;
  const unwrap = (t: string) => (t.startsWith('<') && t.endsWith('>') ? t.slice(1, -1) : t);
  for (const m of prose.matchAll(
    /\]\(\s*(<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?\s*\)/g,
  )) {
    links.push({ line: lineAt(m.index), target: unwrap(m[1]!) });
  }
  for (const m of prose.matchAll(/^ {0,3}\[[^\]\n]+\]:[ \t]*(<[^>\n]*>|\S+)/gm)) {
    links.push({ line: lineAt(m.index), target: unwrap(m[1]!) });
  }
  return links;
}

/** GitHub's heading anchors: the rendered text, lower case, punctuation and symbols dropped, spaces to hyphens; repeats get -1, -2, ... */
function anchorsOf(text: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const lines = stripFences(text).split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heading = /^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(lines[i]!);
    if (heading) {
      const base = slug(heading[1]!);
      const count = seen.get(base) ?? 0;
      seen.set(base, count + 1);
      anchors.add(count === 0 ? base : `${base}-${count}`);
    }
    for (const m of lines[i]!.matchAll(/<a\s[^>]*(?:name|id)="([^"]+)"/g)) anchors.add(m[1]!);
  }
  return anchors;
}

function slug(heading: string): string {
  // The rendered text: code spans keep their content, links their text, no HTML tags or emphasis markers.
  const parts = heading.split(/(`+[^`]*`+)/);
  const rendered = parts
    .map((part, i) => {
      if (i % 2 === 1) return part.replace(/^`+|`+$/g, '');
      return part
        .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/<[^>]+>/g, '')
        .replace(/(^|[^\p{L}\p{N}])_+|_+(?=[^\p{L}\p{N}]|$)/gu, '$1');
    })
    .join('');
  return rendered
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** Every problem with one Markdown file's relative links: "file:line: target: why". */
function brokenLinks(
  file: string,
  text: string,
  read: (path: string) => string | undefined,
  exists: (path: string) => boolean,
): string[] {
  const problems: string[] = [];
  for (const { line, target } of linksOf(text)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target === '') continue;
    const hash = target.indexOf('#');
    const pathPart = (hash === -1 ? target : target.slice(0, hash)).replace(/\?.*$/, '');
    const anchor = hash === -1 ? undefined : target.slice(hash + 1);
    let path: string;
    try {
      path = decodeURIComponent(pathPart);
    } catch {
      problems.push(`${file}:${line}: ${target}: not a valid percent-encoded path`);
      continue;
    }
    const resolved = path === '' ? file : path.startsWith('/') ? path.slice(1) : join(dirname(file), path);
    const inside = relative('.', resolved).split(sep).join('/').replace(/\/$/, '');
    if (inside === '..' || inside.startsWith('../') || resolve(ROOT, inside) !== join(ROOT, inside)) {
      problems.push(`${file}:${line}: ${target}: leaves the repository`);
      continue;
    }
    const normal = inside === '.' ? '' : inside;
    if (!exists(normal)) {
      problems.push(`${file}:${line}: ${target}: no such file or folder in the repository (${normal})`);
      continue;
    }
    if (anchor !== undefined && anchor !== '' && normal.endsWith('.md')) {
      const content = read(normal);
      const decoded = (() => {
        try {
          return decodeURIComponent(anchor);
        } catch {
          return anchor;
        }
      })();
      if (content === undefined || !anchorsOf(content).has(decoded.toLowerCase())) {
        problems.push(`${file}:${line}: ${target}: no heading with the anchor #${decoded} in ${normal}`);
      }
    }
  }
  return problems;
}

const readRepo = (path: string) =>
  PATHS.has(path) && existsSync(join(ROOT, path)) ? readFileSync(join(ROOT, path), 'utf8') : undefined;
const existsRepo = (path: string) => PATHS.has(path);

test('the checker finds links, skips code, and slugs headings as GitHub does', () => {
  const text = [
    '# The `countersign` CLI: §1 Install & use',
    'See [a](docs/a.md), ![b](img/b.png "title") and `[not](a-link.md)`.',
    '```sh',
    '[not](either.md)',
    '```',
    'A span across lines: `x',
    '[not](this.md)` done. [c](<with space.md>) [d](https://example.org/x.md) [e](#install)',
    '[ref]: ./ref.md',
    '## Install',
    '## Install',
  ].join('\n');
  assert.deepEqual(
    linksOf(text).map((l) => `${l.line}:${l.target}`),
    ['2:docs/a.md', '2:img/b.png', '7:with space.md', '7:https://example.org/x.md', '7:#install', '8:./ref.md'],
  );
  assert.deepEqual([...anchorsOf(text)], ['the-countersign-cli-1-install--use', 'install', 'install-1']);
  assert.equal(
    slug('§1 Single-signature variants (`test/attacks/primary.test.ts`)'),
    '1-single-signature-variants-testattacksprimarytestts',
  );
  assert.equal(
    slug('### `verifyBundle(input): Promise<VerifyBundleResult>`'.replace(/^#+ /, '')),
    'verifybundleinput-promiseverifybundleresult',
  );
});

test('the checker reports a missing file, a missing anchor and a link out of the repository', () => {
  const files: Record<string, string> = { 'docs/a.md': '# A\n## Part two\n', 'README.md': '' };
  const exists = (p: string) => p === '' || p === 'docs' || p in files;
  const read = (p: string) => files[p];
  const text =
    '[ok](docs/a.md#part-two) [ok](docs/) [ok](#top)\n# Top\n[bad](docs/b.md) [bad](docs/a.md#part-three) [bad](../outside/x.md) [bad](#nowhere)\n';
  const problems = brokenLinks('README.md', text, (p) => (p === 'README.md' ? text : read(p)), exists);
  assert.equal(problems.length, 4, problems.join('\n'));
  assert.match(problems[0]!, /^README\.md:3: docs\/b\.md: no such file/);
  assert.match(problems[1]!, /#part-three/);
  assert.match(problems[2]!, /leaves the repository/);
  assert.match(problems[3]!, /#nowhere/);
});

test('every relative link in every Markdown file of the repository resolves', () => {
  assert.ok(MARKDOWN.includes('README.md') && MARKDOWN.length > 5, `Markdown files found: ${MARKDOWN.join(', ')}`);
  const problems = MARKDOWN.flatMap((file) =>
    brokenLinks(file, readFileSync(join(ROOT, file), 'utf8'), readRepo, existsRepo),
  );
  assert.deepEqual(problems, [], `broken links:\n${problems.join('\n')}`);
});
