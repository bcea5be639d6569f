import crypto from 'node:crypto';
import { FrequencySchema, RouteCodeSchema, type PublicVerification } from '@cloudclinic/shared';
import { AppError, notFound } from '../../lib/errors';
import type { PrescriptionRecords } from './prescription-records';
import type { SigningKeys } from '../signatures/signing-keys';
import { verifyPrescription } from './signing-service';
import { verificationCode } from '../signatures/verification-code';

function sameCode(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/**
 * The public page behind the QR on the printed 处方笺 (no login): authenticity and status, never the
 * patient's name; the drugs only for the holder of the printed code. Every look-up is audited.
 */
export class PublicVerifier {
  constructor(
    private readonly records: PrescriptionRecords,
    private readonly keys: SigningKeys,
  ) {}

  async verify(id: string, code: string | undefined): Promise<PublicVerification> {
    const rx = await this.records.prisma.prescription.findUnique({ where: { id }, include: { items: true, versions: true } });
    const version = rx?.versions.find((v) => v.version === rx.version);
    if (!rx || !version) throw notFound('Signed prescription');
    const check = await verifyPrescription(rx, this.keys, (signerId) => this.records.prisma.user.findUnique({ where: { id: signerId }, include: { institution: true } }));
    const unlocked = code !== undefined && sameCode(code, verificationCode(version.jws));
    await this.records.record(null, 'prescription.verify.public', rx, code === undefined ? 'ok' : unlocked ? 'code_ok' : 'code_wrong');
    if (code !== undefined && !unlocked) throw new AppError('forbidden', 'The code does not match the one printed beside the QR code');
    const pharmacy = await this.records.prisma.institution.findUnique({ where: { id: rx.institutionId } });
    return {
      number: rx.number,
      authentic: check.valid,
      status: rx.status,
      signedAt: check.signedAt,
      validUntil: rx.validUntil?.toISOString() ?? null,
      issuedBy: check.signer?.institution ?? null,
      pharmacy: pharmacy?.name ?? '',
      items: unlocked
        ? [...rx.items]
            .sort((a, b) => a.position - b.position)
            .map((i) => ({
              name: i.name,
              strength: i.strength,
              quantity: { value: i.quantity, unit: i.quantityUnit },
              frequency: FrequencySchema.parse(i.frequency),
              dose: { value: i.doseValue, unit: i.doseUnit },
              route: RouteCodeSchema.parse(i.route),
              days: i.days,
            }))
        : null,
    };
  }
}
