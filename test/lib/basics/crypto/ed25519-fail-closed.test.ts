// verifyEd25519Strict's contract (src/lib/basics/crypto/ed25519.ts): any input it cannot judge
// gives false, never an exception, so that callers fail closed on one boolean. Here reading the
// input itself throws (a Uint8Array subclass whose methods throw, as a hostile caller's or a
// broken platform's bytes might): the guard around the checks must turn that into false.
// The key and signature are RFC 8032 §7.1 TEST 1 (the empty message), fixed here rather than
// made at load time, so that a broken signer fails a test instead of the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { verifyEd25519Strict } from '../../../../src/lib/basics/crypto/ed25519.ts';

const hex = (text: string) => new Uint8Array(Buffer.from(text, 'hex'));
const publicKey = hex('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
const signature = hex(
  'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
);
const message = new Uint8Array(0);

class ThrowingBytes extends Uint8Array {
  override subarray(): Uint8Array<ArrayBuffer> {
    throw new Error('this input cannot be read');
  }
}

function throwing(bytes: Uint8Array): Uint8Array {
  const out = new ThrowingBytes(bytes.length);
  out.set(bytes);
  return out;
}

test('the RFC 8032 TEST 1 signature verifies (the input below differs only in how it is read)', () => {
  assert.equal(verifyEd25519Strict(signature, message, publicKey), true);
});

test('an input whose reading throws gives false, not an exception', () => {
  // The signature's halves (R and S) are read with subarray, inside the guard.
  assert.equal(verifyEd25519Strict(throwing(signature), message, publicKey), false);
});
