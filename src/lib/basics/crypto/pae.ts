// DSSE Pre-Authentication Encoding (DSSE v1 protocol, "PAE"):
//   "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body
// with LEN as ASCII decimal. Using PAE with our own payload type as the countersignature's
// signed message domain-separates B's signatures from every other use of its key: a
// signature made for another payload type can never verify here, and vice versa.
const encoder = new TextEncoder();

export function preAuthEncoding(payloadType: string, payload: Uint8Array): Uint8Array {
  const typeBytes = encoder.encode(payloadType);
  const head = encoder.encode(`DSSEv1 ${typeBytes.length} ${payloadType} ${payload.length} `);
  const out = new Uint8Array(head.length + payload.length);
  out.set(head, 0);
  out.set(payload, head.length);
  return out;
}
