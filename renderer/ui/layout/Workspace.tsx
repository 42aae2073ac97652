import { Fragment, useRef, useState, type ReactNode } from 'react';
import { displayKey, loadWeights, moveBoundary, saveWeights } from './pane-sizes';
import { Splitter } from './Splitter';
import { Tabs, type TabPane } from './Tabs';
import { useMediaQuery } from './use-media-query';
import './workspace.css';

/** At or below this width (a window beside the CRM) the panes become tabs; the call area stays in view. */
export const NARROW_QUERY = '(max-width: 1100px)';

export interface WorkspaceProps {
  /** Always on screen, left: the call, its controls and timer, the customer card. */
  callArea: ReactNode;
  /** Side by side to its right on a wide screen; tabs on a narrow one. */
  panes: readonly TabPane[];
  labels: { tabs: string; resize: string };
  /** The tab shown when narrow (controlled: an opened article brings its tab forward); the first by default. */
  tab?: string | undefined;
  onTab?(id: string): void;
}

/**
 * The agent's workspace: a CSS grid of the call area and the panes, each scrolling on its own so nothing
 * for the current call needs the page to scroll. Splitters resize the columns, remembered per display.
 */
export function Workspace({ callArea, panes, labels, tab, onTab }: WorkspaceProps) {
  const narrow = useMediaQuery(NARROW_QUERY);
  const [ownTab, setOwnTab] = useState<string>();
  const selected = tab ?? ownTab;
  const setSelected = onTab ?? setOwnTab;
  const grid = useRef<HTMLDivElement>(null);
  const key = displayKey();
  const defaults = [1, ...panes.map(() => 1.1)];
  const [weights, setWeights] = useState(() => loadWeights(key, defaults));
  const columns = weights.length === defaults.length ? weights : defaults;

  if (narrow) {
    const current = panes.find((p) => p.id === selected)?.id ?? panes[0]?.id ?? '';
    return (
      <div className="workspace workspace--narrow">
        <div className="workspace__column workspace__call">{callArea}</div>
        <Tabs label={labels.tabs} panes={panes} selected={current} onSelect={setSelected} />
      </div>
    );
  }

  const total = columns.reduce((a, b) => a + b, 0);
  const move = (index: number, deltaPx: number) => {
    const width = grid.current?.clientWidth ?? 0;
    if (width > 0) setWeights((w) => moveBoundary(w.length === columns.length ? w : columns, index, (deltaPx * total) / width));
  };
  const template = columns.map((w) => `minmax(16rem, ${w}fr)`).join(' 6px ');
  return (
    <div ref={grid} className="workspace" style={{ gridTemplateColumns: template }}>
      <div className="workspace__column workspace__call">{callArea}</div>
      {panes.map((pane, index) => (
        <Fragment key={pane.id}>
          <Splitter
            label={labels.resize}
            percent={(100 * columns.slice(0, index + 1).reduce((a, b) => a + b, 0)) / total}
            onMove={(deltaPx) => move(index, deltaPx)}
            onCommit={() => setWeights((w) => (saveWeights(key, w), w))}
          />
          <div className="workspace__column" data-pane={pane.id}>
            {pane.content}
          </div>
        </Fragment>
      ))}
    </div>
  );
}
