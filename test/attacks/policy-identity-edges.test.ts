// Attack catalogue: the edges of the policy's identity and countersigner rules (spec/POLICY.md
// §3.3, §3.3.1, §3.3.2, §3.5, §3.5.1, §3.6, §3.10), tested without a stack. Mutation testing
// (npm run mutation) of src/lib/formats/policy/identity.ts and src/lib/formats/policy/countersigners.ts showed
// which rules no test pinned: the anchors of each GitHub claim format, each rule of an anchored
// identity pattern, the parts of the issuer URL, the countersigner's log, the organisation
// spellings and the threshold's messages. Each rule is tested on both sides, and each refusal
// by its exact code and one-line message (file, line, JSON path, expected, found): that line is
// all a user has to find what is wrong in a policy file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { PolicyError } from '../../src/lib/basics/errors/errors.ts';
import { parsePolicy, type Policy } from '../../src/lib/formats/policy/index.ts';
import { anchoredPatternProblem } from '../../src/lib/formats/policy/identity.ts';
import { quote } from '../../src/lib/formats/policy/diff-text.ts';

const ISSUER = 'https://token.actions.githubusercontent.com';
const IDENTITY = 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main';
/** The source-repository pin every policy needs (POLICY.md §3.3.3). */
const PIN = { repository: 'acme/app', repositoryId: '123', repositoryOwnerId: '456' };

