/** JsSIP's own message parser (lib/Parser.js), which its typings leave out: the SIP guard asks it whether JsSIP will read a message. */
declare module 'jssip/lib/Parser' {
  /** The parsed message, or undefined when JsSIP's grammar rejects the start line or a header it parses. */
  export function parseMessage(data: string, ua: unknown): object | undefined;
}
