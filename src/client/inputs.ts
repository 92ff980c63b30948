// Turns what a client application holds (bytes, text, or JSON it already parsed) into the
// typed inputs of the verification pipeline. Every value is checked by the same strict
// parsers the CLI uses: a parsed JSON object is serialised again and re-parsed, so an app
// that imports its policy as a JSON module gets exactly the checks of `--policy FILE`
// (except duplicate keys, which a JavaScript object cannot hold).
import type { TrustMaterial } from '@sigstore/verify';
import type { Subject } from '../lib/formats/core/types.ts';
import { parseStrictJson } from '../lib/basics/json/strict-json.ts';
import { SHA256_HEX, describe } from '../lib/basics/json/shape.ts';
import { sha256Hex } from '../lib/basics/crypto/sha256.ts';
import { subjectNameProblem } from '../lib/formats/subjects/name.ts';
import { InputError } from '../lib/basics/errors/errors.ts';
import { parsePolicy } from '../lib/formats/policy/parse.ts';
import type { Policy } from '../lib/formats/policy/types.ts';
import { loadTrustedRoot, TRUSTED_ROOT_MAX_BYTES } from '../lib/checks/sigstore/trusted-root.ts';
import { type ClientState, parseState } from '../lib/formats/state/state.ts';

/** A JSON document as the app has it: raw bytes, text, or already parsed. */
export type JsonInput = Uint8Array | string | Readonly<Record<string, unknown>>;

/** One file to check against the statement's subjects: its bytes, or its SHA-256. */
export type ArtifactInput =
  | { readonly name: string; readonly bytes: Uint8Array }
  /** Lowercase hex, or the 32 raw digest bytes. */
  | { readonly name: string; readonly sha256: string | Uint8Array };

/**
 * The pinned trust, parsed once: the policy and the Sigstore trust material built from the
 * trusted root it embeds. Reuse it across bundles (building the trust material parses every
 * certificate of the trusted root).
 */
export interface PinnedPolicy {
  readonly policy: Policy;
  readonly trust: TrustMaterial;
}

/**
 * Parses the pinned policy (spec/POLICY.md) and builds its trust material. `trustedRoot`,
 * when given (the sigstore-conformance layout ships trusted_root.json beside the policy),
 * must be the very root the policy embeds: the policy is the one source of trust, and a
 * second one that disagrees with it is a packaging mistake to stop on, not to resolve.
 * Throws PolicyError / InputError.
 */
export function loadPinnedPolicy(policy: JsonInput, trustedRoot?: JsonInput): PinnedPolicy {
  const parsed = parsePolicy(asText(policy), 'pinned policy');
  if (trustedRoot !== undefined) checkTrustedRootMatches(parsed, trustedRoot);
  return { policy: parsed, trust: loadTrustedRoot(parsed.trustedRoot, 'pinned policy trustedRoot') };
}

/** Throws `trusted-root-mismatch` unless `trustedRoot` is the root the policy embeds (key order aside). */
export function checkTrustedRootMatches(policy: Policy, trustedRoot: JsonInput): void {
  const given = canonicalJson(
    parseStrictJson(asText(trustedRoot), 'pinned trusted root', { maxBytes: TRUSTED_ROOT_MAX_BYTES, maxDepth: 32 }),
  );
  if (given !== canonicalJson(policy.trustedRoot)) {
    throw new InputError(
      'trusted-root-mismatch',
      'pinned trusted root: expected the trusted root the pinned policy embeds (policy.trustedRoot), found a different one',
    );
  }
}

/** The client state document (spec/FORMAT.md §8), or undefined for a client without state. */
export function readState(state: JsonInput | null | undefined): ClientState | undefined {
  if (state === undefined || state === null) return undefined;
  const bytes = state instanceof Uint8Array ? state : new TextEncoder().encode(asText(state));
  return parseState(bytes, 'client state');
}

