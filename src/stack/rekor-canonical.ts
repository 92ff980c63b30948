// What Rekor v1 does with a proposed entry before logging it: verify every DSSE signature
// against the submitted verifiers, then keep only the canonical fields (rekor
// pkg/types/dsse/v0.0.1/entry.go and pkg/types/intoto/v0.0.2/entry.go, Unmarshal and
// Canonicalize). @sigstore/verify checks the logged body against the bundle (signature and
// payload hash), so the body must have the real shape, not the proposed entry verbatim.
import { X509Certificate, createHash, createPublicKey, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

export class EntryError extends Error {}

type Json = Record<string, unknown>;

const sha256Hex = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

/** DSSE v1 pre-authentication encoding: "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body. */
function pae(payloadType: string, payload: Buffer): Buffer {
  const type = Buffer.from(payloadType, 'utf8');
  return Buffer.concat([Buffer.from(`DSSEv1 ${type.length} `), type, Buffer.from(` ${payload.length} `), payload]);
}

/** A verifier is PEM: a certificate (Fulcio's) or an SPKI public key. */
function verifierKey(pem: string): KeyObject {
  try {
    return pem.includes('BEGIN CERTIFICATE') ? new X509Certificate(pem).publicKey : createPublicKey(pem);
  } catch {
    throw new EntryError('could not parse public key as x509');
  }
}

function requireString(value: unknown, what: string): string {
  if (typeof value !== 'string' || value === '') throw new EntryError(`${what} is missing`);
  return value;
}

/** Index of the key that verifies `sig` over the envelope's PAE; every signature needs one. */
function verifyingKey(message: Buffer, sig: Buffer, keys: KeyObject[]): number {
  const verifies = (key: KeyObject) => {
    try {
      return verify('sha256', message, key, sig);
    } catch {
      return false; // a key type that cannot verify ECDSA/RSA-SHA256 signatures
    }
  };
  const index = keys.findIndex(verifies);
  if (index < 0) throw new EntryError('all signatures must have a key that verifies it');
  return index;
}

/** dsse v0.0.1: spec.proposedContent {envelope: JSON string, verifiers: base64 PEM[]}. */
export function canonicalDsse(spec: Json): Json {
  const proposed = spec.proposedContent as Json | undefined;
  const envelopeText = requireString(proposed?.envelope, 'spec.proposedContent.envelope');
  const verifiers = proposed?.verifiers;
  if (!Array.isArray(verifiers) || verifiers.length === 0)
    throw new EntryError('spec.proposedContent.verifiers is missing');
  const pems = verifiers.map((v) => Buffer.from(requireString(v, 'verifier'), 'base64').toString('utf8'));
  let envelope: Json;
  try {
    envelope = JSON.parse(envelopeText) as Json;
  } catch {
    throw new EntryError('spec.proposedContent.envelope is not JSON');
  }
  const payloadType = requireString(envelope.payloadType, 'envelope.payloadType');
  const payload = Buffer.from(requireString(envelope.payload, 'envelope.payload'), 'base64');
  const signatures = (Array.isArray(envelope.signatures) ? envelope.signatures : []) as Json[];
  const sigStrings = signatures.map((s) => requireString(s.sig, 'envelope signature'));
  if (sigStrings.length === 0) throw new EntryError('envelope has no signatures');
  const keys = pems.map(verifierKey);
  const message = pae(payloadType, payload);
  // Each signature is logged with the verifier that verified it, sorted by signature.
  const entries = sigStrings
    .map((signature) => ({
      signature,
      verifier: Buffer.from(pems[verifyingKey(message, Buffer.from(signature, 'base64'), keys)] as string).toString(
        'base64',
      ),
    }))
    .sort((a, b) => (a.signature < b.signature ? -1 : a.signature > b.signature ? 1 : 0));
  return {
    apiVersion: '0.0.1',
    kind: 'dsse',
    spec: {
      envelopeHash: { algorithm: 'sha256', value: sha256Hex(envelopeText) },
      payloadHash: { algorithm: 'sha256', value: sha256Hex(payload) },
      signatures: entries,
    },
  };
}

/** intoto v0.0.2: spec.content {envelope (payload and sigs base64 twice), hash, payloadHash}. */
export function canonicalIntoto(spec: Json): Json {
  const content = spec.content as Json | undefined;
  const envelope = content?.envelope as Json | undefined;
  const hash = content?.hash as Json | undefined;
  if (!envelope || !hash) throw new EntryError('spec.content.envelope and spec.content.hash are required');
  if (hash.algorithm !== 'sha256' || typeof hash.value !== 'string' || !/^[0-9a-f]{64}$/.test(hash.value)) {
    throw new EntryError('spec.content.hash must be a sha256 hex digest');
  }
  const payloadType = requireString(envelope.payloadType, 'envelope.payloadType');
  const payloadB64 = Buffer.from(requireString(envelope.payload, 'envelope.payload'), 'base64').toString('utf8');
  const payload = Buffer.from(payloadB64, 'base64');
  const signatures = (Array.isArray(envelope.signatures) ? envelope.signatures : []) as Json[];
  const sigs = signatures.map((s) =>
    Buffer.from(Buffer.from(requireString(s.sig, 'envelope signature'), 'base64').toString('utf8'), 'base64'),
  );
  const keys = signatures.map((s) =>
    verifierKey(Buffer.from(requireString(s.publicKey, 'signature publicKey'), 'base64').toString('utf8')),
  );
  if (sigs.length === 0) throw new EntryError('envelope has no signatures');
  const message = pae(payloadType, payload);
  // In intoto v0.0.2 each signature names its own key.
  sigs.forEach((sig, i) => verifyingKey(message, sig, [keys[i] as KeyObject]));
  return {
    apiVersion: '0.0.2',
    kind: 'intoto',
    spec: {
      content: {
        envelope: {
          payloadType,
          signatures: signatures.map((s) => ({
            ...(s.keyid ? { keyid: s.keyid } : {}),
            sig: s.sig,
            publicKey: s.publicKey,
          })),
        },
        hash: { algorithm: 'sha256', value: hash.value },
        payloadHash: { algorithm: 'sha256', value: sha256Hex(payload) },
      },
    },
  };
}

export function canonicalEntry(proposed: unknown): Json {
  const entry = proposed as Json | null;
  const spec = entry?.spec as Json | null | undefined;
  if (!entry || typeof spec !== 'object' || spec === null) throw new EntryError('proposed entry has no spec');
  if (entry.kind === 'dsse' && entry.apiVersion === '0.0.1') return canonicalDsse(spec);
  if (entry.kind === 'intoto' && entry.apiVersion === '0.0.2') return canonicalIntoto(spec);
  throw new EntryError(
    `entry kind ${JSON.stringify(entry.kind)} version ${JSON.stringify(entry.apiVersion)} is not supported by the local stack (dsse 0.0.1, intoto 0.0.2)`,
  );
}
