// Test helper: get an identity token from a running stack the way a GitHub runner would
// (actions/toolkit getIDToken: `<tokenUrl>&audience=...`, bearer auth, JSON `value`).
import type { StackDescription } from '../lib/formats/stack/description.ts';

export interface FetchTokenOptions {
  /** Sign as another workflow for this one token (a stack extension). */
  jobWorkflowRef?: string;
  /** Sign as a reusable-workflow call of that workflow by this one of another repository (a stack extension). */
  callerWorkflowRef?: string;
  /** Default "sigstore", Fulcio's audience. */
  audience?: string;
}

export async function fetchToken(description: StackDescription, options: FetchTokenOptions = {}): Promise<string> {
  let url = `${description.tokenUrl}&audience=${encodeURIComponent(options.audience ?? 'sigstore')}`;
  if (options.jobWorkflowRef !== undefined) url += `&job_workflow_ref=${encodeURIComponent(options.jobWorkflowRef)}`;
  if (options.callerWorkflowRef !== undefined)
    url += `&caller_workflow_ref=${encodeURIComponent(options.callerWorkflowRef)}`;
  const res = await fetch(url, {
    headers: { authorization: `bearer ${description.requestToken}` },
    signal: AbortSignal.timeout(5000),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`stack token endpoint: HTTP ${res.status}: ${text}`);
  const value = (JSON.parse(text) as { value?: unknown }).value;
  if (typeof value !== 'string') throw new Error('stack token endpoint: no "value" in the response');
  return value;
}
