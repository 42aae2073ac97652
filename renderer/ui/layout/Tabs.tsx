import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface TabPane {
  id: string;
  title: string;
  content: ReactNode;
}

/**
 * WAI-ARIA tabs (automatic activation, ← → Home End). Every panel stays mounted and is only hidden, so a
 * search typed in one tab or a playing recording survives a switch.
 */
export function Tabs({ label, panes, selected, onSelect }: { label: string; panes: readonly TabPane[]; selected: string; onSelect(id: string): void }) {
  const base = useId();
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (event: KeyboardEvent) => {
    const at = panes.findIndex((p) => p.id === selected);
    const last = panes.length - 1;
    const next = { ArrowRight: at === last ? 0 : at + 1, ArrowLeft: at === 0 ? last : at - 1, Home: 0, End: last }[event.key];
    const pane = next === undefined ? undefined : panes[next];
    if (!pane || next === undefined) return;
    event.preventDefault();
    onSelect(pane.id);
    tabs.current[next]?.focus();
  };
  return (
    <div className="workspace__tabs">
      <div role="tablist" aria-label={label} className="workspace__tablist" onKeyDown={onKeyDown}>
        {panes.map((pane, index) => (
          <button
            key={pane.id}
            ref={(el) => void (tabs.current[index] = el)}
            type="button"
            role="tab"
            id={`${base}-tab-${pane.id}`}
            aria-selected={pane.id === selected}
            aria-controls={`${base}-panel-${pane.id}`}
            tabIndex={pane.id === selected ? 0 : -1}
            onClick={() => onSelect(pane.id)}
          >
            {pane.title}
          </button>
        ))}
      </div>
      {panes.map((pane) => (
        <div key={pane.id} role="tabpanel" id={`${base}-panel-${pane.id}`} aria-labelledby={`${base}-tab-${pane.id}`} hidden={pane.id !== selected} className="workspace__pane">
          {pane.content}
        </div>
      ))}
    </div>
  );
}
