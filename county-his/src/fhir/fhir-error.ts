import type { OperationOutcome } from '@medplum/fhirtypes';

/** FHIR issue types used by this server (http://hl7.org/fhir/issue-type). */
export type IssueType = 'invalid' | 'structure' | 'required' | 'value' | 'not-found' | 'not-supported' | 'duplicate' | 'multiple-matches' | 'conflict' | 'transient' | 'login' | 'exception' | 'processing' | 'too-costly';

/** The one error currency of the county HIS: becomes an OperationOutcome with this HTTP status. */
export class FhirError extends Error {
  constructor(
    readonly status: number,
    readonly issueType: IssueType,
    message: string,
    readonly expression?: string[],
  ) {
    super(message);
    this.name = 'FhirError';
  }
}

export const badRequest = (message: string, expression?: string[]) => new FhirError(400, 'invalid', message, expression);
export const unauthorized = () => new FhirError(401, 'login', 'A valid bearer token is required');
export const notFound = (message: string) => new FhirError(404, 'not-found', message);
export const notSupported = (message: string, status = 405) => new FhirError(status, 'not-supported', message);
export const preconditionFailed = (message: string) => new FhirError(412, 'multiple-matches', message);
export const unsupportedMediaType = (message: string) => new FhirError(415, 'not-supported', message);
export const unavailable = (message: string) => new FhirError(503, 'transient', message);

export function operationOutcome(severity: 'error' | 'information' | 'warning' | 'fatal', code: IssueType, diagnostics: string, expression?: string[]): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: [{ severity, code, diagnostics, ...(expression && expression.length > 0 ? { expression } : {}) }],
  };
}

export function outcomeOf(error: FhirError): OperationOutcome {
  return operationOutcome(error.status >= 500 ? 'fatal' : 'error', error.issueType, error.message, error.expression);
}
