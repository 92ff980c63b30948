// The stack's Rekor v2 (rekor-tiles): `POST /api/v2/log/entries` with a CreateEntryRequest
// (protobuf-specs rekor/v2, JSON mapping) holding a dsseRequestV002 {envelope, verifiers}, the
// request @sigstore/sign's RekorWitness sends with majorApiVersion 2. Like rekor-tiles it
// verifies every DSSE signature against the submitted verifiers (x509 certificates or public
// keys), logs the entry {kind dsse, apiVersion 0.0.2, spec.dsseV002 {payloadHash, signatures}}
// in the stack's one growing tree (log.ts, C2SP Ed25519 checkpoints), and answers with a
// TransparencyLogEntry: log index, log id, kind and version, the canonicalized body and an
// inclusion proof with its checkpoint; no integrated time and no promise (Rekor v2 gives
// neither: the signing time must come from a TSA). hashedrekord 0.0.2 (message signatures) is
// not served: countersign signs DSSE only.
import { X509Certificate, createHash, createPublicKey, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { HashAlgorithm } from '@sigstore/protobuf-specs';
import { CreateEntryRequest, Entry, type Verifier } from '@sigstore/protobuf-specs/rekor/v2';
import { json, jsonError } from './http.ts';
import type { Reply, Request } from './http.ts';
import { canonicalJson, type StackLog } from './log.ts';

export const CREATE_ENTRY_V2_PATH = '/api/v2/log/entries';

class BadEntry extends Error {}

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

/** DSSE v1 pre-authentication encoding. */
function pae(payloadType: string, payload: Buffer): Buffer {
  const type = Buffer.from(payloadType, 'utf8');
  return Buffer.concat([Buffer.from(`DSSEv1 ${type.length} `), type, Buffer.from(` ${payload.length} `), payload]);
}

export function rekorV2Route(log: StackLog): (request: Request) => Promise<Reply> {
  return async ({ method, url, body }) => {
    if (url.pathname !== CREATE_ENTRY_V2_PATH) return jsonError(404, `no such path ${url.pathname}`);
    if (method !== 'POST') return jsonError(405, `${method} not allowed`);
    let entry: Entry;
    try {
      entry = toEntry(body);
    } catch (err) {
      if (err instanceof BadEntry || err instanceof SyntaxError) return jsonError(400, err.message);
      throw err;
    }
    const canonicalizedBody = Buffer.from(canonicalJson(Entry.toJSON(entry)), 'utf8');
    const logged = await log.append(canonicalizedBody);
    const { proof } = logged;
    return json(201, {
      logIndex: String(logged.index),
      logId: { keyId: b64(log.logId) },
      kindVersion: { kind: 'dsse', version: '0.0.2' },
      integratedTime: '0',
      inclusionProof: {
        logIndex: String(proof.index),
        rootHash: b64(proof.rootHash),
        treeSize: String(proof.treeSize),
        hashes: proof.hashes.map(b64),
        checkpoint: { envelope: proof.checkpoint },
      },
      canonicalizedBody: canonicalizedBody.toString('base64'),
    });
  };
}

function toEntry(body: Buffer): Entry {
  const request = CreateEntryRequest.fromJSON(JSON.parse(body.toString('utf8')));
  const spec = request.spec;
  if (spec?.$case !== 'dsseRequestV002')
    throw new BadEntry('only dsseRequestV002 entries are served by the local stack');
  const { envelope, verifiers } = spec.dsseRequestV002;
  if (!envelope || envelope.signatures.length === 0) throw new BadEntry('envelope has no signatures');
  if (verifiers.length === 0) throw new BadEntry('verifiers are missing');
  const keys = verifiers.map((v: Verifier) => verifierKey(v.verifier));
  const message = pae(envelope.payloadType, envelope.payload);
  const signatures = envelope.signatures.map((sig) => {
    const i = keys.findIndex((key) => {
      try {
        return verify('sha256', message, key, sig.sig);
      } catch {
        return false;
      }
    });
    const verifier = verifiers[i];
    if (!verifier) throw new BadEntry('all signatures must have a key that verifies it');
    return { content: sig.sig, verifier };
  });
  return {
    kind: 'dsse',
    apiVersion: '0.0.2',
    spec: {
      spec: {
        $case: 'dsseV002',
        dsseV002: {
          payloadHash: {
            algorithm: HashAlgorithm.SHA2_256,
            digest: createHash('sha256').update(envelope.payload).digest(),
          },
          signatures,
        },
      },
    },
  };
}

function verifierKey(verifier: Verifier['verifier']): KeyObject {
  try {
    if (verifier?.$case === 'x509Certificate') return new X509Certificate(verifier.x509Certificate.rawBytes).publicKey;
    if (verifier?.$case === 'publicKey')
      return createPublicKey({ key: verifier.publicKey.rawBytes, format: 'der', type: 'spki' });
  } catch {
    throw new BadEntry('could not parse verifier');
  }
  throw new BadEntry('verifier is missing');
}
