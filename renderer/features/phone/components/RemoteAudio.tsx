import { useEffect, useRef } from 'react';
import { drop } from '@common/logging/drop';
import { createLogger } from '../../../platform/logger';
import { applySinkId } from '../../../platform/audio-sinks';
import { getEngine } from '../phone-service';

const log = createLogger('phone');

/**
 * Plays the remote party. Never muted: a muted element makes getStats report no audio level, and
 * WebAudio taps (recording, transcription) get audio only while the stream plays in an element.
 * `sinkId` is the agent's chosen speaker (headset); hot-plug changes it mid-call too.
 */
export function RemoteAudio({ callId, sinkId }: { callId: string; sinkId: string }) {
  const ref = useRef<HTMLAudioElement>(null);
  useEffect(() => {
    if (ref.current) void applySinkId(ref.current, sinkId, (error) => log.warn('speaker not available', error));
  }, [sinkId]);
  useEffect(() => {
    const engine = getEngine();
    const element = ref.current;
    if (!engine || !element) return;
    const attach = (stream: MediaStream | null) => {
      if (element.srcObject !== stream) element.srcObject = stream;
      // A refused play() (autoplay policy before the first click in a browser) means the agent hears nothing.
      if (stream) drop(element.play(), log, 'playing the remote party');
    };
    attach(engine.remoteStream(callId));
    const off = engine.onRemoteStream((id, stream) => {
      if (id === callId) attach(stream);
    });
    return () => {
      off();
      element.srcObject = null;
    };
  }, [callId]);
  return <audio ref={ref} data-testid="remote-audio" autoPlay />;
}
