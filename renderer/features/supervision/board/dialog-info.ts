/**
 * RFC 4235 dialog-info XML for `Event: dialog` subscribers (desk phones' busy lamps): one <dialog> per
 * call with its state, nothing about who the other party is (the board's data is minimal by design).
 */
import type { DeskCall } from './desk-report';

/** RFC 4235 §4.1.2 dialog states. */
type DialogState = 'trying' | 'proceeding' | 'early' | 'confirmed' | 'terminated';

function dialogState(call: DeskCall): DialogState {
  switch (call.phase) {
    case 'ringing':
    case 'early':
      return 'early';
    case 'dialing':
      return 'trying';
    case 'connecting':
      return 'proceeding';
    case 'active':
      return 'confirmed';
    case 'ended':
      return 'terminated';
  }
}

const escapeXml = (text: string): string =>
  text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c);

/**
 * A full-state dialog-info document. `version` starts at 0 and increases by one with each NOTIFY of a
 * subscription (RFC 4235 §4.1); `entity` is the agent's address of record.
 */
export function dialogInfoXml(entity: string, version: number, calls: readonly DeskCall[]): string {
  const dialogs = calls
    .filter((call) => call.phase !== 'ended')
    .map((call) => {
      const direction = call.direction === 'incoming' ? 'recipient' : 'initiator';
      const id = escapeXml(call.id);
      return `  <dialog id="${id}" call-id="${escapeXml(call.sipCallId)}" direction="${direction}">\n    <state>${dialogState(call)}</state>\n  </dialog>\n`;
    })
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="${version}" state="full" entity="${escapeXml(entity)}">\n` +
    dialogs +
    '</dialog-info>\n'
  );
}
