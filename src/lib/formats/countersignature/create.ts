// Making a countersignature: organisation B signs a statement that binds the exact primary it
// verified (src/lib/formats/countersignature/statement.ts). Callers must have verified the primary under
// their policy first: createCountersignature does no policy work of its own.
import { COUNTERSIGNATURE_PAYLOAD_TYPE, type Countersignature } from '../core/types.ts';
import { preAuthEncoding } from '../../basics/crypto/pae.ts';
import {
  type PrimaryBinding,
  buildCountersignatureStatement,
  serializeCountersignatureStatement,
} from './statement.ts';
import type { CountersignSigner } from '../../basics/crypto/signer.ts';

export async function createCountersignature(input: {
  signer: CountersignSigner;
  primary: PrimaryBinding;
  stream: string;
  version: number;
  signedAt: Date;
}): Promise<Countersignature> {
  const statement = buildCountersignatureStatement({
    keyId: input.signer.keyId,
    primary: input.primary,
    stream: input.stream,
    version: input.version,
    signedAt: input.signedAt,
  });
  const bytes = serializeCountersignatureStatement(statement);
  const signature = await input.signer.sign(preAuthEncoding(COUNTERSIGNATURE_PAYLOAD_TYPE, bytes));
  return {
    keyId: input.signer.keyId,
    statement: Buffer.from(bytes).toString('base64'),
    signature: Buffer.from(signature).toString('base64'),
  };
}
