// The harness's own rules (test/action/harness/), checked against the documented runner behaviour,
// so that the action tests cannot pass because the harness is lenient.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCommand, parseFileCommand } from './harness/commands.ts';
import { type ExpressionContext, evaluate, evaluateIf, substitute } from './harness/expressions.ts';
import { inputEnvName } from './harness/runner.ts';

const ctx = (values: Record<string, string>, failed = false): ExpressionContext => ({
  failed,
  lookup: (path) => {
    const key = path.join('.');
    if (!(key in values)) throw new Error(`unknown ${key}`);
    return values[key]!;
  },
});

test('expressions: contexts, || returns an operand, == is case-insensitive on strings, if: implies success()', () => {
  const c = ctx({ 'inputs.a': '', 'inputs.b': 'x', 'steps.s.outputs.o': 'out', 'github.action_path': '/a p' });
  assert.equal(evaluate('inputs.a || inputs.b', c), 'x');
  assert.equal(evaluate('steps.s.outputs.o || inputs.b', c), 'out');
  assert.equal(evaluate("inputs.b == 'X'", c), true);
  assert.equal(evaluate("inputs.a != '' || inputs.b != ''", c), true);
  assert.equal(evaluate("inputs.a != '' && inputs.b", c), false);
  assert.equal(evaluate("'it''s'", c), "it's");
  assert.equal(substitute('node "${{ github.action_path }}/dist/x.mjs"', c), 'node "/a p/dist/x.mjs"');
  assert.equal(evaluateIf("inputs.b == 'x'", c), true);
  assert.equal(
    evaluateIf("inputs.b == 'x'", ctx({ 'inputs.b': 'x' }, true)),
    false,
    'a failed earlier step skips the step',
  );
  assert.equal(evaluateIf('${{ always() }}', ctx({}, true)), true);
  assert.throws(() => evaluate('inputs.nope', c), /unknown inputs.nope/);
  assert.throws(() => evaluate('hashFiles()', c), /unsupported function/);
});

test('file commands: name=value and heredocs; a heredoc without its delimiter is an error', () => {
  assert.deepEqual(parseFileCommand('a=1\nb<<EOF\nline 1\nline 2\nEOF\nc=x=y\n', 'out'), {
    a: '1',
    b: 'line 1\nline 2',
    c: 'x=y',
  });
  assert.throws(() => parseFileCommand('b<<EOF\nline\n', 'out'), /matching delimiter not found/);
  assert.throws(() => parseFileCommand('garbage\n', 'out'), /invalid format/);
});

test('workflow commands: data and properties unescaped; other lines are log lines', () => {
  assert.deepEqual(parseCommand('::add-mask::a%0Ab%25c'), { name: 'add-mask', properties: {}, data: 'a\nb%c' });
  assert.deepEqual(parseCommand('::error title=x%3A y%2C z::msg'), {
    name: 'error',
    properties: { title: 'x: y, z' },
    data: 'msg',
  });
  assert.equal(parseCommand('plain line :: not a command'), undefined);
});

test('INPUT_ names: upper case, spaces to underscores, hyphens kept (as @actions/core reads them)', () => {
  assert.equal(inputEnvName('subject-path'), 'INPUT_SUBJECT-PATH');
  assert.equal(inputEnvName('a b'), 'INPUT_A_B');
});
