import { DATA_LABELS, type Mark, type MarkKind } from '@cloudclinic/shared';
import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoomContext } from '../../hooks/room/RoomContext';
import type { Participant } from '../../state/room-store';
import { AnnotationToolbar } from '../annotations/AnnotationToolbar';
import { MarksCanvas } from '../annotations/MarksCanvas';
import { useMarksPublisher } from '../annotations/useMarks';
import '../../styles/field-room.css';

const TOOLS: readonly MarkKind[] = ['arrow', 'circle', 'freehand'];

/**
 * The expert's drawing tools over a participant's second video source (e.g. ultrasound): the marks
 * go to that participant on `marks.camera2` and appear over their own preview of the source.
 */
export function Camera2Marks({ participant, video }: { participant: Participant; video: RefObject<HTMLVideoElement | null> }) {
  const { t } = useTranslation();
  const { data } = useRoomContext();
  const marks = useMarksPublisher(data, participant.userId, DATA_LABELS.marksCamera2);
  const [tool, setTool] = useState<MarkKind | null>('arrow');
  const [color, setColor] = useState<Mark['color']>('#ff3b30');
  return (
    <>
      <MarksCanvas
        marks={marks.state.marks}
        video={video}
        tool={tool ? { kind: tool, color } : null}
        onMark={(mark) => marks.dispatch({ type: 'add', mark })}
        testId="camera2-annotation-canvas"
        label={t('room.camera2.marks')}
        dataRev={marks.state.rev}
      />
      <div className="tile__annotations">
        <AnnotationToolbar
          tools={TOOLS}
          tool={tool}
          color={color}
          canUndo={marks.state.marks.length > 0}
          onTool={setTool}
          onColor={setColor}
          onUndo={() => marks.dispatch({ type: 'undo' })}
          onClear={() => marks.dispatch({ type: 'clear' })}
        />
      </div>
    </>
  );
}
