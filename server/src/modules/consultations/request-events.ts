declare module '../events/event-bus' {
  interface DomainEvents {
    /** A 远程会诊申请 was filed or changed state: the county's 我的申请 and the provincial inbox follow it. */
    'consultationRequest.changed': { requestId: string; institutionId: string };
  }
}

export const REQUEST_CHANGED = 'consultationRequest.changed';
