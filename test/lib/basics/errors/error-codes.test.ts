// The error codes (spec/ERRORS.md): the lists of src/lib/basics/errors/codes.ts, from which
// each error class's `code` type is derived, are exactly the codes of the error-code tables
// of spec/, class by class, each code in one row of one table; and every code literal in
// src/ is in those lists. tsc checks a literal passed to a typed `code` parameter; this test
// also sees the places tsc cannot (a `code` property or variable typed `string`, a code
// compared with a report's string code, a code map), so that no code reaches a user without
// its row in the spec.
//
// An error-code table is a Markdown table in spec/*.md whose header starts `| code | class |`;
// each row's first cell is one code in backticks, its second the classes that raise it
// (names of ERROR_CODES, comma-separated).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { ERROR_CODES, type ErrorClassName } from '../../../../src/lib/basics/errors/codes.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const CODES_FILE = 'src/lib/basics/errors/codes.ts';
const CLASSES = Object.keys(ERROR_CODES) as ErrorClassName[];
/** The shape of every code. */
const CODE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** Each class's codes as codes.ts lists them. */
function listed(): Map<string, Set<ErrorClassName>> {
  const byCode = new Map<string, Set<ErrorClassName>>();
  for (const cls of CLASSES) {
    for (const code of ERROR_CODES[cls]) {
      if (!byCode.has(code)) byCode.set(code, new Set());
      byCode.get(code)!.add(cls);
    }
  }
  return byCode;
}

// --- The tables of spec/ ---------------------------------------------------------------

interface Row {
  code: string;
  classes: string[];
  /** spec/FILE.md:LINE (under HEADING) */
  at: string;
}

/** The cells of a table row, split on `|` that is not escaped (`\|`) or inside backticks. */
function cells(line: string): string[] {
  const out: string[] = [];
  let cell = '';
  let inCode = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '\\' && line[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (c === '`') {
      inCode = !inCode;
      cell += c;
    } else if (c === '|' && !inCode) {
      out.push(cell.trim());
      cell = '';
    } else {
      cell += c;
    }
  }
  out.push(cell.trim());
  // A row starts and ends with `|`: drop the empty cells outside them.
  return out.slice(1, line.trimEnd().endsWith('|') ? -1 : undefined);
}

