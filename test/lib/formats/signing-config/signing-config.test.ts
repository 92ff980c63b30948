// Sigstore SigningConfig v0.2 (src/lib/formats/signing-config/): the real configs of
// test/vectors/real-sigstore/signing-configs/ parse, and the services chosen at a given time
// follow sigstore-go's and sigstore-python's rules (validity window, highest supported API
// version, newest first, one per operator, ANY/ALL/EXACT); anything off the format is refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../../../../src/lib/basics/errors/errors.ts';
import { parseStrictJson } from '../../../../src/lib/basics/json/strict-json.ts';
import {
  SIGNING_CONFIG_MEDIA_TYPE,
  parseSigningConfig,
  selectServices,
} from '../../../../src/lib/formats/signing-config/signing-config.ts';

const DIR = join(import.meta.dirname, '..', '..', '..', 'vectors', 'real-sigstore', 'signing-configs');

async function load(name: string): Promise<unknown> {
  return parseStrictJson(await readFile(join(DIR, name)), name);
}

const at = (iso: string) => new Date(iso);

function refused(message: RegExp) {
  return (err: unknown) => {
    assert.ok(err instanceof InputError, String(err));
    assert.equal(err.code, 'signing-config-invalid');
    assert.match(err.message, message);
    assert.ok(!err.message.includes('\n'));
    return true;
  };
}

test('public-good: Fulcio, Rekor v1 and the TSA by its full URL', async () => {
  const config = parseSigningConfig(await load('public-good.signing_config.v0.2.json'), 'pg');
  assert.deepEqual(selectServices(config, 'pg', at('2026-06-01T00:00:00Z')), {
    fulcioUrl: 'https://fulcio.sigstore.dev',
    rekorUrls: ['https://rekor.sigstore.dev'],
    rekorMajorApiVersion: 1,
    tsaUrls: ['https://timestamp.sigstore.dev/api/v1/timestamp'],
  });
  // Before the TSA's validFor.start, no TSA is chosen; Rekor v1 still gives the time.
  assert.deepEqual(selectServices(config, 'pg', at('2025-01-01T00:00:00Z')).tsaUrls, []);
});

test('public-good with Rekor v2: v1 before its start, v2 from 2026-01-01 (the highest version wins, never mixed)', async () => {
  const config = parseSigningConfig(await load('public-good-rekor-v2.signing_config.v0.2.json'), 'pg2');
  const before = selectServices(config, 'pg2', at('2025-12-31T23:59:59Z'));
  assert.deepEqual(before.rekorUrls, ['https://rekor.sigstore.dev']);
  assert.equal(before.rekorMajorApiVersion, 1);
  const after = selectServices(config, 'pg2', at('2026-01-01T00:00:00Z'));
  assert.deepEqual(after.rekorUrls, ['https://log2025-1.rekor.sigstore.dev']);
  assert.equal(after.rekorMajorApiVersion, 2);
});

test('staging Rekor v2 shards: the one whose window holds the time, newest first', async () => {
  const config = parseSigningConfig(await load('staging-rekor-v2.signing_config.v0.2.json'), 'st');
  const pick = (iso: string) => selectServices(config, 'st', at(iso)).rekorUrls;
  assert.deepEqual(pick('2025-06-01T00:00:00Z'), ['https://log2025-alpha1.rekor.sigstage.dev']);
  assert.deepEqual(pick('2025-09-01T00:00:00Z'), ['https://log2025-alpha2.rekor.sigstage.dev']);
  assert.deepEqual(pick('2025-10-01T00:00:00Z'), ['https://log2025-alpha3.rekor.sigstage.dev']);
  // Before any v2 shard: Rekor v1.
  assert.deepEqual(pick('2025-05-01T00:00:00Z'), ['https://rekor.sigstage.dev']);
});

