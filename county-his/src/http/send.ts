import type { Response } from 'express';

export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

export function sendFhir(res: Response, status: number, body: unknown): void {
  res.status(status).type(FHIR_JSON).send(JSON.stringify(body));
}

/** Base URL of the FHIR endpoint as the caller sees it (`http://host:port/fhir`). */
export function fhirBase(req: { protocol: string; get(name: string): string | undefined }): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}/fhir`;
}
