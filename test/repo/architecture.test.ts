// The floors of src/ (docs/design.md §7): every import of every file under src/ (static
// imports, `export … from`, `import()` and `import('…')` types), read with the TypeScript
// parser, grouped by folder. A folder may import its own folder and folders on its own or a
// lower floor, never a higher one, and the folders never import each other round a cycle:
//
//   0 basics     src/lib/basics/*       no domain knowledge (errors, JSON, crypto, I/O, HTTP)
//   1 formats    src/lib/formats/*      documents, parsed and written; no verification decision
//   2 checks     src/lib/checks/*       one verification decision each
//   3 pipeline   src/lib/pipeline       the ordered checks -> the report
//   4 flows      src/lib/flows/*        what callers do with a verdict (countersign, rotate, sign, audit)
//   5 surfaces   src/{cli,action,server,client,stack,witness}
//
// src/lib/platform (the browser build's stand-ins for Node built-ins) stands outside the
// floors: it imports nothing from src/ and nothing in src/ imports it (scripts/build.ts names
// it). Nothing under src/ imports test/, tools/, bench/ or scripts/: src/ is what ships; and
// scripts/, bench/ and tools/ do not import test/ (what they share with it is in tools/). The
// library (src/lib, src/client) and the stack never import @actions/*, and only the stack
// (src/stack) imports @sigstore/mock. eslint.config.js says part of this for editors; this
// test also sees import() and the floors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

interface Edge {
  /** Importing file and line, relative to the repository. */
  from: string;
  line: number;
  /** The imported file relative to the repository, or `pkg:NAME` for a package. */
  to: string;
}

const SURFACES = new Set(['src/cli', 'src/action', 'src/server', 'src/client', 'src/stack', 'src/witness']);
const FLOOR_NAMES = ['basics', 'formats', 'checks', 'pipeline', 'flows', 'surfaces'];
/** Surfaces that may import another surface: the `serve`, `stack` and `demo` verbs. */
const SURFACE_EDGES = new Set(['src/cli -> src/server', 'src/cli -> src/stack', 'src/cli -> src/witness']);

/**
 * The folder of a file under src/ ("src/lib/formats/policy", "src/cli"). A surface's own
 * sub-folders (src/server/storage, src/server/workers) are part of that surface: one unit.
 */
const folderOf = (file: string): string => {
  const dir = dirname(file);
  return [...SURFACES].find((s) => dir.startsWith(`${s}/`)) ?? dir;
};

/** The floor of a folder under src/; undefined for src/lib/platform; throws for a folder without one. */
function floorOf(folder: string): number | undefined {
  if (folder === 'src/lib/platform') return undefined;
  const m = /^src\/lib\/(basics|formats|checks|pipeline|flows)(\/[^/]+)?$/.exec(folder);
  if (m && (m[1] === 'pipeline' ? m[2] === undefined || m[2] === '/steps' : m[2] !== undefined))
    return FLOOR_NAMES.indexOf(m[1]!);
  if (SURFACES.has(folder)) return 5;
  throw new Error(`${folder}: a folder of src/ without a floor (test/repo/architecture.test.ts): put it on a floor`);
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const p = `${dir}/${e.name}`;
    if (e.isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(ts|mts|cts|js|mjs)$/.test(e.name)) out.push(p);
  }
  return out.sort();
}