test("sigstore-python's example: the CA valid now, not the expired one", async () => {
  const config = parseSigningConfig(await load('sigstore-python-test-example.signing_config.v0.2.json'), 'py');
  assert.equal(selectServices(config, 'py', at('2026-01-01T00:00:00Z')).fulcioUrl, 'https://fulcio.example.com');
  // In 2022 only the old CA was valid, but its Rekor v2 log had no TSA beside it yet: refused.
  assert.throws(() => selectServices(config, 'py', at('2022-12-01T00:00:00Z')), refused(/Rekor v2 .* no timestamp/));
  const { rekorTlogUrls: _logs, ...noLogs } = (await load(
    'sigstore-python-test-example.signing_config.v0.2.json',
  )) as Record<string, unknown>;
  const tsaFrom2022 = [{ url: 'https://tsa.test', majorApiVersion: 1, validFor: { start: '2022-01-01T00:00:00Z' } }];
  assert.equal(
    selectServices(parseSigningConfig({ ...noLogs, tsaUrls: tsaFrom2022 }, 'py'), 'py', at('2022-12-01T00:00:00Z'))
      .fulcioUrl,
    'https://fulcio-old.example.com',
  );
  // Both logs are valid; v2 is the highest version: it alone is chosen (one operator).
  assert.deepEqual(selectServices(config, 'py', at('2026-01-01T00:00:00Z')).rekorUrls, [
    'https://rekor-v2.example.com',
  ]);
  const staging = parseSigningConfig(await load('sigstore-go-example-staging.signing_config.v0.2.json'), 'go');
  assert.equal(selectServices(staging, 'go', at('2026-01-01T00:00:00Z')).fulcioUrl, 'https://fulcio.sigstage.dev');
});

function config(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const service = (url: string, operator: string, start = '2024-01-01T00:00:00Z', majorApiVersion = 1) => ({
    url,
    majorApiVersion,
    validFor: { start },
    operator,
  });
  return {
    mediaType: SIGNING_CONFIG_MEDIA_TYPE,
    caUrls: [service('https://fulcio.test', 'a')],
    rekorTlogUrls: [
      service('https://rekor-a.test', 'a'),
      service('https://rekor-a-new.test', 'a', '2025-01-01T00:00:00Z'),
      service('https://rekor-b.test', 'b'),
      service('https://rekor-c.test', 'c'),
    ],
    tsaUrls: [service('https://tsa-a.test/api/v1/timestamp', 'a'), service('https://tsa-b.test', 'b')],
    rekorTlogConfig: { selector: 'ANY' },
    tsaConfig: { selector: 'ANY' },
    ...overrides,
  };
}
const NOW = at('2026-01-01T00:00:00Z');

test('selectors: ANY the newest, ALL one per operator, EXACT the first count or an error', () => {
  const select = (c: Record<string, unknown>) => selectServices(parseSigningConfig(c, 'c'), 'c', NOW);
  assert.deepEqual(select(config()).rekorUrls, ['https://rekor-a-new.test']);
  assert.deepEqual(select(config({ rekorTlogConfig: { selector: 'ALL' } })).rekorUrls, [
    'https://rekor-a-new.test',
    'https://rekor-b.test',
    'https://rekor-c.test',
  ]);
  assert.deepEqual(select(config({ tsaConfig: { selector: 'EXACT', count: 2 } })).tsaUrls, [
    'https://tsa-a.test/api/v1/timestamp',
    'https://tsa-b.test',
  ]);
  assert.throws(
    () => select(config({ tsaConfig: { selector: 'EXACT', count: 3 } })),
    refused(/asks for 3 services, found 2/),
  );
  assert.throws(() => select(config({ tsaConfig: { selector: 'EXACT' } })), refused(/count of at least 1/));
  // No configuration at all: as ANY.
  const { rekorTlogConfig: _r, tsaConfig: _t, ...bare } = config();
  assert.deepEqual(select(bare).tsaUrls, ['https://tsa-a.test/api/v1/timestamp']);
});

