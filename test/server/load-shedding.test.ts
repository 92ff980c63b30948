// Issue 15 (admission: cheap refusals before expensive ones): with the verification queue full,
// the countersigner answers 503 overloaded before it parses the body, reads the log or asks a
// worker; with room, the same body goes on to the parse step.
// The other collaborators are absent on purpose: touching any of them fails the test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Countersigner } from '../../src/server/countersigner.ts';
import { Refusal } from '../../src/server/refusal.ts';
import type { Verifiers } from '../../src/server/workers/verifiers.ts';

const untouchable = (what: string): never =>
  new Proxy({} as never, {
    get: (_, key) => {
      throw new Error(`${what}.${String(key)} was used`);
    },
  });

function countersignerWith(full: boolean): Countersigner {
  const verifiers = {
    full,
    verify: () => {
      throw new Error('a worker was asked');
    },
    workers: 1,
    queued: full ? 1 : 0,
    running: full ? 1 : 0,
    maxQueue: 1,
    crashes: 0,
    close: () => Promise.resolve(),
  } satisfies Verifiers;
  return new Countersigner({
    policy: untouchable('policy'),
    signer: untouchable('signer'),
    log: untouchable('log'),
    verifiers,
  });
}

const garbage = new TextEncoder().encode('{"not": "a bundle"}');

test('a full queue sheds the request with 503 overloaded before anything reads it', async () => {
  await assert.rejects(
    countersignerWith(true).countersign(garbage),
    (err: unknown) =>
      err instanceof Refusal &&
      err.status === 503 &&
      err.code === 'overloaded' &&
      err.message === 'too many requests are waiting to be verified; retry later',
  );
});

test('with room, the same body goes on to the parse step (which reads the policy first)', async () => {
  await assert.rejects(countersignerWith(false).countersign(garbage), /^Error: policy\.limits was used$/);
});
