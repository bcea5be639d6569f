import type { Mark, MarkKind, NormPoint } from '@cloudclinic/shared';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../api/api-error';
import { useMediaTrack } from '../../hooks/room/useMediaTrack';
import { useRoomContext } from '../../hooks/room/RoomContext';
import { errorMessageKey, type ErrorMessageKey } from '../../i18n/error-messages';
import type { Participant } from '../../state/room-store';
import { AnnotationToolbar } from '../annotations/AnnotationToolbar';
import { MarksCanvas } from '../annotations/MarksCanvas';
import { newMarkId } from '../annotations/marks-model';
import { remoteVideoNote, remoteVideoNoteKey } from '../room/remote-video-state';
import { snapshotWithMarks, uploadSnapshot } from '../annotations/snapshot';
import { useMarksPublisher } from '../annotations/useMarks';
import { useVitalsFeed } from '../vitals/useVitalsFeed';
import { VitalsPanel } from '../vitals/VitalsPanel';
import '../../styles/field-room.css';

/**
 * The expert's side of a field consultation, as the field doctor's one tile in the video area: their
 * camera to draw on (the marks appear on the field doctor's own view), a snapshot of the marked frame
 * into the record, and the patient's live vital signs.
 */
export function FieldAssistTile({ consultationId, field }: { consultationId: string; field: Participant }) {
  const { t } = useTranslation();
  return (
    <figure className="tile tile--field-assist" data-testid="participant-tile" data-peer-role={field.participantRole} aria-label={t('fieldAssist.title', { name: field.displayName })}>
      <FieldAssistPanel consultationId={consultationId} field={field} />
    </figure>
  );
}

function FieldAssistPanel({ consultationId, field }: { consultationId: string; field: Participant }) {
  const { t } = useTranslation();
  const { state, data } = useRoomContext();
  const { state: vitals, feed } = useVitalsFeed(data, field.peerId);
  const marks = useMarksPublisher(data, field.userId);
  const video = useRef<HTMLVideoElement>(null);
  const camera = !field.cameraOff && !state.local.audioOnly ? (field.tracks.camera?.track ?? null) : null;
  useMediaTrack(video, camera);
  const note = remoteVideoNote(field, state.local.audioOnly);
  const [tool, setTool] = useState<MarkKind | null>('arrow');
  const [color, setColor] = useState<Mark['color']>('#ff3b30');
  const [textAt, setTextAt] = useState<NormPoint | null>(null);
  const [text, setText] = useState('');
  const [snap, setSnap] = useState<{ pending: boolean; saved: number; error: ErrorMessageKey | null }>({ pending: false, saved: 0, error: null });

  const addText = (e: FormEvent) => {
    e.preventDefault();
    const words = text.trim().slice(0, 80);
    if (textAt && words) marks.dispatch({ type: 'add', mark: { id: newMarkId(), kind: 'text', color, at: textAt, text: words } });
    setTextAt(null);
    setText('');
  };

  async function snapshot(): Promise<void> {
    const v = video.current;
    if (!v) return;
    setSnap((s) => ({ ...s, pending: true, error: null }));
    try {
      await uploadSnapshot(consultationId, await snapshotWithMarks(v, marks.state.marks));
      setSnap((s) => ({ pending: false, saved: s.saved + 1, error: null }));
    } catch (err) {
      setSnap((s) => ({ ...s, pending: false, error: errorMessageKey(toApiError(err).code) }));
    }
  }

  return (
    <section className="field-assist" aria-label={t('fieldAssist.title', { name: field.displayName })} data-testid="field-assist">
      <h2 className="field-assist__title">{t('fieldAssist.title', { name: field.displayName })}</h2>
      <div className="field-assist__stage">
        {camera ? (
          <>
            <video ref={video} className="field-assist__video" autoPlay playsInline muted data-testid="field-video" aria-label={t('fieldAssist.video', { name: field.displayName })} />
            <MarksCanvas
              marks={marks.state.marks}
              video={video}
              tool={tool ? { kind: tool, color, askText: (at) => setTextAt(at) } : null}
              onMark={(mark) => marks.dispatch({ type: 'add', mark })}
              testId="annotation-canvas"
              dataRev={marks.state.rev}
            />
          </>
        ) : (
          <p className="field-assist__audio-only" data-testid="field-audio-only" data-video-note={note}>
            {note === 'audioOnlyPoorLink' ? t('fieldAssist.audioOnly') : note === 'audioOnlyChosen' ? t('fieldAssist.audioOnlyChosen') : t('fieldAssist.noVideo', { reason: t(remoteVideoNoteKey(note)) })}
          </p>
        )}
      </div>
      {textAt ? (
        <form className="field-assist__text" onSubmit={addText}>
          <input autoFocus maxLength={80} value={text} onChange={(e) => setText(e.target.value)} aria-label={t('annotations.textPrompt')} data-testid="annot-text-input" />
          <button type="submit" className="button">
            {t('annotations.addText')}
          </button>
        </form>
      ) : null}
      <AnnotationToolbar
        tool={tool}
        color={color}
        canUndo={marks.state.marks.length > 0}
        snapshotPending={snap.pending || !camera}
        onTool={setTool}
        onColor={setColor}
        onUndo={() => marks.dispatch({ type: 'undo' })}
        onClear={() => marks.dispatch({ type: 'clear' })}
        onSnapshot={() => void snapshot()}
      />
      {snap.saved > 0 ? (
        <p className="field-assist__saved" role="status" data-testid="snapshot-saved">
          {t('annotations.saved', { count: snap.saved })}
        </p>
      ) : null}
      {snap.error ? <p role="alert">{t(snap.error)}</p> : null}
      <VitalsPanel state={vitals} feed={feed} />
    </section>
  );
}
