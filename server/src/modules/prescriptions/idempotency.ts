import { z } from 'zod';
import type { Prisma } from '../../db/database';
import { badRequest, conflict } from '../../lib/errors';
import { canonicalJson, sha256Hex } from '../signatures/canonical';

/** A mutating request made with an `Idempotency-Key` header. */
export interface IdempotentRequest {
  key: string;
  /** SHA-256 of method, path and canonical body: the same key must come with the same request. */
  hash: string;
}

const KeySchema = z.string().regex(/^[A-Za-z0-9._:-]{8,128}$/);

/** Reads and checks the header (edge); undefined when absent. */
export function idempotentRequest(header: string | undefined, method: string, path: string, body: unknown): IdempotentRequest | undefined {
  if (header === undefined) return undefined;
  const key = KeySchema.safeParse(header);
  if (!key.success) throw badRequest('Idempotency-Key must be 8–128 characters of A–Z a–z 0–9 . _ : -');
  return { key: key.data, hash: sha256Hex(canonicalJson({ method, path, body: body ?? null })) };
}

type Tx = Pick<Prisma, 'idempotencyRecord'>;

/**
 * Idempotent submission: the record is written in the same transaction as the change it stands for,
 * so a retry after a network cut replays the outcome (never acts twice), and two concurrent requests
 * with one key cannot both commit (unique key; the loser replays).
 */
export class Idempotency {
  constructor(private readonly prisma: Prisma) {}

  /** The earlier outcome for this key, or null. Same key with another request: 409 `conflict`. */
  async replay(userId: string, req: IdempotentRequest | undefined): Promise<{ prescriptionId: string; status: number } | null> {
    if (!req) return null;
    const prior = await this.prisma.idempotencyRecord.findUnique({ where: { userId_key: { userId, key: req.key } } });
    if (!prior) return null;
    if (prior.requestHash !== req.hash) {
      throw conflict('This Idempotency-Key was already used for a different request', { reason: 'idempotency_key_reused' });
    }
    return { prescriptionId: prior.prescriptionId, status: prior.status };
  }

  async record(tx: Tx, userId: string, req: IdempotentRequest | undefined, prescriptionId: string, status: number): Promise<void> {
    if (!req) return;
    await tx.idempotencyRecord.create({ data: { userId, key: req.key, requestHash: req.hash, prescriptionId, status } });
  }
}

/** Prisma's unique-constraint violation. */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && err.code === 'P2002';
}