/** Every import of `file` (static, `export … from`, `import()`, `import('…')` types). */
function importsOf(file: string, text = readFileSync(join(ROOT, file), 'utf8')): Edge[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const edges: Edge[] = [];
  const visit = (n: ts.Node): void => {
    let spec: ts.StringLiteral | undefined;
    if (
      (ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) &&
      n.moduleSpecifier &&
      ts.isStringLiteral(n.moduleSpecifier)
    )
      spec = n.moduleSpecifier;
    else if (
      ts.isCallExpression(n) &&
      n.expression.kind === ts.SyntaxKind.ImportKeyword &&
      n.arguments[0] &&
      ts.isStringLiteralLike(n.arguments[0])
    )
      spec = n.arguments[0] as ts.StringLiteral;
    else if (ts.isImportTypeNode(n) && ts.isLiteralTypeNode(n.argument) && ts.isStringLiteral(n.argument.literal))
      spec = n.argument.literal;
    else if (
      ts.isImportEqualsDeclaration(n) &&
      ts.isExternalModuleReference(n.moduleReference) &&
      ts.isStringLiteral(n.moduleReference.expression)
    )
      spec = n.moduleReference.expression;
    if (spec) {
      const to = spec.text.startsWith('.')
        ? relative(ROOT, resolve(ROOT, dirname(file), spec.text))
        : `pkg:${spec.text}`;
      edges.push({ from: file, line: sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1, to });
    } else if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword) {
      edges.push({ from: file, line: sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1, to: 'dynamic:?' });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return edges;
}

const where = (e: Edge) => `${e.from}:${e.line} -> ${e.to}`;

/** The problems in a set of import edges of src/ files; [] when the floors hold. */
function problems(edges: readonly Edge[]): string[] {
  const out: string[] = [];
  const folderEdges = new Map<string, Edge[]>();
  for (const e of edges) {
    const a = folderOf(e.from);
    if (e.to === 'dynamic:?') {
      out.push(`${e.from}:${e.line}: import() of a computed specifier: the floors cannot be checked`);
      continue;
    }
    if (e.to.startsWith('pkg:')) {
      const pkg = e.to.slice(4);
      if (/^@actions\//.test(pkg) && /^src\/(lib|client|stack)(\/|$)/.test(a))
        out.push(`${where(e)}: the library and the stack never import @actions/*`);
      if (/^@sigstore\/mock(\/|$)/.test(pkg) && !/^src\/stack(\/|$)/.test(a))
        out.push(`${where(e)}: only src/stack imports @sigstore/mock`);
      // Native or network-bound packages stay in the one place that needs them, out of the
      // client's builds: the PKCS#11 binding (loaded lazily) and the TUF client.
      if (pkg === 'pkcs11js' && a !== 'src/lib/basics/pkcs11')
        out.push(`${where(e)}: only src/lib/basics/pkcs11 imports pkcs11js`);
      if (/^@sigstore\/tuf(\/|$)/.test(pkg) && a !== 'src/lib/flows/trusted-root')
        out.push(`${where(e)}: only src/lib/flows/trusted-root imports @sigstore/tuf`);
      continue;
    }
    if (/^(test|tools|bench|scripts)\//.test(e.to)) {
      out.push(`${where(e)}: src/ never imports test/, tools/, bench/ or scripts/`);
      continue;
    }
    if (!e.to.startsWith('src/')) continue; // package.json (the CLI's --version)
    const b = folderOf(e.to);
    if (a === b) continue;
    if (a === 'src/lib/platform' || b === 'src/lib/platform') {
      out.push(`${where(e)}: src/lib/platform imports nothing from src/ and nothing imports it`);
      continue;
    }
    const fa = floorOf(a)!;
    const fb = floorOf(b)!;
    if (fb > fa)
      out.push(
        `${where(e)}: ${a} (floor ${fa}, ${FLOOR_NAMES[fa]}) imports ${b} (floor ${fb}, ${FLOOR_NAMES[fb]}), a higher floor`,
      );
    if (fa === 5 && fb === 5 && !SURFACE_EDGES.has(`${a} -> ${b}`))
      out.push(`${where(e)}: ${a} imports the surface ${b}; only ${[...SURFACE_EDGES].join(', ')} are allowed`);
    const k = `${a} -> ${b}`;
    if (!folderEdges.has(k)) folderEdges.set(k, []);
    folderEdges.get(k)!.push(e);
  }
  // Folder-level cycles: strongly connected components of more than one folder (Tarjan).
  const adj = new Map<string, string[]>();
  for (const k of folderEdges.keys()) {
    const [a, b] = k.split(' -> ') as [string, string];
    if (!adj.has(a)) adj.set(a, []);
    if (!adj.has(b)) adj.set(b, []);
    adj.get(a)!.push(b);
  }
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const connect = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of adj.get(v)!) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) {
        const inside = [...folderEdges].filter(([k]) => {
          const [a, b] = k.split(' -> ');
          return scc.includes(a!) && scc.includes(b!);
        });
        out.push(
          `folder cycle among ${scc.sort().join(', ')}:\n${inside.map(([k, es]) => `    ${k}: ${es.map((e) => `${e.from}:${e.line}`).join(', ')}`).join('\n')}`,
        );
      }
    }
  };
  for (const v of [...adj.keys()].sort()) if (!index.has(v)) connect(v);
  return out;
}

