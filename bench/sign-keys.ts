// Signing throughput of B's key in a PKCS#11 token (SoftHSM2, through pkcs11js: one logged-in
// session, signatures one at a time, each verified before it is handed out) against a key file
// (the seed in memory, OpenSSL), over a countersignature-sized message (issue 17). Skipped, with
// a report-only row saying why, when SoftHSM2 or pkcs11js is missing. Report-only: no target.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCountersignerKey, parsePrivateKeyPem } from '../src/lib/basics/crypto/ed25519-keys.ts';
import { type CountersignSigner, seedSigner } from '../src/lib/basics/crypto/signer.ts';
import { generateKeyInToken, openSigningKey } from '../src/lib/basics/io/key-ref.ts';
import { type Row, fmt } from './lib.ts';

const MODULE = ['/usr/lib/softhsm/libsofthsm2.so', '/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so'].find((m) =>
  existsSync(m),
);

async function rate(signer: CountersignSigner, count: number, concurrency: number): Promise<number> {
  const message = new Uint8Array(600).fill(0x61); // about a DSSE PAE of a countersignature statement
  await signer.sign(message); // warm
  const start = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        next++;
        await signer.sign(message);
      }
    }),
  );
  return count / ((performance.now() - start) / 1000);
}

export async function benchSignKeys(count: number): Promise<Row[]> {
  const pair = generateCountersignerKey();
  const parsed = parsePrivateKeyPem(pair.privateKeyPem, 'bench key');
  const file = seedSigner(parsed.seed, parsed.keyId);
  const fileRate = await rate(file, count, 1);
  const rows: Row[] = [
    {
      group: 'sign-keys',
      name: 'key file: signatures/s',
      value: fileRate,
      unit: '/s',
      detail: `${count} signatures, one at a time`,
    },
  ];
  let skip: string | undefined;
  try {
    execFileSync('softhsm2-util', ['--version'], { stdio: 'ignore' });
  } catch {
    skip = 'softhsm2-util not found';
  }
  if (MODULE === undefined) skip = 'SoftHSM2 not installed';
  if (skip !== undefined || MODULE === undefined) {
    rows.push({
      group: 'sign-keys',
      name: 'PKCS#11 key: skipped',
      value: Number.NaN,
      unit: '',
      detail: `skipped: ${skip ?? ''}`,
    });
    return rows;
  }
  const dir = await mkdtemp(join(tmpdir(), 'countersign-bench-hsm-'));
  try {
    const tokens = join(dir, 'tokens');
    await mkdir(tokens, { mode: 0o700 });
    const conf = join(dir, 'softhsm2.conf');
    await writeFile(conf, `directories.tokendir = ${tokens}\nobjectstore.backend = file\nlog.level = ERROR\n`);
    process.env.SOFTHSM2_CONF = conf;
    execFileSync(
      'softhsm2-util',
      ['--init-token', '--free', '--label', 'bench', '--so-pin', 'so-secret', '--pin', 'bench-pin'],
      {
        stdio: 'ignore',
      },
    );
    const pinFile = join(dir, 'pin');
    await writeFile(pinFile, 'bench-pin\n', { mode: 0o600 });
    const uri = `pkcs11:token=bench;object=b?module-path=${MODULE}&pin-source=file:${pinFile}`;
    await generateKeyInToken(uri, join(dir, 'b'), '--key');
    const key = await openSigningKey(uri, '--key');
    try {
      const hsmRate = await rate(key.signer, count, 1);
      const hsmConcurrent = await rate(key.signer, count, 16);
      rows.push(
        {
          group: 'sign-keys',
          name: 'PKCS#11 key (SoftHSM2): signatures/s',
          value: hsmRate,
          unit: '/s',
          detail: `${count} signatures, one at a time`,
        },
        {
          group: 'sign-keys',
          name: 'PKCS#11 key (SoftHSM2), 16 callers: signatures/s',
          value: hsmConcurrent,
          unit: '/s',
          detail: `${count} signatures from 16 concurrent callers (serialised on the one session)`,
        },
        {
          group: 'sign-keys',
          name: 'PKCS#11 / key file throughput',
          value: hsmRate / fileRate,
          unit: 'x',
          detail: `${fmt(hsmRate, 0)}/s against ${fmt(fileRate, 0)}/s`,
        },
      );
    } finally {
      key.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return rows;
}
