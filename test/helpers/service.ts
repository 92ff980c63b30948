// Running `countersign serve` as a real process for the service tests: key files (0600), a
// policy file on the flow's local Sigstore stack, and the server's JSON-lines stdout.
//
//   const svc = await setUpService(flow);          // files in flow.dir
//   const server = await svc.start();              // spawns serve --listen 127.0.0.1:0
//   ... fetch(`${server.url}/healthz`) ...
//   await server.stop();                           // SIGTERM (or server.kill(): SIGKILL)
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { buildPolicy, parsePolicy, type Policy } from '../../src/lib/formats/policy/index.ts';
import type { Flow, TestKey } from '../../tools/flow.ts';

export const ORIGIN = 'countersign.test/b-release';
export const MAIN = join(import.meta.dirname, '..', '..', 'src', 'cli', 'main.ts');

export interface ServiceFiles {
  dir: string;
  keyFile: string;
  logKeyFile: string;
  policyFile: string;
  dataDir: string;
  logKey: TestKey;
  /** The client's policy without a log requirement (same as the service's). */
  policy: Policy;
  /** The client's policy that requires B's countersignatures to be in B's log. */
  loggedPolicy: Policy;
  start(options?: { env?: Record<string, string>; args?: string[] }): Promise<RunningServe>;
}

export interface RunningServe {
  url: string;
  proc: ChildProcess;
  /** Every stdout line so far (JSON request log). */
  lines: string[];
  stderr: () => string;
  stop(): Promise<number | null>;
  kill(): Promise<void>;
}

export async function setUpService(
  flow: Flow,
  options: { streams?: string[]; name?: string } = {},
): Promise<ServiceFiles> {
  const dir = join(flow.dir, options.name ?? 'service');
  await mkdir(dir, { recursive: true });
  const logKey = flow.makeKey('b-log', 'Org B');
  const keyFile = join(dir, 'b.key');
  const logKeyFile = join(dir, 'b-log.key');
  await writeFile(keyFile, flow.keys.b.privateKeyPem, { mode: 0o600 });
  await writeFile(logKeyFile, logKey.privateKeyPem, { mode: 0o600 });
  const streams = options.streams ?? ['acme/app:stable'];
  const policyJson = (log: boolean) =>
    buildPolicy({
      issuer: flow.stack.description.issuer,
      identity: flow.stack.description.identity,
      githubClaims: flow.stack.sourceRepository,
      trustedRoot: flow.trustedRoot,
      countersigners: [
        {
          name: flow.keys.b.name,
          organisation: flow.keys.b.organisation,
          publicKeyPem: flow.keys.b.publicKeyPem,
          ...(log ? { log: { origin: ORIGIN, publicKeyPem: logKey.publicKeyPem } } : {}),
        },
      ],
      streams,
    });
  const policyFile = join(dir, 'policy.json');
  await writeFile(policyFile, JSON.stringify(policyJson(false), null, 2));
  const files: ServiceFiles = {
    dir,
    keyFile,
    logKeyFile,
    policyFile,
    dataDir: join(dir, 'data'),
    logKey,
    policy: parsePolicy(JSON.stringify(policyJson(false)), 'policy'),
    loggedPolicy: parsePolicy(JSON.stringify(policyJson(true)), 'logged policy'),
    start: (o = {}) =>
      startServe(
        o.args ?? [
          '--key',
          keyFile,
          '--log-key',
          logKeyFile,
          '--origin',
          ORIGIN,
          '--policy',
          policyFile,
          '--data',
          join(dir, 'data'),
          '--listen',
          '127.0.0.1:0',
        ],
        o.env,
      ),
  };
  return files;
}

export function startServe(args: string[], env: Record<string, string> = {}): Promise<RunningServe> {
  const proc = spawn(process.execPath, [MAIN, 'serve', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  const lines: string[] = [];
  let stderr = '';
  proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: proc.stdout });
    let started = false;
    rl.on('line', (line) => {
      lines.push(line);
      if (started) return;
      const event = JSON.parse(line) as { event?: string; url?: string };
      if (event.event === 'listening' && event.url) {
        started = true;
        resolve({
          url: event.url,
          proc,
          lines,
          stderr: () => stderr,
          stop: async () => {
            proc.kill('SIGTERM');
            return exited;
          },
          kill: async () => {
            proc.kill('SIGKILL');
            await exited;
          },
        });
      }
    });
    void exited.then((code) => {
      if (!started) reject(new Error(`serve exited with ${code} before listening: ${stderr}`));
    });
  });
}

/** POSTs raw bytes to /v1/countersign; returns status and parsed JSON body. */
export async function post(
  url: string,
  body: Uint8Array | string,
  contentType = 'application/json',
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${url}/v1/countersign`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

export async function treeSize(url: string): Promise<number> {
  const res = await fetch(`${url}/healthz`);
  return ((await res.json()) as { treeSize: number }).treeSize;
}
