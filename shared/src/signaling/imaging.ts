import { z } from 'zod';
import { DicomUidSchema } from '../api/imaging';
import { IdSchema } from '../api/common';
import { ParticipantRoleSchema } from '../domain';

/**
 * Shared viewing (共享阅片) over the socket.io signaling connection: one presenter per consultation
 * drives the view; everybody else's viewer follows. The server keeps the last state so that a late
 * joiner lands on it (see server/src/realtime/imaging-handlers.ts for why this travels over
 * socket.io rather than a data channel).
 */
const Finite = z.number().finite();

/** A point in patient coordinates (mm, DICOM LPS): independent of each viewer's size and zoom. */
export const WorldPointSchema = z.tuple([Finite, Finite, Finite]);
export type WorldPoint = z.infer<typeof WorldPointSchema>;

export const WINDOW_PRESETS = ['lung', 'mediastinum', 'bone', 'brain', 'abdomen'] as const;

export const ImagingViewSchema = z.object({
  studyUid: DicomUidSchema,
  seriesUid: DicomUidSchema,
  /** 0-based index into the series' frames, ordered as the viewer stacks them (by position, then number). */
  sliceIndex: z.number().int().min(0).max(100_000),
  /** Window centre/width in modality units (HU for CT); null: the image's own default. */
  voi: z.object({ center: Finite, width: z.number().positive().max(1e7) }).nullable(),
  /** Zoom relative to fit-to-window and pan as a fraction of the viewport (size independent). */
  camera: z.object({ zoom: z.number().positive().max(1000), pan: z.tuple([Finite, Finite]) }).nullable(),
  cine: z.object({ playing: z.boolean(), fps: z.number().min(1).max(120) }),
});
export type ImagingView = z.infer<typeof ImagingViewSchema>;

export const MEASUREMENT_TOOLS = ['Length', 'Angle', 'EllipticalROI'] as const;
export const MeasurementToolSchema = z.enum(MEASUREMENT_TOOLS);
export type MeasurementTool = z.infer<typeof MeasurementToolSchema>;

export const ImagingMeasurementSchema = z.object({
  uid: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/),
  tool: MeasurementToolSchema,
  sopInstanceUid: DicomUidSchema,
  /** 1-based frame number within the instance. */
  frame: z.number().int().min(1).max(100_000),
  points: z.array(WorldPointSchema).min(2).max(8),
});
export type ImagingMeasurement = z.infer<typeof ImagingMeasurementSchema>;
export const MAX_MEASUREMENTS = 200;

export const ImagingMemberSchema = z.object({
  memberId: z.string(),
  userId: z.string(),
  displayName: z.string(),
  participantRole: ParticipantRoleSchema,
});
export type ImagingMember = z.infer<typeof ImagingMemberSchema>;

export const ImagingSessionSchema = z.object({
  presenter: ImagingMemberSchema.nullable(),
  members: z.array(ImagingMemberSchema),
});
export type ImagingSession = z.infer<typeof ImagingSessionSchema>;

export const ImagingStateSchema = z.object({
  /** Increases with every accepted update; followers ignore anything older than what they show. */
  rev: z.number().int().min(0),
  view: ImagingViewSchema.nullable(),
  measurements: z.array(ImagingMeasurementSchema).max(MAX_MEASUREMENTS),
});
export type ImagingState = z.infer<typeof ImagingStateSchema>;

const Consultation = z.object({ consultationId: IdSchema });

export const imagingRequests = {
  /** Enter the consultation's shared viewing; answers with the current presenter and state. */
  'imaging.join': {
    req: Consultation,
    res: z.object({ memberId: z.string(), session: ImagingSessionSchema, state: ImagingStateSchema }),
  },
  'imaging.leave': { req: Consultation, res: z.object({}) },
  /** Take the presenter role (any participant may; the previous presenter becomes a follower). */
  'imaging.present': { req: Consultation, res: ImagingSessionSchema },
  /** The presenter hands the role to another member of the shared viewing. */
  'imaging.handOver': { req: Consultation.extend({ toMemberId: z.string().min(1).max(64) }), res: ImagingSessionSchema },
  /** The presenter stops presenting; the state stays where it is. */
  'imaging.release': { req: Consultation, res: ImagingSessionSchema },
  /** Presenter only: the new view and/or measurements, and the pointer (not kept: it is transient). */
  'imaging.update': {
    req: Consultation.extend({
      view: ImagingViewSchema.optional(),
      measurements: z.array(ImagingMeasurementSchema).max(MAX_MEASUREMENTS).optional(),
      pointer: WorldPointSchema.nullable().optional(),
    }),
    res: z.object({ rev: z.number().int() }),
  },
} as const;

export const imagingNotifications = {
  'imaging.session': ImagingSessionSchema.extend({ consultationId: z.string() }),
  'imaging.state': ImagingStateSchema.extend({ consultationId: z.string(), from: z.string() }),
  'imaging.pointer': z.object({ consultationId: z.string(), from: z.string(), point: WorldPointSchema.nullable() }),
} as const;

export type ImagingRequests = typeof imagingRequests;
export type ImagingMethod = keyof ImagingRequests;
export type ImagingRequest<M extends ImagingMethod> = z.input<ImagingRequests[M]['req']>;
export type ImagingResponse<M extends ImagingMethod> = z.infer<ImagingRequests[M]['res']>;
export type ImagingNotifications = typeof imagingNotifications;
export type ImagingNotificationMethod = keyof ImagingNotifications;
export type ImagingNotification<M extends ImagingNotificationMethod> = z.infer<ImagingNotifications[M]>;
