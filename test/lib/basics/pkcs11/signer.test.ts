// The PKCS#11 signer and key generation against a real module, SoftHSM2 (test/helpers/softhsm.ts):
// the pair is made inside the token (sensitive, not extractable), signatures are pure Ed25519
// over the exact message and verify with OpenSSL, a lost session is reopened with a new login,
// and each failure is one line with its code. Skipped (saying why) only without SoftHSM2.
import assert from 'node:assert/strict';
import { createPublicKey, verify } from 'node:crypto';
import { chmod, mkdir, readFile, rm, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { InputError } from '../../../../src/lib/basics/errors/errors.ts';
import { generateKeyInToken, openSigningKey } from '../../../../src/lib/basics/io/key-ref.ts';
import { loadPublicKeyFile } from '../../../../src/lib/basics/io/key-files.ts';
import { loadModule } from '../../../../src/lib/basics/pkcs11/binding.ts';
import { CKA, CKO } from '../../../../src/lib/basics/pkcs11/constants.ts';
import { openSession } from '../../../../src/lib/basics/pkcs11/session.ts';
import { parsePkcs11Uri } from '../../../../src/lib/basics/pkcs11/uri.ts';
import { ED25519_SPKI_PREFIX } from '../../../../src/lib/basics/crypto/ed25519.ts';
import { type SoftHsm, softHsm, softHsmSkipReason } from '../../../helpers/softhsm.ts';

const skip = softHsmSkipReason();
const TOKENS = ['keygen', 'sign', 'relogin', 'errors', 'types'];
const hsmTest = (name: string, fn: (hsm: SoftHsm) => Promise<void>): void =>
  void test(name, { skip: skip ?? false }, async () => fn(await softHsm(TOKENS)));

const code = (c: string, pattern?: RegExp) => (err: unknown) =>
  err instanceof InputError && err.code === c && (pattern === undefined || pattern.test(err.message));

const verifies = (raw: Uint8Array, message: Uint8Array, signature: Uint8Array) =>
  verify(
    null,
    message,
    createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' }),
    signature,
  );

hsmTest(
  'keygen makes the pair in the token (private key sensitive, not extractable, on the token) and writes only NAME.pub',
  async (hsm) => {
    const token = hsm.token('keygen');
    const out = join(hsm.dir, 'keygen-b');
    const made = await generateKeyInToken(token.uri('b-release'), out, '--key');
    await assert.rejects(stat(out), 'no private key file');
    const pub = await loadPublicKeyFile(`${out}.pub`);
    assert.equal(pub.keyId, made.keyId);
    assert.equal((await stat(`${out}.pub`)).mode & 0o777, 0o644);
    const open = await openSession({
      modulePath: hsm.module,
      uri: parsePkcs11Uri(token.uri('x'), 'k'),
      pin: token.pin,
      what: 'k',
    });
    try {
      const { lib, session } = open;
      lib.C_FindObjectsInit(session, [
        { type: CKA.CLASS, value: CKO.PRIVATE_KEY },
        { type: CKA.LABEL, value: 'b-release' },
      ]);
      const [priv] = lib.C_FindObjects(session, 2);
      lib.C_FindObjectsFinal(session);
      assert.ok(priv);
      const attrs = lib.C_GetAttributeValue(session, priv, [
        { type: CKA.SENSITIVE },
        { type: CKA.EXTRACTABLE },
        { type: CKA.TOKEN },
        { type: CKA.SIGN },
      ]);
      assert.deepEqual(
        attrs.map((a) => a.value[0]),
        [1, 0, 1, 1],
        'sensitive, not extractable, token, sign',
      );
    } finally {
      open.close();
    }
    // A second keygen under the same name is refused, and NAME.pub is not replaced.
    await rm(`${out}.pub`);
    await assert.rejects(generateKeyInToken(token.uri('b-release'), out, '--key'), code('pkcs11-object-exists'));
    await assert.rejects(stat(`${out}.pub`), 'nothing written when the token refused');
    // An existing NAME.pub is refused before the token is touched.
    await writeFile(`${out}.pub`, 'x');
    await assert.rejects(generateKeyInToken(token.uri('other'), out, '--key'), code('key-exists'));
    await assert.rejects(openSigningKey(token.uri('other'), '--key'), code('pkcs11-object-missing'), 'no key made');
  },
);

hsmTest("the token signs the exact message with pure Ed25519; the key id is the token public key's", async (hsm) => {
  const token = hsm.token('sign');
  const made = await generateKeyInToken(token.uri('b'), join(hsm.dir, 'sign-b'), '--key');
  const key = await openSigningKey(token.uri('b'), '--key');
  try {
    assert.equal(key.store, 'pkcs11');
    assert.equal(key.keyId, made.keyId);
    for (const message of [Uint8Array.of(0), new TextEncoder().encode('statement'), new Uint8Array(70_000).fill(7)]) {
      const signature = await key.signer.sign(message);
      assert.equal(signature.length, 64);
      assert.ok(verifies(key.rawPublicKey, message, signature), 'OpenSSL verifies the token signature');
      // Ed25519 is deterministic: the same message, the same signature.
      assert.deepEqual(await key.signer.sign(message), signature);
    }
    // Concurrent requests are signed one at a time on the session, each correctly.
    const messages = Array.from({ length: 20 }, (_, i) => new TextEncoder().encode(`m${i}`));
    const signatures = await Promise.all(messages.map((m) => key.signer.sign(m)));
    signatures.forEach((s, i) => assert.ok(verifies(key.rawPublicKey, messages[i] ?? new Uint8Array(), s)));
  } finally {
    key.close();
  }
});

hsmTest(
  'a lost session is reopened with a new login; a removed token fails with pkcs11-token-error, one line each time',
  async (hsm) => {
    const token = hsm.token('relogin');
    await generateKeyInToken(token.uri('b'), join(hsm.dir, 'relogin-b'), '--key');
    const key = await openSigningKey(token.uri('b'), '--key');
    try {
      const lib = await loadModule(hsm.module, 'test');
      const closeAll = () => {
        for (const slot of lib.C_GetSlotList(true)) lib.C_CloseAllSessions(slot);
      };
      closeAll(); // every session of the process is gone, and the login with them
      const m = new TextEncoder().encode('after');
      assert.ok(verifies(key.rawPublicKey, m, await key.signer.sign(m)), 'signed after a re-login');
      // Removed: the token's directory goes away (SoftHSM then lists no such token).
      const tokens = join(hsm.dir, 'tokens');
      const before = new Set(await readdir(tokens));
      const saved = join(hsm.dir, 'saved-token');
      await mkdir(saved);
      const mine: string[] = [];
      for (const d of before) {
        const label = await readFile(join(tokens, d, 'token.object')).then(
          (b) => b.includes(Buffer.from(token.label)),
          () => false,
        );
        if (label) mine.push(d);
      }
      assert.equal(mine.length, 1);
      const dir = mine[0] ?? '';
      const { rename } = await import('node:fs/promises');
      await rename(join(tokens, dir), join(saved, dir));
      closeAll();
      await assert.rejects(
        key.signer.sign(m),
        code('pkcs11-token-error', /and again after reopening the session \(no token/),
      );
      await assert.rejects(key.signer.sign(m), code('pkcs11-token-error'), 'still failing, one line each time');
      // (SoftHSM lists its tokens once per process, so a token put back is not seen again here.)
    } finally {
      key.close();
    }
  },
);

hsmTest(
  'errors: wrong PIN, no PIN, PIN file others can read, missing object, missing token, missing or relative module',
  async (hsm) => {
    const token = hsm.token('errors');
    await generateKeyInToken(token.uri('b'), join(hsm.dir, 'errors-b'), '--key');
    const wrongPin = join(hsm.dir, 'secrets', 'wrong.pin');
    await writeFile(wrongPin, 'not-the-pin\n', { mode: 0o600 });
    const base = `pkcs11:token=${token.label};object=b?module-path=${hsm.module}`;
    await assert.rejects(
      openSigningKey(`${base}&pin-source=file:${wrongPin}`, '--key'),
      code('pkcs11-pin', /CKR_PIN_INCORRECT.*wrong PIN/),
    );
    await assert.rejects(
      openSigningKey(`${base}&pin-value=nope`, '--key'),
      (err: unknown) => code('pkcs11-pin', /CKR_PIN_INCORRECT/)(err) && !(err as Error).message.includes('nope'),
    );
    await assert.rejects(openSigningKey(base, '--key'), code('pkcs11-pin', /found neither/));
    await chmod(wrongPin, 0o644);
    await assert.rejects(
      openSigningKey(`${base}&pin-source=file:${wrongPin}`, '--key'),
      code('pkcs11-pin', /mode 0600/),
    );
    await assert.rejects(
      openSigningKey(`${base}&pin-source=relative/pin`, '--key'),
      code('pkcs11-pin', /absolute path/),
    );
    await assert.rejects(
      openSigningKey(token.uri('nope'), '--key'),
      code('pkcs11-object-missing', /no private key object/),
    );
    await assert.rejects(
      openSigningKey(`pkcs11:token=no-such-token;object=b?module-path=${hsm.module}&pin-value=1`, '--key'),
      code('pkcs11-token-missing', /no token token="no-such-token"/),
    );
    await assert.rejects(
      openSigningKey('pkcs11:token=t;object=b?module-path=/nonexistent/libpkcs11.so&pin-value=1', '--key'),
      code('pkcs11-module', /could not load the PKCS#11 module \/nonexistent\/libpkcs11.so/),
    );
    await assert.rejects(
      openSigningKey('pkcs11:token=t;object=b?module-path=libsofthsm2.so&pin-value=1', '--key'),
      code('pkcs11-module', /absolute module-path/),
    );
    const saved = process.env.COUNTERSIGN_PKCS11_MODULE;
    delete process.env.COUNTERSIGN_PKCS11_MODULE;
    try {
      await assert.rejects(
        openSigningKey('pkcs11:token=t;object=b?pin-value=1', '--key'),
        code('pkcs11-module', /module-path/),
      );
      process.env.COUNTERSIGN_PKCS11_MODULE = hsm.module;
      const key = await openSigningKey(
        `pkcs11:token=${token.label};object=b?pin-source=file:${token.pinFile}`,
        '--key',
      );
      key.close();
    } finally {
      if (saved === undefined) delete process.env.COUNTERSIGN_PKCS11_MODULE;
      else process.env.COUNTERSIGN_PKCS11_MODULE = saved;
    }
    await assert.rejects(
      openSigningKey(`pkcs11:token=${token.label}?module-path=${hsm.module}&pin-value=1`, '--key'),
      code('pkcs11-uri-malformed', /object=/),
    );
  },
);

hsmTest(
  "a P-256 key, and a private key that is not the public key's pair, are refused before any signature is handed out",
  async (hsm) => {
    const token = hsm.token('types');
    const open = await openSession({
      modulePath: hsm.module,
      uri: parsePkcs11Uri(token.uri('x'), 'k'),
      pin: token.pin,
      what: 'k',
      readWrite: true,
    });
    try {
      const { lib, session } = open;
      const P256 = Buffer.from('06082a8648ce3d030107', 'hex');
      lib.C_GenerateKeyPair(
        session,
        { mechanism: 0x1040 }, // CKM_EC_KEY_PAIR_GEN
        [
          { type: CKA.LABEL, value: 'p256' },
          { type: CKA.TOKEN, value: true },
          { type: CKA.EC_PARAMS, value: P256 },
          { type: CKA.VERIFY, value: true },
        ],
        [
          { type: CKA.LABEL, value: 'p256' },
          { type: CKA.TOKEN, value: true },
          { type: CKA.SIGN, value: true },
          { type: CKA.PRIVATE, value: true },
        ],
      );
    } finally {
      open.close();
    }
    await assert.rejects(
      openSigningKey(token.uri('p256'), '--key'),
      code('pkcs11-key-type', /EC \(ECDSA\) key such as P-256/),
    );
    // Two Ed25519 pairs, then the first pair's public key object relabelled away and the
    // second's public key given the first's label: the label names a private key and a public
    // key that are not a pair.
    await generateKeyInToken(token.uri('one'), join(hsm.dir, 'types-one'), '--key');
    await generateKeyInToken(token.uri('two'), join(hsm.dir, 'types-two'), '--key');
    const rw = await openSession({
      modulePath: hsm.module,
      uri: parsePkcs11Uri(token.uri('x'), 'k'),
      pin: token.pin,
      what: 'k',
      readWrite: true,
    });
    try {
      const { lib, session } = rw;
      const publicKey = (label: string) => {
        lib.C_FindObjectsInit(session, [
          { type: CKA.CLASS, value: CKO.PUBLIC_KEY },
          { type: CKA.LABEL, value: label },
        ]);
        const [h] = lib.C_FindObjects(session, 1);
        lib.C_FindObjectsFinal(session);
        assert.ok(h);
        return h;
      };
      const one = publicKey('one');
      const two = publicKey('two');
      lib.C_SetAttributeValue(session, one, [{ type: CKA.LABEL, value: 'one-old' }]);
      lib.C_SetAttributeValue(session, two, [{ type: CKA.LABEL, value: 'one' }]);
    } finally {
      rw.close();
    }
    // id= is random per pair, so name by label only: object=one now has private key 1 and public key 2.
    await assert.rejects(
      openSigningKey(token.uri('one'), '--key'),
      code('pkcs11-key-mismatch', /does not verify with its public key/),
    );
  },
);
