// `npm run vectors`: regenerates the test vectors in spec/vectors/ (layout and cases:
// spec/vectors/README.md). It starts the local Sigstore stack (src/stack/), signs real
// primaries through its Fulcio, Rekor and TSA, countersigns with test keys, derives every
// invalid case from a valid one by exactly one change, writes each case folder fresh, and then
// verifies every folder the way test/lib/pipeline/vectors.test.ts does, failing if any outcome, check or
// code differs from the case's expected.json (a generator never commits a wrong vector).
//
// Deterministic where it can be: fixed names, versions, stream, file contents and test keys
// (seeds derived from fixed labels); every time is an offset from one "now" read at start.
// Not deterministic: the stack's keys (so the trusted root), certificates, ECDSA signatures,
// log indexes and the times themselves, which is why the whole set is regenerated at once.
import { createHash, createPrivateKey, createPublicKey } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serializeBundle } from '../src/lib/formats/bundle/bundle.ts';
import { rfc3339 } from '../src/lib/basics/json/shape.ts';
import { buildStatement, serializeStatement } from '../src/lib/formats/statement/statement.ts';
import { BUNDLE_MEDIA_TYPE, type Countersignature, type Subject } from '../src/lib/formats/core/types.ts';
import { countersignBundle } from '../src/lib/flows/countersign/countersign-bundle.ts';
import { peekRotation } from '../src/lib/flows/countersign/rotation-review.ts';
import { createCountersignature } from '../src/lib/formats/countersignature/create.ts';
import { parsePrivateKeyPem } from '../src/lib/basics/crypto/ed25519-keys.ts';
import { seedSigner, type CountersignSigner } from '../src/lib/basics/crypto/signer.ts';
import { sha256Hex } from '../src/lib/basics/crypto/sha256.ts';
import { collectSubjects } from '../src/lib/formats/subjects/index.ts';
import { writeFileAtomic } from '../src/lib/basics/io/atomic-write.ts';
import { buildPolicy, parsePolicy, type Policy } from '../src/lib/formats/policy/index.ts';
import { instanceFromStackDescription } from '../src/lib/formats/stack/description.ts';
import { serializeState } from '../src/lib/formats/state/state.ts';
import { rotationStatementParts } from '../src/lib/flows/rotation/index.ts';
import { signStatement } from '../src/lib/flows/sign/sign.ts';
import { verifyPrimary } from '../src/lib/checks/sigstore/verify-primary.ts';
import { trustMaterialOf } from '../src/lib/checks/sigstore/trusted-root.ts';
import { evaluateVectorCase } from '../tools/vector-case.ts';
import { fetchToken, sourceRepositoryOf, startStack, type Stack } from '../src/stack/index.ts';

const VECTORS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'spec', 'vectors');
const STREAM = 'acme/app:stable';
const OTHER_STREAM = 'acme/app:beta';
const WORKFLOW = 'acme/app/.github/workflows/release.yml@refs/heads/main';
const OTHER_WORKFLOW = 'acme/app/.github/workflows/other.yml@refs/heads/main';
/** A workflow of another repository that calls A's release workflow as a reusable workflow (on: workflow_call). */
const CALLER_WORKFLOW = 'evil/fork/.github/workflows/ci.yml@refs/heads/main';
/** Where A's release workflow moved to in the identity rotation (policy v3 of the rotation cases). */
const MOVED_WORKFLOW = 'acme/app-platform/.github/workflows/release.yml@refs/heads/main';
/** The stream of the rotation statements. */
const POLICY_STREAM = 'acme/app:policy';
const VERSION = 7;
const DAY = 86_400_000;
/** The release files: the subjects of every statement, and artifacts/ where a case needs them. */
const RELEASE: Record<string, string> = {
  'app-darwin-arm64': 'Mach-O... pretend this is a binary\n'.repeat(64),
  'app-linux-amd64': 'ELF... pretend this is a binary\n'.repeat(64),
  'config/settings.json': '{"channel": "stable"}\n',
};
/** What an attacker would ship instead of app-linux-amd64. */
const BACKDOORED = 'ELF... a backdoored binary\n';
/** RFC 8410 §7 PKCS#8 prefix: the DER of a private key is this plus the 32-byte seed. */
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
/** L, the order of Ed25519's prime-order subgroup (RFC 8032 §5.1). */
const L = 2n ** 252n + 27742317777372353535851937790883648493n;

type Outcome = 'verified' | 'rejected' | 'pending-countersign';
interface Expected {
  outcome: Outcome;
  check: string | null;
  code: string | null;
  verifyAt: string;
  description: string;
}
interface VectorCase {
  name: string;
  bundle: string;
  policy: Record<string, unknown>;
  state?: string;
  artifacts?: Record<string, string>;
  rotations?: string[];
  expected: Expected;
}
interface TestKey {
  name: string;
  publicKeyPem: string;
  signer: CountersignSigner;
}
type Primary = Record<string, unknown>;

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
const bundleOf = (primary: Primary, countersignatures: Countersignature[]): string =>
  serializeBundle({ mediaType: BUNDLE_MEDIA_TYPE, primary, countersignatures });
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** A test key whose seed is SHA-256 of a fixed label: public, for test vectors only. */
function testKey(name: string): TestKey {
  const seed = createHash('sha256').update(`countersign test vectors: ${name}`).digest();
  const pem = `-----BEGIN PRIVATE KEY-----\n${Buffer.concat([PKCS8_PREFIX, seed]).toString('base64')}\n-----END PRIVATE KEY-----\n`;
  const key = parsePrivateKeyPem(pem, `test key ${name}`);
  const publicKeyPem = createPublicKey(createPrivateKey(pem)).export({ type: 'spki', format: 'pem' }) as string;
  return { name, publicKeyPem, signer: seedSigner(key.seed, key.keyId) };
}

