import type { MediaSource, ParticipantRole } from '@cloudclinic/shared';

/** i18n key of a participant role as shown on tiles (专家 / 患者(诊室) / 当地医生 / 现场医生). */
export function participantRoleKey(role: ParticipantRole) {
  return `room.participantRole.${role}` as const;
}

/** i18n key naming a local source in messages ("the camera", "the microphone"…). */
export function sourceKey(source: MediaSource) {
  return `room.source.${source}` as const;
}

/** Initials for the camera-off placeholder: the last two characters of a Chinese name, else initials. */
export function initialsOf(name: string): string {
  const trimmed = name.trim();
  if (/^[\u4e00-\u9fff]+$/.test(trimmed)) return trimmed.slice(-2);
  const words = trimmed.split(/\s+/).filter(Boolean);
  return words
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase() ?? '')
    .join('');
}
