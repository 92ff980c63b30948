// Organisation B's countersigning service, reached through the library's client
// (src/lib/flows/countersign/service-client.ts, requestCountersignature), loaded only when countersign-url is
// used: the key path and the verify step never load it. (esbuild inlines the module into the
// one shared bundle dist/action.mjs, behind the thin entries dist/action-<step>.mjs; a step
// evaluates only the modules it loads, scripts/build.ts.)
import { InputError } from '../lib/basics/errors/errors.ts';

export type RequestCountersignature = (
  url: string,
  primaryBundle: Uint8Array,
  options?: { timeoutMs?: number; retries?: number },
) => Promise<Uint8Array>;

export async function loadServiceClient(): Promise<RequestCountersignature> {
  let mod: { requestCountersignature?: unknown };
  try {
    mod = await import('../lib/flows/countersign/service-client.ts');
  } catch (err) {
    throw new InputError(
      'service-client-missing',
      `input countersign-url: the countersigning-service client could not be loaded: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  if (typeof mod.requestCountersignature !== 'function') {
    throw new InputError(
      'service-client-missing',
      'input countersign-url: the countersigning-service client does not export requestCountersignature',
    );
  }
  return mod.requestCountersignature as RequestCountersignature;
}
