import type { KeyboardEvent, PointerEvent } from 'react';

export interface SplitterProps {
  /** Accessible name ("Resize panes"). */
  label: string;
  /** Where the boundary sits, in % of the workspace width (aria-valuenow). */
  percent: number;
  /** Moves the boundary by `deltaPx` pixels (drag) or one step of the keyboard (±1). */
  onMove(deltaPx: number): void;
  /** The drag (or key press) ended: the sizes may be remembered. */
  onCommit(): void;
}

const KEY_STEP_PX = 24;

/** A vertical splitter between two panes: drag it, or focus it and use ← →. */
export function Splitter({ label, percent, onMove, onCommit }: SplitterProps) {
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    const target = event.currentTarget;
    target.setPointerCapture(event.pointerId);
    let lastX = event.clientX;
    const move = (e: globalThis.PointerEvent) => {
      onMove(e.clientX - lastX);
      lastX = e.clientX;
    };
    const up = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
      target.removeEventListener('pointercancel', up);
      onCommit();
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
    target.addEventListener('pointercancel', up);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.key === 'ArrowLeft' ? -KEY_STEP_PX : event.key === 'ArrowRight' ? KEY_STEP_PX : 0;
    if (!step) return;
    event.preventDefault();
    onMove(step);
    onCommit();
  };
  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(percent)}
      tabIndex={0}
      className="workspace__splitter"
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
