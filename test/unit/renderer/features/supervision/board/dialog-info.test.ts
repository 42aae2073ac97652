import { describe, expect, it } from 'vitest';
import type { DeskCall } from '@renderer/features/supervision/board/desk-report';
import { dialogInfoXml } from '@renderer/features/supervision/board/dialog-info';

const call = (patch: Partial<DeskCall>): DeskCall => ({
  id: 'js-1',
  sipCallId: 'abc@host',
  direction: 'incoming',
  phase: 'active',
  startedAt: 0,
  heldLocally: false,
  ...patch,
});

/** Parses with the DOM's XML parser, as a desk phone would. */
function parse(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
}

describe('RFC 4235 dialog-info for busy lamps', () => {
  it('an idle agent: a full document with no dialog', () => {
    const doc = parse(dialogInfoXml('sip:1001@pbx', 0, []));
    const root = doc.documentElement;
    expect(root.localName).toBe('dialog-info');
    expect(root.namespaceURI).toBe('urn:ietf:params:xml:ns:dialog-info');
    expect([root.getAttribute('version'), root.getAttribute('state'), root.getAttribute('entity')]).toEqual(['0', 'full', 'sip:1001@pbx']);
    expect(root.getElementsByTagName('dialog')).toHaveLength(0);
  });

  it('one dialog per call with its RFC 4235 state and direction, and nothing about the customer', () => {
    const xml = dialogInfoXml('sip:1001@pbx', 3, [
      call({ id: 'a', sipCallId: 'c1', phase: 'active' }),
      call({ id: 'b', sipCallId: 'c2', phase: 'ringing' }),
      call({ id: 'c', sipCallId: 'c3', phase: 'dialing', direction: 'outgoing' }),
      call({ id: 'd', phase: 'ended' }),
    ]);
    const dialogs = [...parse(xml).getElementsByTagName('dialog')];
    expect(dialogs.map((d) => [d.getAttribute('id'), d.getAttribute('call-id'), d.getAttribute('direction'), d.getElementsByTagName('state')[0]?.textContent])).toEqual([
      ['a', 'c1', 'recipient', 'confirmed'],
      ['b', 'c2', 'recipient', 'early'],
      ['c', 'c3', 'initiator', 'trying'],
    ]);
    expect(xml).not.toMatch(/remote|identity|local/);
  });

  it('escapes what it quotes', () => {
    const xml = dialogInfoXml('sip:a"b@pbx', 1, [call({ id: '<x>&', sipCallId: "q'" })]);
    const dialog = parse(xml).getElementsByTagName('dialog')[0];
    expect(dialog?.getAttribute('id')).toBe('<x>&');
    expect(dialog?.getAttribute('call-id')).toBe("q'");
  });
});