test('src/: no import to a higher floor, no folder cycle, nothing from test/, tools/, bench/ or scripts/', () => {
  const files = sourceFiles('src');
  const edges = files.flatMap((f) => importsOf(f));
  // A parser or walker that finds nothing would pass vacuously.
  assert.ok(files.length > 100 && edges.length > 500, `${files.length} files, ${edges.length} imports`);
  for (const f of files) floorOf(folderOf(f)); // every folder has a floor (or is src/lib/platform)
  const found = problems(edges);
  assert.deepEqual(found, [], `\n${found.join('\n')}\n`);
});

test('scripts/, bench/ and tools/ import nothing from test/ (shared code lives in tools/ or src/)', () => {
  const edges = ['scripts', 'bench', 'tools'].flatMap((d) => sourceFiles(d)).flatMap((f) => importsOf(f));
  assert.ok(edges.length > 50, `${edges.length} imports`);
  assert.deepEqual(edges.filter((e) => /^test\//.test(e.to)).map(where), []);
});

test('the check itself finds an upward import, a folder cycle, an import of test/ and a computed import()', () => {
  const e = (from: string, to: string, line = 1): Edge => ({ from, line, to });
  const found = problems([
    e('src/lib/formats/policy/parse.ts', 'src/lib/pipeline/run.ts', 7),
    e('src/lib/basics/json/shape.ts', 'src/lib/basics/io/read.ts', 3),
    e('src/lib/basics/io/read.ts', 'src/lib/basics/json/strict-json.ts', 4),
    e('src/cli/demo.ts', 'test/stack/index.ts', 37),
    e('src/cli/x.ts', 'dynamic:?', 9),
    e('src/action/verify.ts', 'src/server/service.ts', 2),
    e('src/lib/flows/sign/sign.ts', 'pkg:@actions/core', 5),
    e('src/cli/main.ts', 'package.json', 1),
    e('src/server/workers/pool.ts', 'src/server/metrics.ts', 3),
    e('src/action/workers/x.ts', 'src/server/service.ts', 4),
    e('src/lib/basics/crypto/x.ts', 'pkg:pkcs11js', 8),
    e('src/lib/pipeline/run.ts', 'pkg:@sigstore/tuf', 6),
  ]);
  assert.equal(found.length, 9, found.join('\n'));
  assert.match(found[0]!, /^src\/lib\/formats\/policy\/parse\.ts:7 -> src\/lib\/pipeline\/run\.ts: .*a higher floor$/);
  assert.match(found[1]!, /^src\/cli\/demo\.ts:37 -> test\/stack\/index\.ts: src\/ never imports test\//);
  assert.match(found[2]!, /^src\/cli\/x\.ts:9: import\(\) of a computed specifier/);
  assert.match(
    found[3]!,
    /^src\/action\/verify\.ts:2 -> src\/server\/service\.ts: src\/action imports the surface src\/server/,
  );
  assert.match(found[4]!, /@actions/);
  // A surface's sub-folder is that surface: src/server/workers -> src/server is not an edge
  // between surfaces, src/action/workers -> src/server is.
  assert.match(
    found[5]!,
    /^src\/action\/workers\/x\.ts:4 -> src\/server\/service\.ts: src\/action imports the surface/,
  );
  assert.match(found[6]!, /only src\/lib\/basics\/pkcs11 imports pkcs11js/);
  assert.match(found[7]!, /only src\/lib\/flows\/trusted-root imports @sigstore\/tuf/);
  assert.match(
    found[8]!,
    /^folder cycle among src\/lib\/basics\/io, src\/lib\/basics\/json:\n {4}src\/lib\/basics\/json -> src\/lib\/basics\/io: src\/lib\/basics\/json\/shape\.ts:3\n {4}src\/lib\/basics\/io -> src\/lib\/basics\/json: src\/lib\/basics\/io\/read\.ts:4$/,
  );
  assert.throws(() => floorOf('src/lib/verify'), /without a floor/);
});
