import { startStack, fetchToken } from '../index.ts';
import { instanceFromStackDescription } from '../../../src/lib/sigstore/instances.ts';
import { signStatement } from '../../../src/lib/sigstore/sign.ts';
const stack = await startStack();
const inst = instanceFromStackDescription(stack.description, 'x');
for (const i of [{ ...inst, tsaUrl: undefined }, { ...inst, rekorUrl: undefined }]) {
  const b = await signStatement(Buffer.from('{"_type":"https://in-toto.io/Statement/v1"}'), { instance: i, identityToken: await fetchToken(stack.description) }) as any;
  console.log(JSON.stringify({ ...b.verificationMaterial, certificate: undefined }).slice(0, 1500));
}
await stack.close();
