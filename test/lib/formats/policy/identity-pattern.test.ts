// The primary identity's pattern as the primary-identity check compiles it
// (compileIdentityPattern, src/lib/formats/policy/identity.ts), and the exact words of the
// parser's source-repository refusal: a pattern that is not a string or not anchored is refused
// with policy-bad-pattern naming it, and an accepted one matches whole identities only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PolicyError } from '../../../../src/lib/basics/errors/errors.ts';
import { buildPolicy, parsePolicy } from '../../../../src/lib/formats/policy/index.ts';
import { compileIdentityPattern } from '../../../../src/lib/formats/policy/identity.ts';

const WHAT = 'identity policy: identityPattern';

function refused(pattern: unknown, message: string): void {
  assert.throws(
    () => compileIdentityPattern(pattern, WHAT),
    (err: unknown) => {
      assert.ok(err instanceof PolicyError, String(err));
      assert.equal(err.code, 'policy-bad-pattern');
      assert.equal(err.message, message);
      return true;
    },
  );
}

test('compileIdentityPattern wraps an anchored pattern as ^(?:…)$ with the u flag: whole identities only', () => {
  const re = compileIdentityPattern('^https://github\\.com/acme/[a-z]+/x\\.yml$', WHAT);
  assert.equal(re.source, '^(?:^https:\\/\\/github\\.com\\/acme\\/[a-z]+\\/x\\.yml$)$');
  assert.equal(re.flags, 'u');
  assert.ok(re.test('https://github.com/acme/app/x.yml'));
  assert.ok(!re.test('https://github.com/acme/app/x.yml@evil'));
  assert.ok(!re.test('https://github.com/acme/App/x.yml'));
});

test('compileIdentityPattern refuses a value that is not a string, naming it and what it is', () => {
  refused(42, `${WHAT}: expected an anchored regular expression, found the number 42`);
  refused(null, `${WHAT}: expected an anchored regular expression, found null`);
  refused(undefined, `${WHAT}: expected an anchored regular expression, found undefined`);
});

test('compileIdentityPattern refuses an unanchored pattern or a top-level |, in the words of the parser', () => {
  refused('a$', `${WHAT}: expected an anchored pattern starting with ^, found "a$"`);
  refused('^a|b$', `${WHAT}: expected no top-level | (it escapes the anchors; write ^(?:a|b)$), found "^a|b$"`);
  refused('^a', `${WHAT}: expected an anchored pattern ending with an unescaped $, found "^a"`);
});

const trustedRoot = JSON.parse(
  readFileSync(
    fileURLToPath(new URL('../../../../spec/vectors/happy-path/trusted_root.json', import.meta.url)),
    'utf8',
  ),
) as Record<string, unknown>;
const keyPem = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }) as string;

test('a policy without the source-repository pin is refused with every claim named, comma-separated', () => {
  const text = JSON.stringify(
    buildPolicy({
      identity: 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main',
      githubClaims: { repository: 'acme/app' },
      trustedRoot,
      countersigners: [{ name: 'b', organisation: 'B', publicKeyPem: keyPem }],
      streams: ['acme/app:stable'],
    }),
    null,
    2,
  );
  assert.throws(
    () => parsePolicy(text, 'policy.json'),
    (err: unknown) => {
      assert.ok(err instanceof PolicyError, String(err));
      assert.equal(err.code, 'policy-source-repository-unpinned');
      assert.equal(
        err.message,
        'policy.json:7: primary.githubClaims: expected the source repository pinned (githubClaims repository, repositoryId, repositoryOwnerId: any repository calling the workflow gets its identity), missing repositoryId, repositoryOwnerId; to accept that, "unsafeNoSourceRepositoryPin": true',
      );
      return true;
    },
  );
});