function newKey(): { pem: string; keyId: string } {
  const { publicKey } = generateKeyPairSync('ed25519');
  const pem = publicKey.export({ type: 'spki', format: 'pem' }) as string;
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x as string, 'base64url');
  return { pem, keyId: `sha256:${createHash('sha256').update(raw).digest('hex')}` };
}
const B = newKey();
const C = newKey();
const R = newKey();
const LOG = newKey();
const P256 = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({
  type: 'spki',
  format: 'pem',
}) as string;

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A valid policy: organisations B and C, threshold 1; `edit` changes it before it is written. */
function doc(edit: (d: Doc) => void = () => {}): Doc {
  const d: Doc = {
    mediaType: 'application/vnd.countersign.policy.v1+json',
    version: 1,
    primary: { issuer: ISSUER, identity: IDENTITY, githubClaims: { ...PIN } },
    trustedRoot: { mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1' },
    countersigners: [
      { name: 'b-release', organisation: 'B', keyId: B.keyId, publicKey: B.pem },
      { name: 'c-release', organisation: 'C', keyId: C.keyId, publicKey: C.pem },
    ],
    threshold: 1,
    kinds: ['binary-digest', 'authority-rotation'],
    streams: ['acme/app:stable'],
  };
  edit(d);
  return d;
}

/** Parses the policy written on one line (so every error is on line 1). */
function parse(edit: (d: Doc) => void = () => {}): Policy {
  return parsePolicy(JSON.stringify(doc(edit)), 'policy.json');
}

/** Throws a PolicyError with exactly this code and message. */
function refusesText(text: string, code: string, message: string): void {
  assert.throws(
    () => parsePolicy(text, 'policy.json'),
    (err: unknown) => {
      assert.ok(err instanceof PolicyError, String(err));
      assert.deepEqual({ code: err.code, message: err.message }, { code, message });
      return true;
    },
  );
}

/** The one-line policy `edit` makes is refused with `code` and `policy.json:1: ${message}`. */
function refuses(edit: (d: Doc) => void, code: string, message: string): void {
  refusesText(JSON.stringify(doc(edit)), code, `policy.json:1: ${message}`);
}

/** The reason V8 gives for not compiling `pattern` with the u flag (part of our message). */
function compileError(pattern: string): string {
  try {
    new RegExp(pattern, 'u');
  } catch (err) {
    return (err as Error).message;
  }
  assert.fail(`${pattern} compiles`);
}

// --- identityPattern (§3.3.1)

test('PI1 identityPattern: anchored patterns pass, each broken rule is refused with its own message', () => {
  const accepted = [
    '^a$',
    '^(?:a|b)$', // | inside a group
    '^[a|b]$', // | inside a class of several characters: the class ends at its ], not before
    '^[|$]x$', // | and $ inside a class
    '^(a$|b)c$', // a $ inside a group is not the end
    '^a\\\\$', // an escaped backslash, then the anchor
    '^[\\]$]x$', // an escaped ] does not end the class
  ];
  for (const pattern of accepted) assert.equal(anchoredPatternProblem(pattern), undefined, pattern);

  const start = (p: string) => `expected an anchored pattern starting with ^, found ${JSON.stringify(p)}`;
  const end = (p: string) => `expected an anchored pattern ending with an unescaped $, found ${JSON.stringify(p)}`;
  const alternation = (p: string) =>
    `expected no top-level | (it escapes the anchors; write ^(?:a|b)$), found ${JSON.stringify(p)}`;
  const compile = (p: string) =>
    `expected a regular expression that compiles with the u flag, found ${JSON.stringify(p)} (${compileError(p)})`;
  const refused: [string, string][] = [
    ['a$', start('a$')],
    ['^a', end('^a')],
    ['^a\\$', end('^a\\$')], // escaped: a literal $
    ['^[a$]', end('^[a$]')], // in a class: a literal $
    ['^a$b', end('^a$b')],
    ['^(a$)', end('^(a$)')],
    ['^a$|^b$', alternation('^a$|^b$')],
    ['^a|b$', alternation('^a|b$')],
    ['^(a)|(b)$', alternation('^(a)|(b)$')],
    ['^a|b', end('^a|b')], // the end is checked first
    // Valid without the u flag, not with it: compiled with u, as the verifier does.
    ['^a\\-b$', compile('^a\\-b$')],
    ['^a{2,1}$', compile('^a{2,1}$')],
    ['^(unclosed$', compile('^(unclosed$')],
  ];
  for (const [pattern, problem] of refused) assert.equal(anchoredPatternProblem(pattern), problem, pattern);
  assert.match(compile('^a\\-b$'), /\(Invalid regular expression: \/\^a\\-b\$\/u: /);
});

test('PI2 identityPattern in a policy: policy-bad-pattern at primary.identityPattern; at most 1024 characters', () => {
  const withPattern = (pattern: string) => (d: Doc) => {
    delete d.primary.identity;
    d.primary.identityPattern = pattern;
  };
  assert.equal(parse(withPattern('^[a|b]$')).primary.identityPattern, '^[a|b]$');
  refuses(
    withPattern('^a|b$'),
    'policy-bad-pattern',
    'primary.identityPattern: expected no top-level | (it escapes the anchors; write ^(?:a|b)$), found "^a|b$"',
  );
  refuses(
    withPattern('^a\\-b$'),
    'policy-bad-pattern',
    `primary.identityPattern: expected a regular expression that compiles with the u flag, found "^a\\\\-b$" (${compileError('^a\\-b$')})`,
  );
  const long = `^${'a'.repeat(1022)}$`;
  assert.equal(parse(withPattern(long)).primary.identityPattern, long);
  refuses(
    withPattern(`^${'a'.repeat(1023)}$`),
    'policy-malformed',
    'primary.identityPattern: expected at most 1024 characters, found 1025',
  );
});

test('PI3 identity and identityPattern: both is policy-ambiguous at the key of identityPattern, neither is policy-malformed', () => {
  // Key and value on different lines: the error names the line of the key.
  const text = JSON.stringify(
    doc((d) => (d.primary.identityPattern = '^x$')),
    null,
    2,
  ).replace('"identityPattern": "', '"identityPattern":\n      "');
  const keyLine = text.slice(0, text.indexOf('"identityPattern"')).split('\n').length;
  assert.equal(text.split('\n')[keyLine]?.trim(), '"^x$"');
  refusesText(
    text,
    'policy-ambiguous',
    `policy.json:${keyLine}: primary.identityPattern: expected exactly one of "identity" (exact) or "identityPattern" (regular expression), found both`,
  );
  refuses(
    (d) => delete d.primary.identity,
    'policy-malformed',
    'primary: missing field "identity" (or, to match a regular expression, "identityPattern")',
  );
  refuses(
    (d) => (d.primary.identity = 42),
    'policy-malformed',
    'primary.identity: expected a string, found the number 42',
  );
});

// --- issuer (§3.3)

test('PI4 issuer: an https URL without user, password, query, fragment or whitespace', () => {
  for (const issuer of [ISSUER, 'https://issuer.example/tenant', 'https://issuer.example:8443/a/b'])
    assert.equal(parse((d) => (d.primary.issuer = issuer)).primary.issuer, issuer);
  const refused = [
    'token.actions.githubusercontent.com', // not a URL
    'http://token.actions.githubusercontent.com',
    'https://user@token.actions.githubusercontent.com',
    'https://:secret@token.actions.githubusercontent.com', // a password without a user name
    'https://token.actions.githubusercontent.com#main',
    'https://token.actions.githubusercontent.com/ x',
    // OpenID Connect Core §2: no query or fragment; empty ones too, which the URL parser
    // reports as absent, and an empty user info.
    'https://issuer.example/tenant?x=1',
    'https://token.actions.githubusercontent.com?',
    'https://token.actions.githubusercontent.com#',
    'https://@token.actions.githubusercontent.com',
  ];
  for (const issuer of refused) {
    refuses(
      (d) => (d.primary.issuer = issuer),
      'policy-malformed',
      `primary.issuer: expected an https URL like https://token.actions.githubusercontent.com, found ${JSON.stringify(issuer)}`,
    );
  }
});

// --- githubClaims (§3.3.2)

test('PI5 githubClaims: each format anchored at both ends, with its own expected text', () => {
  const cases: { claim: string; ok: string[]; bad: string[]; expected: string }[] = [
    { claim: 'repository', ok: ['acme/app'], bad: ['acme/app/x', 'acme', 'acme /app'], expected: 'owner/name' },
    { claim: 'repositoryId', ok: ['123'], bad: ['x123', '123x', 'acme/app'], expected: 'a numeric id' },
    { claim: 'repositoryOwner', ok: ['acme'], bad: ['acme/app', 'ac me'], expected: 'an owner name without "/"' },
    { claim: 'repositoryOwnerId', ok: ['456'], bad: ['x456', '456x'], expected: 'a numeric id' },
    {
      claim: 'ref',
      ok: ['refs/heads/main', 'refs/tags/v1'],
      bad: ['main', 'xrefs/heads/main', 'refs/heads/main x', 'refs/'],
      expected: 'a full ref like refs/heads/main or refs/tags/v1',
    },
    {
      claim: 'runnerEnvironment',
      ok: ['github-hosted', 'self-hosted'],
      bad: ['xgithub-hosted', 'self-hostedx', 'hosted'],
      expected: 'github-hosted or self-hosted',
    },
    {
      claim: 'eventName',
      ok: ['push', 'workflow_dispatch'],
      bad: ['Push', 'push!', 'pull-request'],
      expected: 'a GitHub event name like push or workflow_dispatch',
    },
  ];
  for (const { claim, ok, bad, expected } of cases) {
    for (const value of ok)
      assert.deepEqual(parse((d) => (d.primary.githubClaims = { ...PIN, [claim]: value })).primary.githubClaims, {
        ...PIN,
        [claim]: value,
      });
    for (const value of bad) {
      refuses(
        (d) => (d.primary.githubClaims = { ...PIN, [claim]: value }),
        'policy-malformed',
        `primary.githubClaims.${claim}: expected ${expected}, found ${JSON.stringify(value)}`,
      );
    }
  }
});

// --- countersigners (§3.5)

test('PI6 countersigner name: letters, digits, . _ - (at most 64), unique; exact path and message', () => {
  assert.equal(
    parse((d) => (d.countersigners[1].name = `c${'.'.repeat(63)}`)).countersigners[1]?.name,
    `c${'.'.repeat(63)}`,
  );
  refuses(
    (d) => (d.countersigners[1].name = `c${'.'.repeat(64)}`),
    'policy-malformed',
    'countersigners[1].name: expected at most 64 characters, found 65',
  );
  for (const name of ['b=c', '.c', 'c d', 'ç']) {
    refuses(
      (d) => (d.countersigners[1].name = name),
      'policy-malformed',
      `countersigners[1].name: expected letters, digits, '.', '_' or '-' (at most 64), found ${JSON.stringify(name)}`,
    );
  }
  refuses(
    (d) => (d.countersigners[1].name = 'b-release'),
    'policy-duplicate-entry',
    'countersigners[1].name: expected a unique name, found "b-release" again (first at countersigners[0])',
  );
});

test("PI7 organisation: the one form of POLICY.md §3.5.2 (ASCII letters, digits, single spaces, . , - _ & ' ( )), 1 to 200 characters", () => {
  const form = (o: string) =>
    `countersigners[1].organisation: expected an organisation name of ASCII letters and digits, with single spaces between words and no other characters than . , - _ & ' ( ), found ${quote(o)}`;
  for (const organisation of [
    ' C',
    'C ',
    'C\u00a0',
    '\u2003C',
    'Org  C',
    'Org/C',
    'Org C!',
    'Org: C',
    '-',
    "()&'",
    'Straße',
  ]) {
    refuses((d) => (d.countersigners[1].organisation = organisation), 'policy-bad-organisation', form(organisation));
  }
  for (const organisation of ['Org C', 'C', 'Acme, Inc.', "O'Neil & Sons (EU)", 'c_release-2', '9']) {
    assert.equal(
      parse((d) => (d.countersigners[1].organisation = organisation)).countersigners[1]?.organisation,
      organisation,
    );
  }
  assert.equal(
    parse((d) => (d.countersigners[1].organisation = 'C'.repeat(200))).countersigners[1]?.organisation,
    'C'.repeat(200),
  );
  refuses(
    (d) => (d.countersigners[1].organisation = 'C'.repeat(201)),
    'policy-malformed',
    'countersigners[1].organisation: expected at most 200 characters, found 201',
  );
});

test('PI8 organisation spellings: one organisation, one spelling (case, spaces, punctuation, ASCII look-alikes); the same spelling twice is one organisation', () => {
  const pairs: [string, string][] = [
    ['Org B', 'org b'],
    ['Org B', 'OrgB'],
    ['Org B', 'Org-B'],
    ['Acme Inc.', 'Acme, Inc'],
    ['Org B', '0rg B'], // zero
    ['Org I', 'Org l'], // capital i, small L
    ['Org 1', 'Org l'],
    ['Acme', 'Acrne'], // rn
    ['Www', 'Vvww'], // vv
    ['Dell', 'Clell'], // cl
  ];
  for (const [first, second] of pairs) {
    refuses(
      (d) => {
        d.countersigners[0].organisation = first;
        d.countersigners[1].organisation = second;
      },
      'policy-ambiguous',
      `countersigners[1].organisation: expected one spelling per organisation, found ${JSON.stringify(second)} and ${JSON.stringify(first)} (names that differ only in letter case, spaces, punctuation or the look-alikes 0/O, 1/I/l, rn/m, vv/w, cl/d are one organisation)`,
    );
  }
  assert.deepEqual(
    parse(
      (d) => ((d.countersigners[0].organisation = 'Org B'), (d.countersigners[1].organisation = 'Org D')),
    ).countersigners.map((k) => k.organisation),
    ['Org B', 'Org D'],
  );
  const same = parse((d) => {
    d.countersigners[1].organisation = 'B';
    d.countersigners.push({ name: 'r', organisation: 'R', keyId: R.keyId, publicKey: R.pem });
    d.threshold = 2;
  });
  assert.deepEqual(
    same.countersigners.map((k) => k.organisation),
    ['B', 'B', 'R'],
  );
  assert.equal(same.threshold, 2);
});

/** The look-alikes of "Org B" in issue 13 F7, by what each hides. */
const LOOK_ALIKES: readonly [string, string][] = [
  ['a Cyrillic О', '\u041erg B'],
  ['a zero-width space', 'Org\u200bB'],
  ['a right-to-left mark', 'Org B\u200f'],
  ['a word joiner', 'Org\u2060 B'],
  ['a combining grapheme joiner', 'Org B\u034f'],
  ['a Hangul filler', 'Org\u3164B'],
  ['a double space', 'Org  B'],
];

test('F7 look-alike organisation names: each look-alike of "Org B" in the finding is policy-bad-organisation, in countersigners and in the fallback set, so B alone cannot count twice', () => {
  for (const [what, lookAlike] of LOOK_ALIKES) {
    const message = (path: string) =>
      `${path}: expected an organisation name of ASCII letters and digits, with single spaces between words and no other characters than . , - _ & ' ( ), found ${quote(lookAlike)}`;
    // Threshold 2 with "Org B" and its look-alike: before the fix, B's two keys met it alone.
    refuses(
      (d) => {
        d.countersigners[0].organisation = 'Org B';
        d.countersigners[1].organisation = lookAlike;
        d.threshold = 2;
      },
      'policy-bad-organisation',
      message('countersigners[1].organisation'),
    );
    refuses(
      (d) => {
        d.countersigners[0].organisation = 'Org B';
        d.kinds = ['binary-digest', 'authority-rotation'];
        d.fallback = {
          countersigners: [{ name: 'r', organisation: lookAlike, keyId: R.keyId, publicKey: R.pem }],
          threshold: 1,
        };
      },
      'policy-bad-organisation',
      message('fallback.countersigners[0].organisation'),
    );
    assert.match(quote(lookAlike), /^"[\x20-\x7e]*"$/, `${what}: the message shows it escaped`);
  }
  // The same name, spelled the same, is still one organisation: threshold 2 cannot be met by it.
  refuses(
    (d) => (
      (d.countersigners[0].organisation = 'Org B'),
      (d.countersigners[1].organisation = 'Org B'),
      (d.threshold = 2)
    ),
    'policy-threshold',
    'threshold: expected at most 1 (the threshold counts distinct organisations: Org B), found 2',
  );
});

test('PI9 keyId and publicKey: exact paths and messages; the same key twice is a duplicate', () => {
  const upper = C.keyId.toUpperCase();
  refuses(
    (d) => (d.countersigners[1].keyId = upper),
    'policy-malformed',
    `countersigners[1].keyId: expected sha256: and 64 lowercase hex digits, found ${JSON.stringify(upper)}`,
  );
  refuses(
    (d) => (d.countersigners[1].keyId = `${C.keyId}0`),
    'policy-malformed',
    'countersigners[1].keyId: expected at most 71 characters, found 72',
  );
  refuses(
    (d) => (d.countersigners[1].keyId = B.keyId),
    'policy-key-mismatch',
    `countersigners[1].keyId: expected sha256 of the public key (${C.keyId}), found ${B.keyId}`,
  );
  refuses(
    (d) => (d.countersigners[1].publicKey = 42),
    'policy-malformed',
    'countersigners[1].publicKey: expected a string, found the number 42',
  );
  refuses(
    (d) => (d.countersigners[1].publicKey = P256),
    'policy-bad-key',
    'countersigners[1].publicKey: expected an Ed25519 SPKI public key, found an EC P-256 key',
  );
  refuses(
    (d) => (d.countersigners[1].publicKey = 'ssh-ed25519 AAAA'),
    'policy-bad-key',
    'countersigners[1].publicKey: expected a PEM block "-----BEGIN PUBLIC KEY-----", found no PEM block',
  );
  refuses(
    (d) => (d.countersigners[1].publicKey = C.pem + B.pem),
    'policy-bad-key',
    'countersigners[1].publicKey: expected exactly one PEM block "PUBLIC KEY", found 2 (PUBLIC KEY, PUBLIC KEY)',
  );
  refuses(
    (d) => (d.countersigners[1] = { ...d.countersigners[0], name: 'again', organisation: 'C' }),
    'policy-duplicate-entry',
    `countersigners[1].publicKey: expected each key once, found the key ${B.keyId} again (first at countersigners[0])`,
  );
});

test('PI10 validity window: RFC 3339 UTC at validFrom and validUntil; validUntil one second after validFrom passes, equal fails', () => {
  refuses(
    (d) => (d.countersigners[0].validFrom = '2026-01-01'),
    'policy-malformed',
    'countersigners[0].validFrom: expected an RFC 3339 UTC time like 2026-01-01T00:00:00Z, found "2026-01-01"',
  );
  refuses(
    (d) => (d.countersigners[0].validUntil = '2026-01-01T00:00:00.000Z'),
    'policy-malformed',
    'countersigners[0].validUntil: expected an RFC 3339 UTC time like 2026-01-01T00:00:00Z, found "2026-01-01T00:00:00.000Z"',
  );
  const window = (validFrom: string, validUntil: string) => (d: Doc) =>
    Object.assign(d.countersigners[0], { validFrom, validUntil });
  const key = parse(window('2026-01-01T00:00:00Z', '2026-01-01T00:00:01Z')).countersigners[0];
  assert.deepEqual(
    [key?.validFrom?.toISOString(), key?.validUntil?.toISOString()],
    ['2026-01-01T00:00:00.000Z', '2026-01-01T00:00:01.000Z'],
  );
  refuses(
    window('2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
    'policy-validity-window',
    'countersigners[0].validUntil: expected a time after validFrom (2026-01-01T00:00:00Z), found 2026-01-01T00:00:00Z',
  );
});

// --- log (§3.5.1)

test('PI11 log: origin and key are read; each field refused with its path (origin without whitespace or +, at most 256)', () => {
  const origin = 'countersign.example.org/b-release';
  const withLog = (log: unknown) => (d: Doc) => (d.countersigners[0].log = log);
  const key = parse(withLog({ origin, publicKey: LOG.pem })).countersigners[0];
  assert.equal(key?.log?.origin, origin);
  assert.equal(key?.log?.publicKey, LOG.pem);
  assert.equal(
    `sha256:${createHash('sha256')
      .update(key?.log?.rawPublicKey ?? new Uint8Array())
      .digest('hex')}`,
    LOG.keyId,
  );
  // The countersigner's own key may be its log's key.
  assert.equal(parse(withLog({ origin, publicKey: B.pem })).countersigners[0]?.log?.publicKey, B.pem);
  assert.equal(
    parse(withLog({ origin: 'o'.repeat(256), publicKey: LOG.pem })).countersigners[0]?.log?.origin,
    'o'.repeat(256),
  );

  refuses(
    withLog('countersign.example.org'),
    'policy-malformed',
    'countersigners[0].log: expected an object, found the string "countersign.example.org"',
  );
  refuses(withLog({ publicKey: LOG.pem }), 'policy-malformed', 'countersigners[0].log: missing field "origin"');
  refuses(
    withLog({ origin, publicKey: LOG.pem, keyId: LOG.keyId }),
    'policy-unknown-field',
    'countersigners[0].log.keyId: unknown field (expected only: origin, publicKey, witnesses)',
  );
  for (const bad of ['countersign example', 'countersign+example']) {
    refuses(
      withLog({ origin: bad, publicKey: LOG.pem }),
      'policy-malformed',
      `countersigners[0].log.origin: expected a log origin without spaces or '+' (e.g. countersign.example.org/b-release), found ${JSON.stringify(bad)}`,
    );
  }
  refuses(
    withLog({ origin: 'o'.repeat(257), publicKey: LOG.pem }),
    'policy-malformed',
    'countersigners[0].log.origin: expected at most 256 characters, found 257',
  );
  refuses(
    withLog({ origin, publicKey: 42 }),
    'policy-malformed',
    'countersigners[0].log.publicKey: expected a string, found the number 42',
  );
  refuses(
    withLog({ origin, publicKey: P256 }),
    'policy-bad-key',
    'countersigners[0].log.publicKey: expected an Ed25519 SPKI public key, found an EC P-256 key',
  );
  refuses(
    withLog({ origin, publicKey: 'none' }),
    'policy-bad-key',
    'countersigners[0].log.publicKey: expected a PEM block "-----BEGIN PUBLIC KEY-----", found no PEM block',
  );
});

// --- threshold (§3.6)

test('PI12 threshold: an integer from 1 to the number of distinct organisations, with the type or value found', () => {
  assert.equal(parse((d) => (d.threshold = 2)).threshold, 2);
  const found: [unknown, string][] = [
    [0, 'the number 0'],
    [-1, 'the number -1'],
    [1.5, 'the number 1.5'],
    ['1', 'the string "1"'],
    [null, 'null'],
    [true, 'true'],
  ];
  for (const [threshold, shown] of found)
    refuses(
      (d) => (d.threshold = threshold),
      'policy-threshold',
      `threshold: expected an integer of at least 1, found ${shown}`,
    );
  refuses(
    (d) => (d.threshold = 3),
    'policy-threshold',
    'threshold: expected at most 2 (the threshold counts distinct organisations: B, C), found 3',
  );
  refuses(
    (d) => {
      d.countersigners[1].organisation = 'B';
      d.threshold = 2;
    },
    'policy-threshold',
    'threshold: expected at most 1 (the threshold counts distinct organisations: B), found 2',
  );
});

// --- fallback (§3.10): its keys follow the rules of §3.5, under fallback.countersigners

test('PI13 fallback set: the countersigner rules apply at fallback.countersigners, its threshold at fallback.threshold', () => {
  const withFallback =
    (keys: Doc[], threshold: unknown = 1) =>
    (d: Doc) =>
      (d.fallback = { countersigners: keys, threshold });
  const recovery = { name: 'b-recovery', organisation: 'B', keyId: R.keyId, publicKey: R.pem };
  const policy = parse(withFallback([recovery]));
  assert.deepEqual(
    policy.fallback?.countersigners.map((k) => [k.name, k.organisation, k.keyId]),
    [['b-recovery', 'B', R.keyId]],
  );
  assert.equal(policy.fallback?.threshold, 1);
  refuses(
    withFallback([{ ...recovery, name: 'b recovery' }]),
    'policy-malformed',
    `fallback.countersigners[0].name: expected letters, digits, '.', '_' or '-' (at most 64), found "b recovery"`,
  );
  refuses(
    withFallback([{ ...recovery, organisation: 'B ' }]),
    'policy-bad-organisation',
    `fallback.countersigners[0].organisation: expected an organisation name of ASCII letters and digits, with single spaces between words and no other characters than . , - _ & ' ( ), found "B "`,
  );
  refuses(
    withFallback([{ ...recovery, publicKey: P256 }]),
    'policy-bad-key',
    'fallback.countersigners[0].publicKey: expected an Ed25519 SPKI public key, found an EC P-256 key',
  );
  refuses(
    withFallback([{ ...recovery, log: { origin: 'a b', publicKey: LOG.pem } }]),
    'policy-malformed',
    `fallback.countersigners[0].log.origin: expected a log origin without spaces or '+' (e.g. countersign.example.org/b-release), found "a b"`,
  );
  refuses(
    withFallback([recovery, { ...recovery, name: 'r2' }]),
    'policy-duplicate-entry',
    `fallback.countersigners[1].publicKey: expected each key once, found the key ${R.keyId} again (first at fallback.countersigners[0])`,
  );
  refuses(
    withFallback([recovery], 2),
    'policy-threshold',
    'fallback.threshold: expected at most 1 (the threshold counts distinct organisations: B), found 2',
  );
  refuses(
    withFallback([recovery], 0),
    'policy-threshold',
    'fallback.threshold: expected an integer of at least 1, found the number 0',
  );
});
