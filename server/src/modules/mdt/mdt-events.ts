declare module '../events/event-bus' {
  interface DomainEvents {
    /** A sitting moved (started, next case, reordered, a case filed): its screens read it again. */
    'mdt.changed': { meetingId: string };
  }
}

export const MDT_CHANGED = 'mdt.changed';