async function generate(stack: Stack, now: Date, subjects: Subject[]): Promise<VectorCase[]> {
  const at = (ms: number) => new Date(now.getTime() + ms);
  const verifyAt = rfc3339(at(3600_000));
  const signedAt = at(300_000); // B countersigns five minutes after A issued the statement
  const trustedRoot = JSON.parse(await readFile(stack.description.trustedRoot, 'utf8')) as Record<string, unknown>;
  const [b, b2, c, rogue] = [testKey('b-release'), testKey('b-backup'), testKey('c-release'), testKey('rogue')] as [
    TestKey,
    TestKey,
    TestKey,
    TestKey,
  ];
  const organisations: Record<string, string> = {
    'b-release': 'Org B',
    'b-backup': 'Org B',
    'c-release': 'Org C',
    'd-release': 'Org D',
  };

  const policyOf = (
    o: {
      keys?: TestKey[];
      threshold?: number;
      streams?: string[];
      kinds?: string[];
      validFrom?: Date;
      validUntil?: Date;
    } = {},
  ) =>
    buildPolicy({
      identity: stack.description.identity,
      issuer: stack.description.issuer,
      githubClaims: stack.sourceRepository,
      trustedRoot,
      countersigners: (o.keys ?? [b]).map((k) => ({
        name: k.name,
        organisation: organisations[k.name] ?? k.name,
        publicKeyPem: k.publicKeyPem,
        ...(o.validFrom ? { validFrom: o.validFrom } : {}),
        ...(o.validUntil ? { validUntil: o.validUntil } : {}),
      })),
      threshold: o.threshold ?? 1,
      kinds: o.kinds,
      streams: o.streams ?? [STREAM],
    });
  const parsed = (policy: Record<string, unknown>): Policy => parsePolicy(json(policy), 'generated policy');
  const policy = policyOf();
  const trust = trustMaterialOf(parsed(policy));

  const statement = (version = VERSION, stream = STREAM, subjectList = subjects) =>
    serializeStatement(
      buildStatement({
        kind: 'binary-digest',
        stream,
        version,
        issuedAt: now,
        expiresIn: 30 * 86_400,
        subjects: subjectList,
        source: {
          repository: 'acme/app',
          commit: '9fceb02d0ae598e95dc970b74767f19372d61af8',
          workflowRun: 'https://github.com/acme/app/actions/runs/1/attempts/1',
        },
      }),
    );
  const sign = async (
    bytes: Uint8Array,
    via: 'rekor' | 'tsa',
    jobWorkflowRef = WORKFLOW,
    callerWorkflowRef?: string,
  ): Promise<Primary> => {
    const instance = instanceFromStackDescription(
      { ...stack.description, useRekor: via === 'rekor', useTsa: via === 'tsa' },
      'local stack',
    );
    return (await signStatement(bytes, {
      instance,
      identityToken: await fetchToken(stack.description, {
        jobWorkflowRef,
        ...(callerWorkflowRef ? { callerWorkflowRef } : {}),
      }),
    })) as Primary;
  };
  // Organisation B's real step: verify under the policy, then countersign (adds to a bundle).
  const countersign = async (
    input: Primary | string,
    signer: TestKey,
    under = policy,
    when = signedAt,
  ): Promise<Countersignature[]> => {
    const bytes = utf8(typeof input === 'string' ? input : json(input));
    // A rotation is approved as B's reviewer would: by the digest of the policy it carries.
    const rotation = peekRotation(bytes, parsed(under), 'vector bundle');
    const approval = rotation ? { approveRotation: { policyDigest: `sha256:${rotation.digest}` } } : {};
    return (await countersignBundle(bytes, { policy: parsed(under), signer: signer.signer, now: when, ...approval }))
      .bundle.countersignatures;
  };
  // What someone holding a key can sign without any policy check (the attacker's tool).
  const forge = (signer: TestKey, primary: Primary, o: { version?: number; signedAt?: Date } = {}) =>
    createCountersignature({
      signer: signer.signer,
      primary: verifyPrimary(primary, trust),
      stream: STREAM,
      version: o.version ?? VERSION,
      signedAt: o.signedAt ?? signedAt,
    });

  const s1 = statement();
  const [p1, p1Again, pTsa, pOther, pCaller, pV8, pBeta] = [
    await sign(s1, 'rekor'),
    await sign(s1, 'rekor'),
    await sign(s1, 'tsa'),
    await sign(s1, 'rekor', OTHER_WORKFLOW),
    await sign(s1, 'rekor', WORKFLOW, CALLER_WORKFLOW),
    await sign(statement(VERSION + 1), 'rekor'),
    await sign(statement(VERSION, OTHER_STREAM), 'rekor'),
  ];
  const good = await countersign(p1, b);
  const happy = bundleOf(p1, good);
  const goodTsa = await countersign(pTsa, b);
  const [goodCs] = good;
  if (!goodCs) throw new Error('gen-vectors: B made no countersignature');
  const csStatement = Buffer.from(goodCs.statement, 'base64').toString('utf8');
  const payload = Buffer.from((p1.dsseEnvelope as { payload: string }).payload, 'base64').toString('utf8');
  // One subject digest swapped for a backdoored binary's; the statement still parses.
  const swapped = subjects[1];
  if (!swapped) throw new Error('gen-vectors: expected at least two subjects');
  const tamperedPayload = payload.replace(swapped.digest.sha256, sha256Hex(BACKDOORED));
  const withEnvelope = (
    change: (env: { payload: string; signatures: { sig: string }[] }) => void,
    primary = p1,
  ): Primary => {
    const copy = structuredClone(primary);
    change(copy.dsseEnvelope as { payload: string; signatures: { sig: string }[] });
    return copy;
  };
  const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
  const sPlusL = (signature: string): string => {
    const raw = Buffer.from(signature, 'base64');
    let s = 0n;
    let shift = 0n;
    for (const byte of raw.subarray(32, 64)) {
      s |= BigInt(byte) << shift; // S is little-endian
      shift += 8n;
    }
    s += L; // still < 2^253: fits the 32 bytes, and verifies under a lax check (RFC 8032 §5.1.7)
    for (let i = 32; i < 64; i++, s >>= 8n) raw[i] = Number(s & 0xffn);
    return raw.toString('base64');
  };
  const stateOf = (version: number, digest: string) =>
    serializeState({ streams: { [STREAM]: { version, statementDigest: digest } } });
  const tampered = { ...RELEASE, 'app-linux-amd64': BACKDOORED };
  const { 'config/settings.json': _dropped, ...missing } = RELEASE;

  const ok = (description: string, extra: Partial<Expected> = {}): Expected => ({
    outcome: 'verified',
    check: null,
    code: null,
    verifyAt,
    description,
    ...extra,
  });
  const no = (check: string, code: string, description: string, extra: Partial<Expected> = {}): Expected => ({
    outcome: 'rejected',
    check,
    code,
    verifyAt,
    description,
    ...extra,
  });
  const mOfN = policyOf({ keys: [b, c], threshold: 2 });
  const sameOrg = policyOf({ keys: [b, b2, c], threshold: 2 });
  const lenient = policyOf({ streams: [STREAM, OTHER_STREAM] });
  const more = await lifecycleCases({
    stack,
    now,
    at,
    verifyAt,
    trustedRoot,
    b,
    c,
    sign,
    countersign,
    parsed,
    trust,
    ok,
    no,
    happy,
    s1,
    p1,
    statement,
    policyOf,
    stateOf,
  });

  return [
    {
      name: 'happy-path',
      bundle: happy,
      policy,
      expected: ok('Primary logged in Rekor, countersigned by the one pinned key of Org B (threshold 1).'),
    },
    {
      name: 'happy-path-tsa',
      bundle: bundleOf(pTsa, goodTsa),
      policy,
      expected: ok('Primary with an RFC 3161 timestamp and no transparency-log entry, countersigned by Org B.'),
    },
    {
      name: 'm-of-n-two-organisations',
      bundle: bundleOf(p1, await countersign(bundleOf(p1, await countersign(p1, b, mOfN)), c, mOfN, at(360_000))),
      policy: mOfN,
      expected: ok(
        'Threshold 2 of Org B and Org C: countersigned by B, then C added its countersignature to the same bundle.',
      ),
    },
    {
      name: 'with-artifacts',
      bundle: happy,
      policy,
      artifacts: RELEASE,
      expected: ok(
        'The happy-path bundle, with the release files in artifacts/: each file is a subject with the same digest, and every subject is present.',
      ),
    },
    {
      name: 'with-state',
      bundle: happy,
      policy,
      state: stateOf(VERSION - 1, sha256Hex('an older statement')),
      expected: ok(
        `Client state has accepted version ${VERSION - 1} of the stream before: version ${VERSION} is newer.`,
      ),
    },
    {
      name: 'pending-no-countersignature_fail',
      bundle: json(p1),
      policy,
      expected: {
        outcome: 'pending-countersign',
        check: 'countersignatures',
        code: 'countersignature-missing',
        verifyAt,
        description:
          'A plain Sigstore bundle (the primary alone): valid, but not countersigned yet. Pending, which is not verified.',
      },
    },
    {
      name: 'unpinned-key_fail',
      bundle: bundleOf(p1, [await forge(rogue, p1)]),
      policy,
      expected: no(
        'countersignatures',
        'countersignature-unpinned-key',
        "Countersigned by a key the policy does not pin (an attacker's own Ed25519 key).",
      ),
    },
    {
      name: 'wrong-identity_fail',
      bundle: bundleOf(pOther, [await forge(b, pOther)]),
      policy,
      expected: no(
        'primary-identity',
        'primary-identity',
        `Primary signed by another workflow of the same repository (${OTHER_WORKFLOW}); B's pinned key countersigned it anyway.`,
      ),
    },
    {
      name: 'reusable-workflow-caller_fail',
      bundle: bundleOf(pCaller, [await forge(b, pCaller)]),
      policy,
      expected: no(
        'primary-identity',
        'primary-source-repository',
        `Primary signed by A's release workflow (the pinned identity, SAN ${stack.description.identity}) called as a reusable workflow from another repository (${CALLER_WORKFLOW}): its certificate's source repository (Fulcio 1.3.6.1.4.1.57264.1.12, .15, .17) is evil/fork, not the pinned acme/app; B's pinned key countersigned it anyway.`,
      ),
    },
    {
      name: 'transplanted-countersignature_fail',
      bundle: bundleOf(p1, await countersign(p1Again, b)),
      policy,
      expected: no(
        'countersignatures',
        'countersignature-binding',
        "B's countersignature of another primary signature of the very same statement, moved onto this primary: primarySignatureDigest and certificateDigest do not match.",
      ),
    },
    {
      name: 'other-version-countersignature_fail',
      bundle: bundleOf(p1, await countersign(pV8, b)),
      policy,
      expected: no(
        'countersignatures',
        'countersignature-binding',
        `B's countersignature of version ${VERSION + 1} of the stream, moved onto the version ${VERSION} primary: payloadDigest does not match.`,
      ),
    },
    {
      name: 'version-mismatch-countersignature_fail',
      bundle: bundleOf(p1, [await forge(b, p1, { version: VERSION + 1 })]),
      policy,
      expected: no(
        'countersignatures',
        'countersignature-binding',
        `B signed a countersignature that binds this primary exactly but names version ${VERSION + 1} instead of ${VERSION}.`,
      ),
    },
    {
      name: 'tampered-payload_fail',
      bundle: bundleOf(
        withEnvelope((e) => {
          e.payload = b64(tamperedPayload);
        }),
        good,
      ),
      policy,
      expected: no(
        'primary',
        'primary-tlog',
        "The statement in the DSSE payload was changed after signing (one subject digest swapped for a backdoored binary's); it still parses. Rekor's entry no longer matches the envelope.",
      ),
    },
    {
      name: 'tampered-payload-tsa_fail',
      bundle: bundleOf(
        withEnvelope((e) => {
          e.payload = b64(tamperedPayload);
        }, pTsa),
        goodTsa,
      ),
      policy,
      expected: no(
        'primary',
        'primary-signature',
        'As tampered-payload, on the TSA-only primary: no log entry covers the payload, so the DSSE signature check itself rejects it.',
      ),
    },
    {
      name: 'tampered-primary-signature_fail',
      bundle: bundleOf(
        withEnvelope((e) => {
          const [first] = e.signatures;
          if (!first) throw new Error('gen-vectors: no DSSE signature');
          const sig = Buffer.from(first.sig, 'base64');
          sig[sig.length - 1] = (sig.at(-1) ?? 0) ^ 1;
          first.sig = sig.toString('base64');
        }),
        good,
      ),
      policy,
      expected: no(
        'primary',
        'primary-tlog',
        "One bit of the primary's DSSE signature flipped: it no longer matches the Rekor entry, nor verifies.",
      ),
    },
    {
      name: 'tampered-countersignature_fail',
      bundle: bundleOf(p1, [
        {
          ...goodCs,
          statement: b64(
            csStatement.replace(`"signedAt":"${rfc3339(signedAt)}"`, `"signedAt":"${rfc3339(at(301_000))}"`),
          ),
        },
      ]),
      policy,
      expected: no(
        'countersignatures',
        'countersignature-signature',
        "The countersignature statement's signedAt moved by one second after B signed it: the Ed25519 signature does not verify over the stored bytes.",
      ),
    },
    {
      name: 'non-canonical-signature_fail',
      bundle: bundleOf(p1, [{ ...goodCs, signature: sPlusL(goodCs.signature) }]),
      policy,
      expected: no(
        'countersignatures',
        'countersignature-signature',
        "B's valid countersignature with S replaced by S + L (spec/ED25519.md §2 step 2): the equation still holds, but S is not canonical, so it must be rejected.",
      ),
    },
    {
      name: 'duplicate-json-key_fail',
      bundle: happy.replace('\n  "countersignatures": [', '\n  "countersignatures": [],\n  "countersignatures": ['),
      policy,
      expected: no(
        'parse',
        'duplicate-key',
        'The top-level "countersignatures" key appears twice (first empty, then B\'s): first-wins and last-wins parsers would disagree, so strict JSON rejects it.',
      ),
    },
    {
      name: 'unknown-media-type_fail',
      bundle: happy.replace(BUNDLE_MEDIA_TYPE, 'application/vnd.countersign.bundle.v2+json'),
      policy,
      expected: no(
        'parse',
        'bundle-unsupported-version',
        'The happy-path bundle with mediaType application/vnd.countersign.bundle.v2+json, a version this verifier does not know.',
      ),
    },
    {
      name: 'unknown-field_fail',
      bundle: json({ ...(JSON.parse(happy) as object), comment: 'approved' }),
      policy,
      expected: no(
        'parse',
        'bundle-malformed',
        'The happy-path countersigned bundle with an extra top-level field "comment": unknown fields are rejected.',
      ),
    },
    {
      name: 'same-organisation-threshold_fail',
      bundle: bundleOf(
        p1,
        await countersign(bundleOf(p1, await countersign(p1, b, sameOrg)), b2, sameOrg, at(360_000)),
      ),
      policy: sameOrg,
      expected: no(
        'countersignatures',
        'countersignature-threshold',
        'Threshold 2; countersigned by two valid keys, b-release and b-backup, both of Org B: one organisation counts once.',
      ),
    },
    {
      name: 'duplicate-countersignature_fail',
      bundle: bundleOf(p1, [await forge(b, p1), await forge(b, p1, { signedAt: at(360_000) })]),
      policy,
      expected: no(
        'countersignatures',
        'countersignature-duplicate',
        'Two countersignatures by the same key (each valid on its own, signed a minute apart).',
      ),
    },
    {
      name: 'stream-not-allowed_fail',
      bundle: bundleOf(pBeta, await countersign(pBeta, b, lenient)),
      policy,
      expected: no(
        'statement',
        'statement-stream',
        `A statement of stream ${OTHER_STREAM}, countersigned by B under a policy that allows it; this policy allows only ${STREAM}.`,
      ),
    },
    {
      name: 'kind-not-allowed_fail',
      bundle: happy,
      policy: policyOf({ kinds: ['config-change'] }),
      expected: no(
        'statement',
        'statement-kind',
        'The happy-path bundle (kind binary-digest) under a policy that allows only config-change.',
      ),
    },
    {
      name: 'expired-statement_fail',
      bundle: happy,
      policy,
      expected: no(
        'statement',
        'statement-expired',
        'The happy-path bundle, verified one day after its statement expired (verifyAt is expiresAt + 1 day).',
        { verifyAt: rfc3339(at(31 * DAY)) },
      ),
    },
    {
      name: 'rollback_fail',
      bundle: happy,
      policy,
      state: stateOf(VERSION + 1, sha256Hex(statement(VERSION + 1))),
      expected: no(
        'statement',
        'statement-rollback',
        `Client state has already accepted version ${VERSION + 1}: the version ${VERSION} bundle is a rollback.`,
      ),
    },
    {
      name: 'version-reused_fail',
      bundle: happy,
      policy,
      state: stateOf(VERSION, sha256Hex(statement(VERSION, STREAM, subjects.slice(1)))),
      expected: no(
        'statement',
        'statement-version-reused',
        `Client state has accepted version ${VERSION} for a different statement (other subjects): the same version must mean the same bytes.`,
      ),
    },
    {
      name: 'artifact-tampered_fail',
      bundle: happy,
      policy,
      artifacts: tampered,
      expected: no('subjects', 'subject-digest', 'artifacts/app-linux-amd64 differs from the signed file.'),
    },
    {
      name: 'artifact-missing_fail',
      bundle: happy,
      policy,
      artifacts: missing,
      expected: no('subjects', 'subject-missing', 'artifacts/ lacks config/settings.json, a subject of the statement.'),
    },
    {
      name: 'artifact-unexpected-file_fail',
      bundle: happy,
      policy,
      artifacts: { ...RELEASE, 'app-windows-amd64.exe': 'MZ... not signed\n' },
      expected: no(
        'subjects',
        'subject-unexpected-file',
        'artifacts/ holds a file that is not a subject of the statement.',
      ),
    },
    {
      name: 'countersignature-key-expired_fail',
      bundle: happy,
      policy: policyOf({ validFrom: at(-30 * DAY), validUntil: at(-DAY) }),
      expected: no(
        'countersignatures',
        'countersignature-key-expired',
        "B's key is pinned with validUntil one day before the countersignature's signedAt.",
      ),
    },
    {
      name: 'countersignature-key-not-yet-valid_fail',
      bundle: happy,
      policy: policyOf({ validFrom: at(DAY) }),
      expected: no(
        'countersignatures',
        'countersignature-key-not-yet-valid',
        "B's key is pinned with validFrom one day after the countersignature's signedAt.",
      ),
    },
    {
      name: 'countersignature-in-future_fail',
      bundle: bundleOf(p1, [await forge(b, p1, { signedAt: at(2 * DAY) })]),
      policy,
      expected: no(
        'countersignatures',
        'countersignature-time',
        "B's countersignature is dated two days after verifyAt (beyond the clock skew).",
      ),
    },
    {
      name: 'countersignature-before-primary_fail',
      bundle: bundleOf(p1, [await forge(b, p1, { signedAt: at(-DAY) })]),
      policy,
      expected: no(
        'countersignatures',
        'countersignature-time',
        "B's countersignature is dated a day before the primary's Rekor entry existed.",
      ),
    },
    ...more,
  ];
}