/** Every row of every error-code table of `spec/*.md`, and the problems found reading them. */
function specTables(dir = join(ROOT, 'spec')): { rows: Row[]; problems: string[] } {
  const rows: Row[] = [];
  const problems: string[] = [];
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()) {
    const file = relative(ROOT, join(dir, name));
    const lines = readFileSync(join(dir, name), 'utf8').split('\n');
    let heading = '';
    let fence = false;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (/^\s*(```|~~~)/.test(line)) fence = !fence;
      if (fence) continue;
      if (/^#{1,6} /.test(line)) heading = line.replace(/^#+ /, '');
      const header = line.startsWith('|') ? cells(line) : [];
      if (header[0] !== 'code' || header[1] !== 'class') continue;
      if (!/^\|(\s*:?-+:?\s*\|)+\s*$/.test(lines[i + 1] ?? ''))
        problems.push(`${file}:${i + 1}: an error-code table header without a separator line under it`);
      for (i += 2; i < lines.length && lines[i]!.startsWith('|'); i++) {
        const at = `${file}:${i + 1} (${heading})`;
        const [first = '', second = ''] = cells(lines[i]!);
        const code = /^`([^`]+)`$/.exec(first)?.[1];
        if (code === undefined || !CODE.test(code)) {
          problems.push(`${at}: the first cell is not one code in backticks: ${JSON.stringify(first)}`);
          continue;
        }
        const classes = second.split(',').map((c) => c.trim());
        for (const c of classes)
          if (!(CLASSES as string[]).includes(c))
            problems.push(
              `${at}: \`${code}\`: unknown class ${JSON.stringify(c)} (expected one of ${CLASSES.join(', ')})`,
            );
        rows.push({ code, classes, at });
      }
    }
  }
  return { rows, problems };
}

// --- The code literals of src/ ---------------------------------------------------------

interface Literal {
  code: string;
  /** src/FILE.ts:LINE */
  at: string;
  /** The class a `new X(…)` or `super(…)` raises it through, when the site says. */
  raisedAs?: ErrorClassName | 'ServiceRefusedError';
}

/** Index of the code argument of `new X(…)`. */
const CODE_ARGUMENT: Record<string, number> = {
  InputError: 0,
  PolicyError: 0,
  StrictJsonError: 0,
  VerificationError: 0,
  RotationError: 0,
  Refusal: 1,
  ServiceRefusedError: 1,
};
/** Other constructors that take codes: `new Shape(what, code, unknownFieldCode)` raises InputErrors. */
const CODE_TAKERS: Record<string, { indices: number[]; raisedAs: ErrorClassName }> = {
  Shape: { indices: [1, 2], raisedAs: 'InputError' },
};
/** Codes each class's constructor accepts (its own list and its subclasses'). */
const ACCEPTS: Record<string, readonly ErrorClassName[]> = {
  InputError: ['InputError', 'PolicyError', 'StrictJsonError'],
  PolicyError: ['PolicyError'],
  StrictJsonError: ['StrictJsonError'],
  VerificationError: ['VerificationError', 'RotationError'],
  RotationError: ['RotationError'],
  Refusal: ['Refusal'],
  ServiceRefusedError: CLASSES,
};
/**
 * Helpers whose first argument is a code (PolicyReader.fail, Shape.failWith, the JSON
 * scanner's fail, …), unless the file declares a function of that name: then the arguments
 * at its parameters named `code` or `…Code` (note.ts's `fail(why, code)`).
 */
const CODE_HELPERS = new Set(['fail', 'failWith', 'carried', 'isErrorCode']);

/**
 * Every code literal in `file`: the code argument of `new InputError(…)` and its kin, `super(…)`
 * in a subclass of them, `code = …`, a `code` variable or parameter default (any string there
 * counts, and a template literal with substitutions is reported as a computed code); and the
 * code-shaped strings (lower-case words joined by `-`, not Node.js's `EINVAL`) of `code: …`
 * and `…Code: …` properties, a `codes: {…}` object, `x.code === …`, `case …:` under
 * `switch (x.code)`, a code helper's arguments and a `…CODE…` constant (a code map). Both
 * sides of `?:`, `??` and `||` count.
 */
function codeLiterals(file: string, text: string): Literal[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: Literal[] = [];
  const lineOf = (n: ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
  const strings = (n: ts.Node | undefined, all = false): ts.Node[] => {
    if (!n) return [];
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateExpression(n)) return [n];
    if (
      ts.isParenthesizedExpression(n) ||
      ts.isAsExpression(n) ||
      ts.isSatisfiesExpression(n) ||
      ts.isNonNullExpression(n)
    )
      return strings(n.expression, all);
    if (ts.isConditionalExpression(n)) return [...strings(n.whenTrue, all), ...strings(n.whenFalse, all)];
    if (
      ts.isBinaryExpression(n) &&
      [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(n.operatorToken.kind)
    )
      return [...strings(n.left, all), ...strings(n.right, all)];
    if (all) {
      const found: ts.Node[] = [];
      n.forEachChild((c) => void found.push(...strings(c, true)));
      return found;
    }
    return [];
  };
  const add = (nodes: ts.Node[], raisedAs?: Literal['raisedAs'], onlyCodeShaped = false) => {
    for (const n of nodes) {
      const at = `${file}:${lineOf(n)}`;
      if (ts.isTemplateExpression(n)) {
        if (!onlyCodeShaped) out.push({ code: n.getText(sf), at, ...(raisedAs ? { raisedAs } : {}) });
      } else {
        const code = (n as ts.StringLiteral).text;
        if (onlyCodeShaped && !CODE.test(code)) continue;
        out.push({ code, at, ...(raisedAs ? { raisedAs } : {}) });
      }
    }
  };
  const isCodeName = (name: string) => name === 'code' || /Code$/.test(name);
  const nameOf = (n: ts.Node): string | undefined =>
    ts.isIdentifier(n) || ts.isStringLiteral(n) ? n.text : ts.isPropertyAccessExpression(n) ? n.name.text : undefined;
  const classOf = (n: ts.Node): ts.ClassLikeDeclaration | undefined => {
    for (let p: ts.Node | undefined = n.parent; p; p = p.parent) if (ts.isClassLike(p)) return p;
    return undefined;
  };
  const extendsError = (c: ts.ClassLikeDeclaration | undefined): string | undefined => {
    const base = c?.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
    return base && ts.isIdentifier(base) && base.text in CODE_ARGUMENT ? base.text : undefined;
  };
  // The functions and methods this file declares with a parameter named like a code.
  const local = new Map<string, number[]>();
  const declare = (n: ts.Node): void => {
    if ((ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n)) && n.name)
      local.set(n.name.getText(sf), codeParameters(n.parameters));
    if (
      ts.isVariableDeclaration(n) &&
      n.initializer &&
      (ts.isArrowFunction(n.initializer) || ts.isFunctionExpression(n.initializer))
    )
      local.set(n.name.getText(sf), codeParameters(n.initializer.parameters));
    ts.forEachChild(n, declare);
  };
  const codeParameters = (ps: ts.NodeArray<ts.ParameterDeclaration>) =>
    ps.flatMap((p, i) => (isCodeName(p.name.getText(sf)) ? [i] : []));
  declare(sf);
  const visit = (n: ts.Node): void => {
    const callee = ts.isCallExpression(n) ? nameOf(n.expression) : undefined;
    if (ts.isNewExpression(n) && ts.isIdentifier(n.expression) && n.expression.text in CODE_TAKERS) {
      const { indices, raisedAs } = CODE_TAKERS[n.expression.text]!;
      for (const i of indices) add(strings(n.arguments?.[i]), raisedAs);
    } else if (ts.isNewExpression(n) && ts.isIdentifier(n.expression) && n.expression.text in CODE_ARGUMENT) {
      const cls = n.expression.text as Literal['raisedAs'];
      add(strings(n.arguments?.[CODE_ARGUMENT[n.expression.text]!]), cls);
    } else if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.SuperKeyword) {
      const base = extendsError(classOf(n));
      if (base) add(strings(n.arguments[CODE_ARGUMENT[base]!]), base as Literal['raisedAs']);
    } else if (ts.isCallExpression(n) && callee !== undefined && (local.has(callee) || CODE_HELPERS.has(callee))) {
      for (const i of local.get(callee) ?? [0]) add(strings(n.arguments[i]), undefined, true);
    } else if (ts.isPropertyAssignment(n) && isCodeName(nameOf(n.name) ?? '')) {
      // `{ code: 'EINVAL' }` carries a Node.js error code: only code-shaped strings are ours.
      add(strings(n.initializer), undefined, true);
    } else if (ts.isPropertyAssignment(n) && nameOf(n.name) === 'codes') {
      add(strings(n.initializer, true));
    } else if ((ts.isVariableDeclaration(n) || ts.isParameter(n) || ts.isPropertyDeclaration(n)) && n.initializer) {
      const name = n.name.getText(sf);
      if (isCodeName(name)) add(strings(n.initializer));
      else if (/CODE/.test(name)) add(strings(n.initializer, true), undefined, true);
    } else if (ts.isBinaryExpression(n)) {
      const op = n.operatorToken.kind;
      if (op === ts.SyntaxKind.EqualsToken && isCodeName(nameOf(n.left) ?? '')) add(strings(n.right));
      // The default of a code map's entry: `codes.changed ?? 'input-changed'`, `CODE_MAP[x] ?? '…'`.
      if (
        (op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarToken) &&
        /\b[a-z]*Codes\b|\bcodes\b|CODE/.test(n.left.getText(sf))
      )
        add(strings(n.right), undefined, true);
      if ([ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken].includes(op)) {
        // `err.code === 'EEXIST'` compares a Node.js error code: only code-shaped strings are ours.
        if (isCodeName(nameOf(n.left) ?? '')) add(strings(n.right), undefined, true);
        if (isCodeName(nameOf(n.right) ?? '')) add(strings(n.left), undefined, true);
      }
    } else if (ts.isSwitchStatement(n) && isCodeName(nameOf(n.expression) ?? '')) {
      for (const clause of n.caseBlock.clauses)
        if (ts.isCaseClause(clause)) add(strings(clause.expression), undefined, true);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const p = `${dir}/${e.name}`;
    if (e.isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(ts|mts|cts)$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out.sort();
}

let scanned: Literal[] | undefined;
/** Every code literal of src/, codes.ts (the lists themselves) aside (read once). */
function srcLiterals(): Literal[] {
  scanned ??= sourceFiles('src')
    .filter((f) => f !== CODES_FILE)
    .flatMap((f) => codeLiterals(f, readFileSync(join(ROOT, f), 'utf8')));
  return scanned;
}

const difference = <T>(a: Iterable<T>, b: ReadonlySet<T>) => [...a].filter((x) => !b.has(x)).sort();

// --- The tests -------------------------------------------------------------------------

test('codes.ts: every code has the shape of a code, and no list names a code twice', () => {
  for (const cls of CLASSES) {
    const list: readonly string[] = ERROR_CODES[cls];
    assert.deepEqual(
      list.filter((c) => !CODE.test(c)),
      [],
      `${cls}: not codes`,
    );
    assert.deepEqual(
      list.filter((c, i) => list.indexOf(c) !== i),
      [],
      `${cls}: listed twice`,
    );
  }
});

test('the tables of spec/ are well formed, and each code has exactly one row', () => {
  const { rows, problems } = specTables();
  assert.deepEqual(problems, []);
  const seen = new Map<string, string[]>();
  for (const r of rows) seen.set(r.code, [...(seen.get(r.code) ?? []), r.at]);
  const twice = [...seen]
    .filter(([, at]) => at.length > 1)
    .map(([code, at]) => `\`${code}\` has ${at.length} rows: ${at.join('; ')}`);
  assert.deepEqual(twice, [], `a code in more than one row:\n  ${twice.join('\n  ')}`);
});

test('the codes of codes.ts are exactly the codes of the tables of spec/, class by class', () => {
  const lists = listed();
  const { rows } = specTables();
  const tables = new Map(rows.map((r) => [r.code, r]));
  const undocumented = difference(lists.keys(), new Set(tables.keys()));
  const unused = difference(tables.keys(), new Set(lists.keys()));
  assert.deepEqual(
    { undocumented, unused },
    { undocumented: [], unused: [] },
    [
      undocumented.length
        ? `in ${CODES_FILE} but in no error-code table of spec/ (give each a row, spec/ERRORS.md):\n  ${undocumented.map((c) => `${c} (${[...lists.get(c)!].join(', ')})`).join('\n  ')}`
        : '',
      unused.length
        ? `in a table of spec/ but in no list of ${CODES_FILE}:\n  ${unused.map((c) => `${c} (${tables.get(c)!.at})`).join('\n  ')}`
        : '',
    ]
      .filter(Boolean)
      .join('\n'),
  );
  const classes = [...lists].flatMap(([code, cls]) => {
    const row = tables.get(code)!;
    const inTable = [...row.classes].sort().join(', ');
    const inLists = [...cls].sort().join(', ');
    return inTable === inLists
      ? []
      : [`${code}: the table says ${inTable} (${row.at}), ${CODES_FILE} lists it under ${inLists}`];
  });
  assert.deepEqual(classes, [], `classes differ:\n  ${classes.join('\n  ')}`);
});

test('every code literal in src/ is in codes.ts, and one raised through a class is one that class takes', () => {
  const lists = listed();
  const literals = srcLiterals();
  assert.ok(
    literals.length > 300,
    `only ${literals.length} code literals found in src/: is the scan still seeing the throw sites?`,
  );
  const unknown = literals.filter((l) => !lists.has(l.code)).map((l) => `${l.at}: ${JSON.stringify(l.code)}`);
  assert.deepEqual(
    unknown,
    [],
    `code literals in src/ that are in no list of ${CODES_FILE} (add them there and to a table of spec/; a computed code cannot be listed):\n  ${unknown.join('\n  ')}`,
  );
  const wrongClass = literals
    .filter((l) => l.raisedAs && lists.has(l.code) && !ACCEPTS[l.raisedAs]!.some((c) => lists.get(l.code)!.has(c)))
    .map((l) => `${l.at}: ${l.code} raised as ${l.raisedAs}, listed under ${[...lists.get(l.code)!].join(', ')}`);
  assert.deepEqual(wrongClass, [], `codes raised through a class whose list lacks them:\n  ${wrongClass.join('\n  ')}`);
});

test('every code of codes.ts is raised somewhere in src/', () => {
  const raised = new Set(srcLiterals().map((l) => l.code));
  const never = difference(listed().keys(), raised);
  assert.deepEqual(
    never,
    [],
    `listed in ${CODES_FILE} but never raised in src/ (remove them, and their rows):\n  ${never.join('\n  ')}`,
  );
});

test('the scan finds code literals in each kind of place', () => {
  const found = codeLiterals(
    'x.ts',
    `throw new InputError('a-1', 'm'); throw new Refusal(400, c ? 'a-2' : 'a-3', 'm');
     class E extends VerificationError { constructor() { super('a-4', 'm'); } }
     r.fail('a-5', 'path', 'not a code'); const o = { code: 'a-6', codes: { unreadable: 'a-7' } };
     code = 'a-8'; const errCode = x ?? 'a-9'; if (f.code === 'a-10' || e.code === 'ENOENT') {}
     switch (f.code) { case 'a-11': break; } const CODE_MAP = { X_ERROR: 'a-12' };
     new VerificationError(\`a-\${n}\`, 'm'); carried('a-13'); const s = new Shape(what, 'a-14', 'a-15');
     const bad = (why: string, code = 'a-16') => {}; bad('why-not', 'a-17'); const c = codes.x ?? 'a-18';`,
  );
  assert.deepEqual(
    found.map((l) => l.code).sort(),
    [
      'a-1',
      'a-2',
      'a-3',
      'a-4',
      'a-5',
      'a-6',
      'a-7',
      'a-8',
      'a-9',
      'a-10',
      'a-11',
      'a-12',
      'a-13',
      'a-14',
      'a-15',
      'a-16',
      'a-17',
      'a-18',
      '`a-${n}`',
    ].sort(),
  );
  assert.equal(found.find((l) => l.code === 'a-4')?.raisedAs, 'VerificationError');
});
