import type { Prisma } from '../../db/database';
import type { HisClient } from '../../integrations/his';
import type { AuditLog } from '../audit/audit-log';
import type { ConsultationAccess } from '../consultations/consultation-access';
import type { Outbox } from '../outbox/outbox';
import { SignerUnlock } from '../signatures/signer-unlock';
import type { SigningKeys } from '../signatures/signing-keys';
import { OpinionAccess } from './opinion-access';
import { OpinionRecords } from './opinion-records';
import { OpinionService } from './opinion-service';
import { OpinionSigning } from './opinion-signing';
import { OpinionVerifier } from './opinion-verification';
import { registerOpinionWriteback } from './opinion-writeback';

export interface OpinionDeps {
  prisma: Prisma;
  consultationAccess: ConsultationAccess;
  audit: AuditLog;
  outbox: Outbox;
  keys: SigningKeys;
  his: HisClient | null;
}

/** 会诊意见 for the edges: drafting, signing, acknowledgement, verification. */
export interface Opinions {
  service: OpinionService;
  signing: OpinionSigning;
  verifier: OpinionVerifier;
}

export function createOpinions(deps: OpinionDeps): Opinions {
  const records = new OpinionRecords(deps.prisma, deps.audit);
  const access = new OpinionAccess(deps.prisma, deps.consultationAccess);
  if (deps.his) registerOpinionWriteback(deps.outbox, deps.his);
  return {
    service: new OpinionService(records, access),
    signing: new OpinionSigning(records, access, new SignerUnlock(deps.prisma, deps.keys, deps.audit), deps.outbox),
    verifier: new OpinionVerifier(records, deps.keys),
  };
}