interface LifecycleContext {
  stack: Stack;
  now: Date;
  at: (ms: number) => Date;
  verifyAt: string;
  trustedRoot: Record<string, unknown>;
  b: TestKey;
  c: TestKey;
  sign: (bytes: Uint8Array, via: 'rekor' | 'tsa', jobWorkflowRef?: string) => Promise<Primary>;
  countersign: (
    input: Primary | string,
    signer: TestKey,
    under?: Record<string, unknown>,
    when?: Date,
  ) => Promise<Countersignature[]>;
  parsed: (policy: Record<string, unknown>) => Policy;
  trust: ReturnType<typeof trustMaterialOf>;
  ok: (description: string, extra?: Partial<Expected>) => Expected;
  no: (check: string, code: string, description: string, extra?: Partial<Expected>) => Expected;
  happy: string;
  s1: Uint8Array;
  p1: Primary;
  statement: (version?: number) => Uint8Array;
  policyOf: (o?: {
    keys?: TestKey[];
    threshold?: number;
    streams?: string[];
    kinds?: string[];
  }) => Record<string, unknown>;
  stateOf: (version: number, digest: string) => string;
}

/** Rotation, rollback, freeze and m-of-n cases (spec/ROTATION.md; issue #5). */
async function lifecycleCases(x: LifecycleContext): Promise<VectorCase[]> {
  const { b, c, ok, no, at } = x;
  const [bNext, recovery, d] = [testKey('b-release-next'), testKey('b-recovery'), testKey('d-release')];
  const org: Record<string, string> = {
    'b-release': 'Org B',
    'b-release-next': 'Org B',
    'b-recovery': 'Org B',
    'c-release': 'Org C',
    'd-release': 'Org D',
  };
  const keyInput = (k: TestKey) => ({
    name: k.name,
    organisation: org[k.name] ?? k.name,
    publicKeyPem: k.publicKeyPem,
  });
  const rotPolicy = (
    version: number,
    keys: TestKey[],
    o: { threshold?: number; workflow?: string; fallback?: TestKey[] } = {},
  ) =>
    buildPolicy({
      version,
      identity: `https://github.com/${o.workflow ?? WORKFLOW}`,
      // The repository the workflow lives in (and runs from): acme/app, then acme/app-platform.
      githubClaims: sourceRepositoryOf((o.workflow ?? WORKFLOW).split('/').slice(0, 2).join('/')),
      issuer: x.stack.description.issuer,
      trustedRoot: x.trustedRoot,
      countersigners: keys.map(keyInput),
      threshold: o.threshold ?? 1,
      kinds: ['binary-digest', 'authority-rotation'],
      streams: [STREAM, POLICY_STREAM],
      ...(o.fallback ? { fallback: { countersigners: o.fallback.map(keyInput), threshold: 1 } } : {}),
    });
  const rotationStatement = (next: Record<string, unknown>, version?: number, issuedAt = x.now) => {
    const parts = rotationStatementParts(utf8(json(next)), 'policy.json', 'new policy');
    return serializeStatement(
      buildStatement({
        kind: 'authority-rotation',
        stream: POLICY_STREAM,
        version: version ?? parts.version,
        issuedAt,
        expiresIn: 30 * 86_400,
        subjects: parts.subjects,
        data: parts.data,
      }),
    );
  };
  // B's real step under `under`, each signer in turn, a minute apart.
  const countersignAll = async (
    primary: Primary,
    signers: TestKey[],
    under: Record<string, unknown>,
    offset = 0,
  ): Promise<string> => {
    let bundle = json(primary);
    for (const [i, signer] of signers.entries())
      bundle = bundleOf(
        primary,
        await x.countersign(i === 0 ? primary : bundle, signer, under, at(offset + 300_000 + i * 60_000)),
      );
    return bundle;
  };
  // What a key holder can sign without B's checks (which refuse bad rotations): for the verifier alone to catch.
  const forgeAll = async (primary: Primary, signers: TestKey[]): Promise<string> => {
    const binding = verifyPrimary(primary, x.trust);
    const st = JSON.parse(
      Buffer.from((primary.dsseEnvelope as { payload: string }).payload, 'base64').toString('utf8'),
    ) as { predicate: { stream: string; version: number } };
    const list: Countersignature[] = [];
    for (const [i, signer] of signers.entries())
      list.push(
        await createCountersignature({
          signer: signer.signer,
          primary: binding,
          stream: st.predicate.stream,
          version: st.predicate.version,
          signedAt: at(300_000 + i * 60_000),
        }),
      );
    return bundleOf(primary, list);
  };

  const v1 = rotPolicy(1, [b], { fallback: [recovery] });
  const v1bare = rotPolicy(1, [b]);
  const v2 = rotPolicy(2, [bNext], { fallback: [recovery] });
  const v2bare = rotPolicy(2, [bNext]);
  const v2fork = rotPolicy(2, [b, c]);
  const v3 = rotPolicy(3, [bNext, c], { threshold: 2, workflow: MOVED_WORKFLOW, fallback: [recovery] });
  const v3skip = rotPolicy(3, [b]);
  const v1down = rotPolicy(1, [b, c]);
  const [pr12, pr12fork, pr23, pr13, pr11, pr12v9] = [
    await x.sign(rotationStatement(v2), 'rekor'),
    await x.sign(rotationStatement(v2fork), 'rekor'),
    await x.sign(rotationStatement(v3), 'rekor'),
    await x.sign(rotationStatement(v3skip), 'rekor'),
    await x.sign(rotationStatement(v1down), 'rekor'),
    await x.sign(rotationStatement(v2, 9), 'rekor'),
  ];
  const r12 = await countersignAll(pr12, [b, bNext], v1);
  const r23 = await countersignAll(pr23, [bNext, c], v2);
  const r12fork = await countersignAll(pr12fork, [b, c], v1);
  const pRelease3 = await x.sign(x.s1, 'rekor', MOVED_WORKFLOW);
  const release3 = await countersignAll(pRelease3, [bNext, c], v3);
  // Rotations across time (spec/ROTATION.md §5.1): v2 -> v3 again, issued (and countersigned)
  // 40 days on, and a release under v3 issued 45 days on; verified 50 days on, when r12 (30
  // days) has expired and the later rotation has not.
  const LATER = 40 * DAY;
  const r23later = await countersignAll(
    await x.sign(rotationStatement(v3, undefined, at(LATER)), 'rekor'),
    [bNext, c],
    v2,
    LATER,
  );
  const laterRelease = (() => {
    const st = JSON.parse(Buffer.from(x.s1).toString('utf8')) as { predicate: Record<string, unknown> };
    st.predicate.issuedAt = rfc3339(at(45 * DAY));
    st.predicate.expiresAt = rfc3339(at(75 * DAY));
    return utf8(JSON.stringify(st));
  })();
  const release3later = await countersignAll(
    await x.sign(laterRelease, 'rekor', MOVED_WORKFLOW),
    [bNext, c],
    v3,
    45 * DAY,
  );
  const fiftyDaysOn = rfc3339(at(50 * DAY));
  // The v2 document swapped for v3's after signing the subject: the statement no longer agrees with itself.
  const digestMismatch = await x.sign(
    utf8(
      Buffer.from(rotationStatement(v2))
        .toString('utf8')
        .replace(Buffer.from(json(v2)).toString('base64'), Buffer.from(json(v3)).toString('base64')),
    ),
    'rekor',
  );
  const notAPolicy = '{"mediaType": "application/vnd.countersign.policy.v1+json", "version": 2}\n';
  const pJunk = await x.sign(
    serializeStatement(
      buildStatement({
        kind: 'authority-rotation',
        stream: POLICY_STREAM,
        version: 2,
        issuedAt: x.now,
        expiresIn: 30 * 86_400,
        subjects: [{ name: 'policy.json', digest: { sha256: sha256Hex(notAPolicy) } }],
        data: { policy: Buffer.from(notAPolicy).toString('base64') },
      }),
    ),
    'rekor',
  );
  const mOfN = x.policyOf({ keys: [b, c, d], threshold: 2 });
  const capped = { ...x.policyOf(), limits: { maxStatementLifetimeSeconds: 7 * 86_400 } };

  return [
    {
      name: 'rotation',
      bundle: r12,
      policy: v1,
      expected: ok(
        'Authority rotation v1 -> v2 (B replaces its key): countersigned by the current key b-release and, as proof of possession, by the added key b-release-next.',
      ),
    },
    {
      name: 'rotation-fallback',
      bundle: await countersignAll(pr12, [recovery, bNext], v1),
      policy: v1,
      expected: ok(
        "Emergency: the same rotation countersigned by B's offline recovery key (the policy's fallback signer set, threshold 1) instead of b-release, and by the added key.",
      ),
    },
    {
      name: 'rotation-identity',
      bundle: r23,
      policy: v2,
      expected: ok(
        `Rotation v2 -> v3: the primary identity moves to ${MOVED_WORKFLOW}, Org C's key is added (it countersigned) and the threshold becomes 2 of Org B and Org C.`,
      ),
    },
    {
      name: 'rotation-chain-v1-to-v3',
      bundle: release3,
      policy: v1,
      rotations: [r12, r23],
      expected: ok(
        "A client pinned to v1 follows rotations/1.json (v1 -> v2) and rotations/2.json (v2 -> v3), then verifies a release of the moved workflow countersigned by Org B's new key and Org C under v3.",
      ),
    },
    {
      name: 'release-without-rotations_fail',
      bundle: release3,
      policy: v1,
      expected: no(
        'primary-identity',
        'primary-identity',
        "The v3 release of rotation-chain-v1-to-v3 under the v1 policy without following the rotations: the moved workflow is not v1's identity.",
      ),
    },
    {
      name: 'rotation-chain-fork_fail',
      bundle: release3,
      policy: v1,
      rotations: [r12, r12fork],
      expected: no(
        'rotation',
        'rotation-fork',
        'rotations/2.json installs another version 2 (b-release and c-release), validly signed under v1, after rotations/1.json installed v2: two successors of one policy.',
      ),
    },
    {
      name: 'rotation-chain-gap_fail',
      bundle: release3,
      policy: v1,
      rotations: [r23],
      expected: no(
        'rotation',
        'rotation-gap',
        'The v2 -> v3 rotation handed to a client at v1: the rotation to version 2 is missing.',
      ),
    },
    {
      name: 'rotation-chain-downgrade_fail',
      bundle: release3,
      policy: v3,
      rotations: [r12],
      expected: no(
        'rotation',
        'rotation-downgrade',
        'The v1 -> v2 rotation alone handed to a client already at v3: it installs an older policy and is not part of a history that leads to v3 (the rotation to v3 is not given).',
      ),
    },
    {
      name: 'rotation-chain-expired-link',
      bundle: release3later,
      policy: v1,
      rotations: [r12, r23later],
      expected: ok(
        'Fifty days on, rotations/1.json (v1 -> v2, a 30-day statement) has expired: as a link before the newest it is judged at its signing time and still links the chain; rotations/2.json (v2 -> v3, issued 40 days on) is current; a release issued 45 days on verifies under v3.',
        { verifyAt: fiftyDaysOn },
      ),
    },
    {
      name: 'rotation-chain-expired-newest_fail',
      bundle: release3later,
      policy: v1,
      rotations: [r12],
      expected: no(
        'rotation',
        'statement-expired',
        'Fifty days on, the expired v1 -> v2 rotation is the newest link given: a walk alone judges the newest link now, and it has expired (a release under the result, verified now, would vouch for it instead).',
        { verifyAt: fiftyDaysOn },
      ),
    },
    {
      name: 'rotation-chain-full-history',
      bundle: release3,
      policy: v3,
      rotations: [r12, r23],
      expected: ok(
        'A client already at v3 handed the whole history (v1 -> v2, v2 -> v3): the rotation to v3 carries its very policy and v1 -> v2 leads to it, so both are skipped; the v3 release verifies.',
      ),
    },
    {
      name: 'rotation-chain-out-of-order',
      bundle: release3,
      policy: v1,
      rotations: [r23, r12],
      expected: ok(
        'rotations/1.json is v2 -> v3 and rotations/2.json is v1 -> v2: the walk sorts them by version and follows v1 -> v2 -> v3; the v3 release verifies.',
      ),
    },
    {
      name: 'rotation-chain-fork-at-held-version_fail',
      bundle: release3,
      policy: v2,
      rotations: [r12fork],
      expected: no(
        'rotation',
        'rotation-fork',
        'A client at v2 handed a rotation that installs another version 2 (b-release and c-release): a different document at a version it holds.',
      ),
    },
    {
      name: 'rotation-missing-new-key-countersignature_fail',
      bundle: await countersignAll(pr12, [b], v1),
      policy: v1,
      expected: no(
        'countersignatures',
        'rotation-proof-of-possession',
        'Rotation v1 -> v2 countersigned by b-release only: the added key b-release-next did not countersign, so nobody proved to hold it.',
      ),
    },
    {
      name: 'rotation-skipped-version_fail',
      bundle: await forgeAll(pr13, [b]),
      policy: v1,
      expected: no(
        'statement',
        'rotation-gap',
        "A rotation from v1 straight to a version 3 policy (countersigned by b-release without B's checks).",
      ),
    },
    {
      name: 'rotation-downgrade_fail',
      bundle: await forgeAll(pr11, [b, c]),
      policy: v1,
      expected: no(
        'statement',
        'rotation-downgrade',
        'A rotation to another version 1 policy under the version 1 policy (c-release, added, countersigned too).',
      ),
    },
    {
      name: 'rotation-statement-version_fail',
      bundle: await forgeAll(pr12v9, [b, bNext]),
      policy: v1,
      expected: no(
        'statement',
        'rotation-statement-version',
        "The v1 -> v2 rotation with statement version 9: a rotation statement's version is the version of the policy it installs.",
      ),
    },
    {
      name: 'rotation-fallback-not-allowed_fail',
      bundle: await forgeAll(await x.sign(rotationStatement(v2bare), 'rekor'), [recovery, bNext]),
      policy: v1bare,
      expected: no(
        'countersignatures',
        'countersignature-threshold',
        'A rotation countersigned by b-recovery and the added key, under a v1 policy that names no fallback signer set: the recovery key is pinned nowhere, so no organisation of the current policy authorised it (the new policy is not read).',
      ),
    },
    {
      name: 'rotation-policy-digest_fail',
      bundle: await forgeAll(digestMismatch, [b, bNext]),
      policy: v1,
      expected: no(
        'parse',
        'rotation-policy-digest',
        "A rotation whose carried policy document (v3's) is not the one its subject names (v2's digest); A signed it as it is.",
      ),
    },
    {
      name: 'rotation-policy-malformed_fail',
      bundle: await forgeAll(pJunk, [b]),
      policy: v1,
      expected: no(
        'countersignatures',
        'rotation-policy-malformed',
        "A rotation whose carried document (digest matching its subject) is not a well-formed policy: read only once the current policy's countersigner authorised the rotation.",
      ),
    },
    {
      name: 'fallback-non-rotation_fail',
      bundle: await forgeAll(x.p1, [recovery]),
      policy: v1,
      expected: no(
        'countersignatures',
        'countersignature-fallback-not-rotation',
        'A release countersigned by the fallback key only: the fallback signer set may authorise rotations and nothing else.',
      ),
    },
    {
      name: 'policy-rollback_fail',
      bundle: x.happy,
      policy: x.policyOf(),
      state: serializeState({ policyVersion: 2, streams: {} }),
      expected: no(
        'statement',
        'policy-rollback',
        'Client state records that it verified under policy version 2: the version 1 policy is a rollback (a rotated-out policy put back).',
      ),
    },
    {
      name: 'with-state-same-statement',
      bundle: x.happy,
      policy: x.policyOf(),
      state: x.stateOf(VERSION, sha256Hex(x.s1)),
      expected: ok(
        `Client state has accepted version ${VERSION} for this very statement: the same version again is accepted.`,
      ),
    },
    {
      name: 'expired-within-clock-skew',
      bundle: x.happy,
      policy: x.policyOf(),
      expected: ok(
        "The happy-path bundle verified two minutes after its statement expired: within the policy's 300-second clock skew.",
        { verifyAt: rfc3339(at(30 * DAY + 120_000)) },
      ),
    },
    {
      name: 'statement-lifetime_fail',
      bundle: x.happy,
      policy: capped,
      expected: no(
        'statement',
        'statement-lifetime',
        'The 30-day happy-path statement under a policy that caps statement lifetime at 7 days (maxStatementLifetimeSeconds 604800).',
      ),
    },
    {
      name: 'm-of-n-two-of-three',
      bundle: await countersignAll(x.p1, [b, d], mOfN),
      policy: mOfN,
      expected: ok('Threshold 2 of Org B, Org C and Org D: countersigned by B and D; C is missing.'),
    },
    {
      name: 'm-of-n-one-of-three_fail',
      bundle: await countersignAll(x.p1, [c], mOfN),
      policy: mOfN,
      expected: no(
        'countersignatures',
        'countersignature-threshold',
        'Threshold 2 of Org B, Org C and Org D: countersigned by C only.',
      ),
    },
  ];
}

