// The verification worker thread's entry (issue 15 F2). The pool starts this very module as
// the worker (`VERIFY_WORKER_URL`, its own URL), so that it works unchanged from the sources
// and from the bundled CLI, where it is part of a chunk: loaded in a worker whose workerData
// names this role, the module answers jobs; loaded anywhere else, it does nothing.
import { getPriority, setPriority } from 'node:os';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { trustMaterialOf } from '../../lib/checks/sigstore/trusted-root.ts';
import type { WorkerReply } from './pool.ts';
import { type VerifyAnswer, type VerifyContext, type VerifyJob, verifyJob } from './verify-job.ts';

export const VERIFY_WORKER_ROLE = 'countersign-verify-worker';
export const VERIFY_WORKER_URL = new URL(import.meta.url);

/** The workerData of a verification worker: the policy (plain data, structured-cloned) and the key's id. */
export interface VerifyWorkerData {
  role: typeof VERIFY_WORKER_ROLE;
  context: Omit<VerifyContext, 'trust'>;
}

function serve(data: VerifyWorkerData): void {
  const port = parentPort;
  if (!port) return;
  // Verification yields the CPU to the main thread (on Linux a nice value is per thread; pid 0
  // is this thread): /healthz and admission stay prompt when the cores are busy verifying.
  try {
    setPriority(0, Math.min(19, getPriority(0) + 5));
  } catch {
    // not permitted here: run at the process's priority
  }
  // Trust material holds keys and certificates (not cloneable): each worker builds its own from the policy.
  const ctx: VerifyContext = { ...data.context, trust: trustMaterialOf(data.context.policy) };
  port.on('message', (message: { id: number; job: VerifyJob }) => {
    verifyJob(message.job, ctx).then(
      (answer) => {
        port.postMessage({ id: message.id, answer } satisfies WorkerReply<VerifyAnswer>);
      },
      (err: unknown) => {
        const fault = (err instanceof Error ? `${err.name}: ${err.message}` : String(err)).split('\n')[0] ?? '';
        port.postMessage({ id: message.id, fault: fault.slice(0, 500) } satisfies WorkerReply<VerifyAnswer>);
      },
    );
  });
}

if (!isMainThread && (workerData as Partial<VerifyWorkerData> | null)?.role === VERIFY_WORKER_ROLE)
  serve(workerData as VerifyWorkerData);
