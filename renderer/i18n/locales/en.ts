/** English strings. The keys are the shape every other locale must match. */
export const en = {
  app: {
    title: 'Lingxi',
    loading: 'Loading policy…',
    language: 'Language',
    lockedByPolicy: 'Set by your IT policy',
    storageNotPersistent: 'The browser may clear local data under storage pressure',
  },
  registration: {
    label: 'Registration status',
    connecting: 'Connecting',
    registered: 'Registered',
    unregistered: 'Unregistered',
    failed: 'Failed: {{reason}}',
    reason: {
      auth: 'Authentication failed',
      network: 'Server unreachable',
      timeout: 'Server did not answer',
      rejected: 'Registration rejected',
      config: 'Invalid configuration',
    },
  },
  agent: {
    state: 'Agent state',
    ready: 'Ready',
    notReady: 'Not ready',
    onCall: 'On call',
  },
  dialer: {
    label: 'Dial',
    number: 'Number',
    call: 'Call',
    error: {
      empty: 'Type a number to call',
      invalid: 'That is not a number that can be dialled',
      busy: 'Finish the current call first',
      'not-registered': 'The phone is not registered yet',
    },
  },
  incoming: {
    label: 'Incoming call',
    from: 'Call from {{caller}}',
    answer: 'Answer',
    decline: 'Decline',
    unknownCaller: 'Unknown caller',
  },
  call: {
    label: 'Current call',
    duration: 'Call duration',
    hangup: 'Hang up',
    hold: 'Hold',
    resume: 'Resume',
    mute: 'Mute',
    unmute: 'Unmute',
    keypad: 'Keypad',
    keypadDigits: 'Keypad digits',
    phase: {
      ringing: 'Ringing',
      dialing: 'Dialling…',
      early: 'Ringing at the other end',
      connecting: 'Connecting…',
      active: 'Connected',
      ended: 'Ended',
    },
    onHold: 'On hold',
    heldByRemote: 'Held by the other party',
    muted: 'Muted',
  },
  history: {
    label: 'Call history',
    empty: 'No calls yet',
    incoming: 'Incoming',
    outgoing: 'Outgoing',
    outcome: {
      answered: 'Answered',
      declined: 'Declined',
      missed: 'Missed',
      busy: 'Busy',
      cancelled: 'Cancelled',
      'no-answer': 'No answer',
      failed: 'Failed',
    },
  },
  policy: {
    problems: 'Policy problems',
    intro: 'The policy {{source}} cannot be used. The phone will not register until it is fixed:',
  },
};

/** The shape every locale implements (same keys, any strings). */
type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof en>;