/** Subjects (name and SHA-256) of the artifacts at hand, hashing the bytes given. */
export function artifactSubjects(artifacts: readonly ArtifactInput[], maxCount: number): Subject[] {
  const list: unknown = artifacts; // typed for the app, not trusted: JavaScript callers pass anything
  if (!Array.isArray(list))
    throw new InputError('artifacts-malformed', `artifacts: expected an array, found ${describe(list)}`);
  if (artifacts.length > maxCount)
    throw new InputError(
      'artifacts-too-many',
      `artifacts: expected at most ${maxCount} (the policy's maxSubjects), found ${artifacts.length}`,
    );
  const seen = new Set<string>();
  return artifacts.map((a, i) => {
    const at = `artifacts[${i}]`;
    const item: unknown = a;
    if (typeof item !== 'object' || item === null || !('name' in item) || typeof item.name !== 'string')
      throw new InputError('artifacts-malformed', `${at}: expected { name, bytes } or { name, sha256 }`);
    const { name } = item;
    const problem = subjectNameProblem(name);
    if (problem)
      throw new InputError('artifacts-malformed', `${at}: the name ${JSON.stringify(name.slice(0, 200))} ${problem}`);
    if (seen.has(name))
      throw new InputError(
        'artifacts-malformed',
        `${at}: expected each name once, found ${JSON.stringify(name)} again`,
      );
    seen.add(name);
    return { name, digest: { sha256: digestOf(a, at) } };
  });
}

/** The artifact's SHA-256 as lowercase hex (hashing its bytes, or checking the digest given). Throws InputError. */
export function digestOf(a: ArtifactInput, at: string): string {
  if ('bytes' in a) {
    if (!(a.bytes instanceof Uint8Array))
      throw new InputError('artifacts-malformed', `${at}.bytes: expected a Uint8Array, found ${describe(a.bytes)}`);
    return sha256Hex(a.bytes);
  }
  const { sha256 } = a as { sha256?: unknown };
  if (sha256 instanceof Uint8Array) {
    if (sha256.length !== 32)
      throw new InputError('artifacts-malformed', `${at}.sha256: expected 32 bytes, found ${sha256.length}`);
    return Array.from(sha256, (b) => b.toString(16).padStart(2, '0')).join('');
  }
  if (typeof sha256 !== 'string' || !SHA256_HEX.test(sha256)) {
    throw new InputError(
      'artifacts-malformed',
      `${at}.sha256: expected 64 lowercase hex digits or 32 bytes, found ${describe(sha256)}`,
    );
  }
  return sha256;
}

/** Text of a JSON input; a parsed object is serialised (the strict parsers then read it). */
function asText(input: JsonInput): string {
  if (typeof input === 'string') return input;
  if (input instanceof Uint8Array) {
    try {
      return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(input);
    } catch {
      throw new InputError('input-malformed', 'expected UTF-8 JSON bytes, found invalid UTF-8');
    }
  }
  const value: unknown = input; // JavaScript callers may pass null, a number, ...
  if (typeof value === 'object' && value !== null) return jsonText(value);
  throw new InputError('input-malformed', `expected bytes, text or a parsed JSON object, found ${describe(input)}`);
}

/** A parsed JSON value serialised; one JSON.stringify refuses (a cycle, a BigInt, nesting deep enough to overflow the stack) is an InputError. */
function jsonText(value: object): string {
  let text: unknown;
  try {
    text = JSON.stringify(value);
  } catch (err) {
    throw new InputError(
      'input-malformed',
      `expected a parsed JSON value, found one that is not JSON (${err instanceof RangeError ? 'nested too deeply' : 'a cycle or a BigInt'})`,
    );
  }
  // A toJSON() that returns undefined serialises to nothing at all.
  if (typeof text !== 'string')
    throw new InputError('input-malformed', 'expected a parsed JSON value, found one that serialises to nothing');
  return text;
}

/** JSON with object keys sorted at every level: equal for equal values, whatever the key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}
