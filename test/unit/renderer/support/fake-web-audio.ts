/**
 * A fake WebAudio graph for the mixers' unit tests: it records who feeds whom and each gain's value, so a
 * mix's wiring can be checked without an AudioContext (happy-dom has none).
 */
import { vi } from 'vitest';

/** A fake WebAudio graph that records who feeds whom, so the mix's wiring can be checked. */
export class Node {
  readonly outputs = new Set<Node>();
  constructor(readonly label: string) {}
  connect(target: Node) {
    this.outputs.add(target);
  }
  disconnect() {
    this.outputs.clear();
  }
}

export class FakeTrack {
  enabled = true;
  readyState = 'live';
  constructor(readonly label: string) {}
  stop = vi.fn(() => (this.readyState = 'ended'));
}

export class FakeStream {
  constructor(private readonly tracks: FakeTrack[]) {}
  getAudioTracks = () => this.tracks;
  getTracks = () => this.tracks;
}

export function fakeContext() {
  const nodes: Node[] = [];
  const make = <T extends Node>(node: T): T => (nodes.push(node), node);
  const context = {
    state: 'running',
    resume: vi.fn(async () => undefined),
    close: vi.fn(async () => undefined),
    createGain: () => Object.assign(make(new Node('gain')), { gain: { value: 1 } }),
    createMediaStreamSource: (stream: FakeStream) => make(new Node(`source:${stream.getAudioTracks()[0]?.label}`)),
    createMediaStreamDestination: () => {
      const node = make(new Node('destination'));
      return Object.assign(node, { channelCount: 2, stream: new FakeStream([new FakeTrack(`mix#${nodes.length}`)]) });
    },
  };
  return { context, nodes };
}

/** Every source label that reaches `node` through the graph. */
export function sourcesOf(nodes: Node[], target: Node): string[] {
  const feeds = (node: Node, seen = new Set<Node>()): boolean => {
    if (node === target) return true;
    if (seen.has(node)) return false;
    seen.add(node);
    return [...node.outputs].some((next) => feeds(next, seen));
  };
  return nodes.filter((n) => n.label.startsWith('source:') && feeds(n)).map((n) => n.label.slice('source:'.length));
}


/** Like sourcesOf, but a path through a gain at 0 does not count: the sources `target` really carries. */
export function audibleSourcesOf(nodes: Node[], target: Node): string[] {
  const silent = (node: Node) => (node as Node & { gain?: { value: number } }).gain?.value === 0;
  const feeds = (node: Node, seen = new Set<Node>()): boolean => {
    if (node === target) return true;
    if (seen.has(node) || silent(node)) return false;
    seen.add(node);
    return [...node.outputs].some((next) => feeds(next, seen));
  };
  return nodes.filter((n) => n.label.startsWith('source:') && feeds(n)).map((n) => n.label.slice('source:'.length));
}

/** MediaStream and Audio as the mixers use them (happy-dom's cannot hold fake tracks); undo with vi.unstubAllGlobals(). */
export function stubMediaGlobals(): void {
  vi.stubGlobal('MediaStream', FakeStream);
  vi.stubGlobal(
    'Audio',
    class {
      muted = false;
      srcObject: unknown = null;
      play = vi.fn(async () => undefined);
      pause = vi.fn();
    },
  );
}
