import { z } from 'zod';

/**
 * Field medicine over mediasoup data channels (peer → SFU → peers; the server forwards without
 * reading). Each receiver validates what arrives with these schemas before using it.
 *
 *  - `vitals.numbers`: reliable, ordered — numbers must all arrive (HR, SpO2, NIBP, RR, temperature).
 *  - `vitals.ecg`: unordered, no retransmission — a late ECG sample is worthless; drop it rather
 *    than hold the newer ones behind it. Binary frames (see client features/vitals/ecg-codec.ts).
 *  - `marks`: reliable, ordered — the expert's annotation state, sent whole on every change.
 *  - `marks.camera2`: the same, for marks on a participant's second video source (e.g. ultrasound).
 * Every message carries a sequence number (`seq` / `rev`); receivers drop anything not newer than
 * what they already rendered, so nothing is ever shown out of order.
 */
export const DATA_LABELS = { vitalsNumbers: 'vitals.numbers', vitalsEcg: 'vitals.ecg', marks: 'marks', marksCamera2: 'marks.camera2' } as const;

export interface DataChannelReliability {
  ordered: boolean;
  maxRetransmits?: number;
  maxPacketLifeTime?: number;
}

export const DATA_CHANNEL_RELIABILITY: Record<(typeof DATA_LABELS)[keyof typeof DATA_LABELS], DataChannelReliability> = {
  'vitals.numbers': { ordered: true },
  // Not maxRetransmits: 0 — mediasoup 3.13 serialises its parameters with FlatBuffers, which drop a
  // value equal to the field's default (0 / false): the SFU→receiver leg would silently become
  // reliable and ordered. A 200 ms lifetime survives and implies unordered.
  'vitals.ecg': { ordered: false, maxPacketLifeTime: 200 },
  marks: { ordered: true },
  'marks.camera2': { ordered: true },
};

const Num = (min: number, max: number) => z.number().finite().min(min).max(max).nullable();

export const VITALS_SCENARIOS = ['normal', 'tachycardia', 'desaturation', 'bradycardia'] as const;
export const VitalsScenarioSchema = z.enum(VITALS_SCENARIOS);
export type VitalsScenario = z.infer<typeof VitalsScenarioSchema>;

/** Random per sender start: a restarted sender (reload, new device) begins a new sequence. */
export const StreamIdSchema = z.number().int().min(0).max(0xffff_ffff);

export const VitalsNumbersMessageSchema = z.object({
  type: z.literal('vitals'),
  stream: StreamIdSchema,
  seq: z.number().int().min(0),
  /** Sender clock, ms since epoch. */
  at: z.number().finite(),
  hr: Num(0, 350),
  spo2: Num(0, 100),
  sys: Num(0, 350),
  dia: Num(0, 250),
  rr: Num(0, 150),
  temp: Num(25, 45),
  scenario: VitalsScenarioSchema.optional(),
});
export type VitalsNumbersMessage = z.infer<typeof VitalsNumbersMessageSchema>;

/** A point in normalised video coordinates: 0..1 of the video frame (not of the tile showing it). */
export const NormPointSchema = z.tuple([z.number().finite().min(0).max(1), z.number().finite().min(0).max(1)]);
export type NormPoint = z.infer<typeof NormPointSchema>;

export const MARK_COLORS = ['#ff3b30', '#ffcc00', '#34c759', '#0a84ff', '#ffffff'] as const;
const MarkBase = { id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/), color: z.enum(MARK_COLORS) };

export const MarkSchema = z.discriminatedUnion('kind', [
  z.object({ ...MarkBase, kind: z.literal('arrow'), from: NormPointSchema, to: NormPointSchema }),
  /** A circle in the video frame's pixels: centre and one point on the rim. */
  z.object({ ...MarkBase, kind: z.literal('circle'), center: NormPointSchema, rim: NormPointSchema }),
  z.object({ ...MarkBase, kind: z.literal('freehand'), points: z.array(NormPointSchema).min(2).max(512) }),
  z.object({ ...MarkBase, kind: z.literal('text'), at: NormPointSchema, text: z.string().min(1).max(80) }),
]);
export type Mark = z.infer<typeof MarkSchema>;
export type MarkKind = Mark['kind'];
export const MAX_MARKS = 60;

export const MarksMessageSchema = z.object({
  type: z.literal('marks'),
  stream: StreamIdSchema,
  /** Increases with every change; receivers ignore anything not newer than what they show. */
  rev: z.number().int().min(0),
  /** Whose video the marks were drawn on (user id): only that field doctor shows them. */
  targetUserId: z.string().min(1).max(64),
  marks: z.array(MarkSchema).max(MAX_MARKS),
});
export type MarksMessage = z.infer<typeof MarksMessageSchema>;