test('a usable instance: a Fulcio, a log or a TSA, and a TSA beside Rekor v2', () => {
  const select = (c: Record<string, unknown>) => selectServices(parseSigningConfig(c, 'c'), 'c', NOW);
  assert.throws(() => select(config({ caUrls: [] })), refused(/expected a Fulcio/));
  assert.throws(() => select(config({ rekorTlogUrls: [], tsaUrls: [] })), refused(/neither/));
  const v2 = [{ url: 'https://rekor-v2.test', majorApiVersion: 2, validFor: { start: '2024-01-01T00:00:00Z' } }];
  assert.throws(
    () => select(config({ rekorTlogUrls: v2, tsaUrls: [] })),
    refused(/Rekor v2 .* no timestamp authority/),
  );
  // A TSA-only config (GitHub-like) is an instance.
  assert.deepEqual(select(config({ rekorTlogUrls: [] })).rekorUrls, []);
  // Versions this client does not speak are skipped; an expired service is never chosen.
  const v3 = [
    { url: 'https://rekor-v3.test', majorApiVersion: 3, validFor: { start: '2025-01-01T00:00:00Z' } },
    {
      url: 'https://rekor-old.test',
      majorApiVersion: 1,
      validFor: { start: '2020-01-01T00:00:00Z', end: '2021-01-01T00:00:00Z' },
    },
    { url: 'https://rekor-v1.test', majorApiVersion: 1, validFor: { start: '2021-01-01T00:00:00Z' } },
  ];
  assert.deepEqual(select(config({ rekorTlogUrls: v3 })).rekorUrls, ['https://rekor-v1.test']);
  // Plain http only to loopback: the token goes to Fulcio.
  const http = [{ url: 'http://fulcio.test', majorApiVersion: 1, validFor: { start: '2024-01-01T00:00:00Z' } }];
  assert.throws(
    () => select(config({ caUrls: http })),
    (err: unknown) => err instanceof InputError && err.code === 'bad-service-url',
  );
});

test('strict form: unknown fields, another media type, snake_case names, bad times and selectors are refused', () => {
  const cases: [unknown, RegExp][] = [
    [config({ extra: 1 }), /unknown field "extra"/],
    [config({ mediaType: 'application/vnd.dev.sigstore.signingconfig.v0.1+json' }), /\$\.mediaType: expected/],
    [config({ rekor_tlog_urls: [] }), /unknown field "rekor_tlog_urls"/],
    [
      config({ caUrls: [{ url: 'https://f.test', majorApiVersion: 1, validFor: { start: '2024-01-01' } }] }),
      /validFor\.start: expected to match/,
    ],
    [config({ caUrls: [{ url: 'https://f.test', majorApiVersion: 1 }] }), /missing field "validFor"/],
    [
      config({ caUrls: [{ url: 'https://f.test', majorApiVersion: 0, validFor: { start: '2024-01-01T00:00:00Z' } }] }),
      /majorApiVersion: expected a positive integer/,
    ],
    [
      config({
        caUrls: [
          {
            url: 'https://f.test',
            majorApiVersion: 1,
            validFor: { start: '2024-01-01T00:00:00Z', end: '2023-01-01T00:00:00Z' },
          },
        ],
      }),
      /end is before start/,
    ],
    [config({ tsaConfig: { selector: 'SERVICE_SELECTOR_UNDEFINED' } }), /expected ALL, ANY or EXACT/],
    [config({ caUrls: Array.from({ length: 33 }, () => ({})) }), /more than 32 items/],
    [[], /expected an object/],
  ];
  for (const [value, message] of cases)
    assert.throws(() => parseSigningConfig(value, 'c'), refused(message), JSON.stringify(value).slice(0, 80));
  // Fractional seconds, as the real configs write them, are fine.
  const ms = config({
    caUrls: [{ url: 'https://f.test', majorApiVersion: 1, validFor: { start: '2022-04-13T20:06:15.000Z' } }],
  });
  assert.equal(parseSigningConfig(ms, 'c').caUrls[0]?.start.toISOString(), '2022-04-13T20:06:15.000Z');
});
