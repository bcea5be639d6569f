import { pipeline } from 'node:stream/promises';
import { Router, type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import { DicomUidSchema, IdSchema } from '@cloudclinic/shared';
import { PacsUnavailableError, type DicomwebClient, type UpstreamResponse } from '../../integrations/pacs/dicomweb-client';
import { AppError } from '../../lib/errors';
import type { Logger } from '../../lib/logger';
import { parseOrThrow } from '../../lib/validation';
import { acceptHeader, classifyStudySubpath, sanitizeQuery } from '../../modules/imaging/dicomweb-paths';
import type { ImagingAccess } from '../../modules/imaging/imaging-access';
import { renderedQuery } from '../../modules/imaging/rendered-params';
import { authOf } from '../middleware/auth';

const SearchParams = z.object({ consultationId: IdSchema });
const StudyParams = z.object({ consultationId: IdSchema, studyUid: DicomUidSchema, rest: z.array(z.string().max(128)).max(12).optional() });

/** Response headers passed through from the PACS; everything else (cookies, server, auth) is dropped. */
const PASS_HEADERS = ['content-type', 'content-length', 'content-location', 'etag', 'last-modified', 'warning'];

/**
 * The DICOMweb proxy, mounted at `/api/dicomweb`: `/{consultationId}` is a DICOMweb base URL that
 * reaches only that consultation's patient. QIDO-RS study searches are pinned to the patient's
 * id; everything under `studies/{uid}` is allowed only when the PACS files that study under the
 * patient. Responses stream straight through (frames and whole studies are never buffered) with
 * the PACS's content type (`multipart/related`, `application/dicom+json`, images).
 */
export function imagingRoutes(pacs: DicomwebClient | null, access: ImagingAccess, log: Logger): Router {
  const r = Router();
  const ctx = (req: Request) => ({ requestId: req.requestId, ip: req.ip });

  r.get('/:consultationId/studies', async (req, res, next) => {
    try {
      const { consultationId } = parseOrThrow(SearchParams, req.params, 'path parameters');
      const grant = await access.forSearch(authOf(req), consultationId, ctx(req));
      const query = sanitizeQuery(req.query);
      query.set('PatientID', grant.hisPatientId);
      await relay(requirePacs(pacs), 'studies', query, acceptHeader(req.header('accept'), 'studies'), res, log);
    } catch (err) {
      fail(err, next);
    }
  });

  r.get('/:consultationId/studies/:studyUid{/*rest}', async (req, res, next) => {
    try {
      const { consultationId, studyUid, rest } = parseOrThrow(StudyParams, req.params, 'path parameters');
      const subpath = (rest ?? []).join('/');
      const kind = classifyStudySubpath(subpath);
      if (!kind) throw new AppError('not_found', 'Not a DICOMweb resource this proxy serves');
      // Rendering parameters are checked before anything (the owner lookup included) reaches the PACS.
      const query = kind === 'retrieve' ? new URLSearchParams() : kind === 'rendered' ? renderedQuery(req.query) : sanitizeQuery(req.query);
      await access.forStudy(authOf(req), consultationId, studyUid, ctx(req));
      const accept = subpath.endsWith('metadata') ? acceptHeader(req.header('accept'), 'studies') : acceptHeader(req.header('accept'), kind);
      await relay(requirePacs(pacs), `studies/${studyUid}${subpath ? `/${subpath}` : ''}`, query, accept, res, log);
    } catch (err) {
      fail(err, next);
    }
  });

  r.all('/{*any}', (req, _res, next) => {
    next(new AppError(req.method === 'GET' ? 'not_found' : 'bad_request', req.method === 'GET' ? 'Not a DICOMweb resource this proxy serves' : 'The DICOMweb proxy is read-only'));
  });
  return r;
}

function requirePacs(pacs: DicomwebClient | null): DicomwebClient {
  if (!pacs) throw new AppError('unavailable', 'No PACS is configured (PACS_DICOMWEB_URL)');
  return pacs;
}

/** Streams one upstream response to the client; aborts the upstream request if the client goes away. */
async function relay(pacs: DicomwebClient, path: string, query: URLSearchParams, accept: string, res: Response, log: Logger): Promise<void> {
  const abort = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) abort.abort();
  });
  let up: UpstreamResponse;
  try {
    up = await pacs.get(path, { query, accept, signal: abort.signal });
  } catch (err) {
    if (abort.signal.aborted) return;
    throw err;
  }
  if (up.status >= 400) {
    up.body.resume(); // drain and drop the PACS's own error page
    throw upstreamError(up.status);
  }
  res.status(up.status);
  for (const name of PASS_HEADERS) {
    const value = up.headers[name];
    if (value !== undefined) res.setHeader(name, value);
  }
  // Patient images must not linger in shared caches or the browser's disk cache.
  res.setHeader('cache-control', 'private, no-store');
  try {
    await pipeline(up.body, res);
  } catch (err) {
    if (!abort.signal.aborted) log.warn({ err, path: path.split('/').slice(0, 2).join('/') }, 'dicomweb relay interrupted');
  }
}

function upstreamError(status: number): AppError {
  if (status === 404) return new AppError('not_found', 'Not found in the PACS');
  if (status === 406 || status === 415) return new AppError('bad_request', 'The PACS cannot answer in the requested media type');
  if (status === 400) return new AppError('bad_request', 'The PACS rejected the request');
  return new AppError('upstream_unavailable', `The PACS answered ${status}`);
}

function fail(err: unknown, next: NextFunction): void {
  if (err instanceof PacsUnavailableError) return next(new AppError('upstream_unavailable', 'The PACS is not reachable'));
  next(err);
}
