import { useEffect, useRef } from 'react';
import { getEngine } from '../phone-service';

/**
 * Plays the remote party. Never muted: a muted element makes getStats report no audio level, and
 * WebAudio taps (recording, transcription) get audio only while the stream plays in an element.
 */
export function RemoteAudio({ callId }: { callId: string }) {
  const ref = useRef<HTMLAudioElement>(null);
  useEffect(() => {
    const engine = getEngine();
    const element = ref.current;
    if (!engine || !element) return;
    const attach = (stream: MediaStream | null) => {
      if (element.srcObject !== stream) element.srcObject = stream;
      if (stream) void element.play().catch(() => undefined);
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
