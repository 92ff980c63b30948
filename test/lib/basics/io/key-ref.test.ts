// Key references (src/lib/basics/io/key-ref.ts): a long-running process refuses a PIN written
// in its PKCS#11 URI (pin-value), before any module is loaded, without printing the PIN.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InputError } from '../../../../src/lib/basics/errors/errors.ts';
import { openSigningKey } from '../../../../src/lib/basics/io/key-ref.ts';

test('refusePinValue: a pin-value is refused with pkcs11-pin, the PIN never in the message; pin-source is what it asks for', async () => {
  const uri = 'pkcs11:token=b;object=b-release?module-path=/nonexistent/module.so&pin-value=s3cret-pin';
  await assert.rejects(openSigningKey(uri, '--key', { refusePinValue: true }), (err: unknown) => {
    assert.ok(err instanceof InputError, String(err));
    assert.equal(err.code, 'pkcs11-pin');
    assert.doesNotMatch(err.message, /s3cret-pin/);
    assert.match(err.message, /^--key pkcs11:.*expected pin-source=file:.*found pin-value/);
    return true;
  });
  // Without the option (one-shot commands), the same URI gets past the PIN: the missing module decides.
  await assert.rejects(openSigningKey(uri, '--key'), (err: unknown) => {
    assert.ok(err instanceof InputError, String(err));
    assert.notEqual(err.code, 'pkcs11-pin', err.message);
    assert.doesNotMatch(err.message, /s3cret-pin/);
    return true;
  });
});
