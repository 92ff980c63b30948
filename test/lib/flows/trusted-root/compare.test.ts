// compareTrustedRoots: the same content is current whatever its key order; a difference is
// named per list, entry by entry (log id or certificate digest, subject, validity), in one line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { compareTrustedRoots } from '../../../../src/lib/flows/trusted-root/compare.ts';

type Root = Record<string, unknown> & { tlogs: Record<string, unknown>[]; ctlogs: Record<string, unknown>[] };
const load = (): Root =>
  JSON.parse(
    readFileSync(
      new URL('../../../vectors/real-sigstore/trusted-roots/public-good-trusted-root.json', import.meta.url),
      'utf8',
    ),
  ) as Root;

test('the same content, keys in another order, is current', () => {
  const a = load();
  const b = Object.fromEntries(Object.entries(load()).reverse());
  const r = compareTrustedRoots(a, b);
  assert.equal(r.current, true);
  assert.equal(r.pinnedDigest, r.currentDigest);
  assert.equal(r.summary, 'unchanged');
  assert.deepEqual(r.lines, []);
});

test('a new CT log, a removed transparency log and a changed validity are each named in the summary', () => {
  const pinned = load();
  const latest = load();
  const [firstTlog] = latest.tlogs.splice(0, 1);
  assert.ok(firstTlog);
  latest.ctlogs.push({
    ...latest.ctlogs[0],
    logId: { keyId: 'TmV3TG9nSWRGb3JUZXN0aW5nUHVycG9zZXM=' },
    publicKey: { ...(latest.ctlogs[0]?.publicKey as object), validFor: { start: '2030-01-01T00:00:00Z' } },
  });
  const ct0 = latest.ctlogs[0] as { publicKey: { validFor: Record<string, string> } };
  ct0.publicKey = { ...ct0.publicKey, validFor: { ...ct0.publicKey.validFor, end: '2031-01-01T00:00:00Z' } };
  const r = compareTrustedRoots(pinned, latest);
  assert.equal(r.current, false);
  assert.notEqual(r.pinnedDigest, r.currentDigest);
  assert.match(r.summary, /^transparency logs: -log [^ ]{12}\.\.\. \(valid from 20\d\d-/);
  assert.match(
    r.summary,
    /CT logs: \+log TmV3TG9nSWRG\.\.\. \(valid from 2030-01-01T00:00:00Z\), ~log [^ ]{12}\.\.\. \(validUntil\)$/,
  );
  assert.doesNotMatch(r.summary, /\n/);
  assert.equal(r.lines.length, 3, r.lines.join('\n'));
});

test('a field outside the known lists is still reported', () => {
  const latest = { ...load(), extra: 'x' };
  const r = compareTrustedRoots(load(), latest);
  assert.equal(r.current, false);
  assert.equal(r.summary, 'other fields changed: "extra"');
});