/** Verifies one written case folder exactly as test/lib/pipeline/vectors.test.ts does. */
async function evaluate(dir: string): Promise<{ outcome: string; check: string | null; code: string | null }> {
  const expected = JSON.parse(await readFile(join(dir, 'expected.json'), 'utf8')) as Expected;
  const { report, decided } = await evaluateVectorCase(dir, dir, expected);
  return { outcome: report.outcome, ...decided };
}

async function writeCase(c: VectorCase): Promise<void> {
  const dir = join(VECTORS_DIR, c.name);
  await mkdir(dir);
  await writeFileAtomic(join(dir, 'bundle.json'), c.bundle);
  await writeFileAtomic(join(dir, 'policy.json'), json(c.policy));
  await writeFileAtomic(join(dir, 'trusted_root.json'), json(c.policy.trustedRoot));
  if (c.state !== undefined) await writeFileAtomic(join(dir, 'state.json'), c.state);
  if (c.rotations) await mkdir(join(dir, 'rotations'));
  for (const [i, bundle] of (c.rotations ?? []).entries())
    await writeFileAtomic(join(dir, 'rotations', `${i + 1}.json`), bundle);
  for (const [name, content] of Object.entries(c.artifacts ?? {})) {
    await mkdir(dirname(join(dir, 'artifacts', name)), { recursive: true });
    await writeFileAtomic(join(dir, 'artifacts', name), content);
  }
  await writeFileAtomic(join(dir, 'expected.json'), json(c.expected));
}

