import { Router } from 'express';
import { AntibioticPrivilegeRequestSchema, CreateUserRequestSchema, IdParamsSchema, ResetPasswordRequestSchema, UpdateInstitutionRequestSchema } from '@cloudclinic/shared';
import type { InstitutionAdmin } from '../../modules/admin/institution-admin';
import type { UserAdmin } from '../../modules/admin/user-admin';
import { handle } from '../handler';
import { authOf, requireRole } from '../middleware/auth';

/** Account and institution management, administrators only. Reads like a table. */
export function adminRoutes(users: UserAdmin, institutions: InstitutionAdmin): Router {
  const r = Router();
  r.use(requireRole('admin'));
  r.get('/users', handle({}, async ({ req }) => ({ users: await users.list(authOf(req)) })));
  r.post('/users', handle({ body: CreateUserRequestSchema, status: 201 }, ({ req, body }) => users.create(authOf(req), body)));
  r.post('/users/:id/disable', handle({ params: IdParamsSchema }, ({ req, params }) => users.setDisabled(authOf(req), params.id, true)));
  r.post('/users/:id/enable', handle({ params: IdParamsSchema }, ({ req, params }) => users.setDisabled(authOf(req), params.id, false)));
  r.post('/users/:id/password', handle({ params: IdParamsSchema, body: ResetPasswordRequestSchema }, ({ req, params, body }) => users.resetPassword(authOf(req), params.id, body.password)));
  r.put(
    '/users/:id/antibiotic-privilege',
    handle({ params: IdParamsSchema, body: AntibioticPrivilegeRequestSchema }, ({ req, params, body }) => users.setAntibioticPrivilege(authOf(req), params.id, body.grade)),
  );
  r.get('/institutions', handle({}, async ({ req }) => ({ institutions: await institutions.list(authOf(req)) })));
  r.patch('/institutions/:id', handle({ params: IdParamsSchema, body: UpdateInstitutionRequestSchema }, ({ req, params, body }) => institutions.update(authOf(req), params.id, body)));
  return r;
}
