// A witness must be someone other than the log's operator (src/lib/formats/policy/countersigners.ts
// checkWitnessKeysApartAcross, spec/POLICY.md §3.5.3): a witness key that is a countersigner's
// key, its log's key, or a key of the fallback set is refused with policy-bad-key, at the witness
// key, naming exactly which pinned key it is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PolicyError } from '../../../../src/lib/basics/errors/errors.ts';
import { cosignerVerifierKey } from '../../../../src/lib/formats/log/cosignature.ts';
import { buildPolicy, parsePolicy } from '../../../../src/lib/formats/policy/index.ts';

const trustedRoot = JSON.parse(
  readFileSync(
    fileURLToPath(new URL('../../../../spec/vectors/happy-path/trusted_root.json', import.meta.url)),
    'utf8',
  ),
) as Record<string, unknown>;

function newKey(): { pem: string; raw: Uint8Array } {
  const { publicKey } = generateKeyPairSync('ed25519');
  const pem = publicKey.export({ type: 'spki', format: 'pem' }) as string;
  const raw = new Uint8Array(Buffer.from(publicKey.export({ format: 'jwk' }).x as string, 'base64url'));
  return { pem, raw };
}
const keyB = newKey();
const logKey = newKey();
const keyF = newKey();
const w1 = newKey();

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** B's countersigner with a log cosigned by one witness of key `witness`; optionally a fallback set of key F. */
function policyText(witness: { raw: Uint8Array }, fallback: boolean): string {
  const doc = buildPolicy({
    identity: 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main',
    githubClaims: { repository: 'acme/app', repositoryId: '123', repositoryOwnerId: '456' },
    trustedRoot,
    countersigners: [
      { name: 'b', organisation: 'B', publicKeyPem: keyB.pem, log: { origin: 'b.test/log', publicKeyPem: logKey.pem } },
    ],
    streams: ['acme/app:stable', 'acme/app:policy'],
    kinds: ['binary-digest', 'authority-rotation'],
    ...(fallback ? { fallback: { countersigners: [{ name: 'f', organisation: 'F', publicKeyPem: keyF.pem }] } } : {}),
  }) as Doc;
  doc.countersigners[0].log.witnesses = { threshold: 1, keys: [cosignerVerifierKey('w.test/w', witness.raw)] };
  return JSON.stringify(doc, null, 2);
}

function refused(text: string, message: RegExp | string): void {
  assert.throws(
    () => parsePolicy(text, 'policy.json'),
    (err: unknown) => {
      assert.ok(err instanceof PolicyError, String(err));
      assert.equal(err.code, 'policy-bad-key');
      const words = err.message.replace(/^policy\.json:\d+: /, '');
      if (typeof message === 'string') assert.equal(words, message);
      else assert.match(words, message);
      return true;
    },
  );
}

const AT = 'countersigners[0].log.witnesses.keys[0]';
const EXPECTED =
  "expected a witness key that is not a countersigner or log key of this policy (the log's operator would witness itself), found the key of";

test("a witness key that is the countersigner's log key is refused, naming countersigners[0].log.publicKey", () => {
  refused(policyText(logKey, false), `${AT}: ${EXPECTED} countersigners[0].log.publicKey`);
  refused(policyText(logKey, true), `${AT}: ${EXPECTED} countersigners[0].log.publicKey`);
});

test("a witness key that is the countersigner's own key is refused, naming countersigners[0].publicKey", () => {
  refused(policyText(keyB, false), `${AT}: ${EXPECTED} countersigners[0].publicKey`);
});

test('a witness key that is a key of the fallback set is refused, naming fallback.countersigners[0].publicKey', () => {
  refused(policyText(keyF, true), `${AT}: ${EXPECTED} fallback.countersigners[0].publicKey`);
});

test('a witness key of nobody else in the policy is accepted, with or without a fallback set', () => {
  for (const fallback of [false, true]) {
    const policy = parsePolicy(policyText(w1, fallback), 'policy.json');
    assert.equal(policy.countersigners[0]?.log?.witnesses?.witnesses.length, 1);
    assert.equal(policy.fallback !== undefined, fallback);
  }
});