async function main(): Promise<number> {
  const now = new Date(Math.floor(Date.now() / 1000) * 1000);
  const work = await mkdtemp(join(tmpdir(), 'countersign-vectors-'));
  const stack = await startStack({ jobWorkflowRef: WORKFLOW, dir: join(work, 'stack') });
  let cases: VectorCase[];
  try {
    const release = join(work, 'release');
    for (const [name, content] of Object.entries(RELEASE)) {
      await mkdir(dirname(join(release, name)), { recursive: true });
      await writeFileAtomic(join(release, name), content);
    }
    cases = await generate(stack, now, await collectSubjects(['.'], { base: release }));
  } finally {
    await stack.close();
    await rm(work, { recursive: true, force: true });
  }
  // Everything was made in memory first: only now are the old case folders replaced.
  for (const entry of await readdir(VECTORS_DIR, { withFileTypes: true })) {
    if (entry.isDirectory()) await rm(join(VECTORS_DIR, entry.name), { recursive: true });
  }
  for (const c of cases) await writeCase(c);

  let failures = 0;
  for (const c of cases) {
    const got = await evaluate(join(VECTORS_DIR, c.name));
    const ok = got.outcome === c.expected.outcome && got.check === c.expected.check && got.code === c.expected.code;
    if (!ok) failures++;
    console.log(
      `${ok ? 'ok  ' : 'FAIL'} ${c.name.padEnd(42)} ${got.outcome}${got.code ? ` [${got.check}: ${got.code}]` : ''}${ok ? '' : `; expected ${c.expected.outcome} [${c.expected.check}: ${c.expected.code}]`}`,
    );
  }
  console.log(
    `${cases.length} cases written to ${VECTORS_DIR}${failures ? `; ${failures} do not give their expected outcome` : ''}`,
  );
  return failures ? 1 : 0;
}

process.exitCode = await main();
