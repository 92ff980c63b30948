// The TUF instances `countersign trusted-root` knows: GitHub's initial root (copied from cli/cli,
// src/lib/flows/trusted-root/SOURCES.md) is genuine root metadata, signed by a threshold of its
// own root keys, and the public-good mirror is one @sigstore/tuf carries a seed for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { Metadata, MetadataKind } from '@tufjs/models';
import { TUF_INSTANCES, isTufInstanceName } from '../../../../src/lib/flows/trusted-root/instances.ts';

type RootJson = Parameters<typeof Metadata.fromJSON>[1];

test("GitHub's initial TUF root is version 1 and signed by a threshold (3) of its 8 root keys", () => {
  const text = TUF_INSTANCES.github.initialRoot;
  assert.ok(text !== undefined);
  const root = Metadata.fromJSON(MetadataKind.Root, JSON.parse(text) as RootJson);
  assert.equal(root.signed.version, 1);
  assert.equal(root.signed.roles.root?.threshold, 3);
  assert.equal(root.signed.roles.root?.keyIDs.length, 8);
  root.verifyDelegate('root', root); // throws below the threshold
});

test('the same root with a changed field no longer verifies (the check above can fail)', () => {
  const text = TUF_INSTANCES.github.initialRoot;
  assert.ok(text !== undefined);
  const json = JSON.parse(text.replace('"2024-06-23T08:29:18Z"', '"2099-01-01T00:00:00Z"')) as RootJson;
  const root = Metadata.fromJSON(MetadataKind.Root, json);
  assert.throws(() => root.verifyDelegate('root', root), /was signed by 0\/3 keys/);
});

test('public-good uses the mirror @sigstore/tuf has a seed for; github its own mirror', () => {
  const require = createRequire(import.meta.url);
  const seeds = require('@sigstore/tuf/seeds.json') as Record<string, unknown>;
  assert.ok(Object.hasOwn(seeds, TUF_INSTANCES['public-good'].mirrorUrl));
  assert.equal(TUF_INSTANCES['public-good'].initialRoot, undefined);
  assert.equal(TUF_INSTANCES.github.mirrorUrl, 'https://tuf-repo.github.com');
  assert.ok(isTufInstanceName('github') && !isTufInstanceName('staging'));
});
