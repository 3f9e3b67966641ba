import type { DeviceSigner, LineDecision, SignedDecision } from '../../../shared/approvals';
import { canonicalJson } from '../audit';
import { verifySignature, type DeviceKey } from './device-keys';

/** Exactly what a decision's signature covers: the batch, the decision and who signed it where. */
export function decisionSigningText(batchId: string, decision: LineDecision, signer: DeviceSigner): string {
  return canonicalJson({ purpose: 'network-planner-decision/1', batchId, decision, signer });
}

export function signDecision(batchId: string, decision: LineDecision, key: DeviceKey, name: string): SignedDecision {
  const signer: DeviceSigner = { ...key.signer, name };
  return { batchId, decision, signer, signature: key.sign(decisionSigningText(batchId, decision, signer)) };
}

export function decisionSignatureHolds(signed: SignedDecision): boolean {
  return verifySignature(signed.signer.publicKey, decisionSigningText(signed.batchId, signed.decision, signed.signer), signed.signature);
}
