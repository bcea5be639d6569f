import { apiAs, type Api } from './api';
import { login, startTestServer, type TestServer } from './test-server';

export interface SafetyWorld {
  srv: TestServer;
  api: Record<string, Api>;
  tokens: Record<string, string>;
  /** Institution ids by code (sscph 嵊泗, dsfph 岱山, ark the clinic ship …). */
  inst: Record<string, string>;
  userId(username: string): Promise<string>;
  /** A fresh clinic session of `expert`, running now, serving these institutions: no seeded queue in the way. */
  session(institutionCodes: string[], expert?: string): Promise<string>;
  /** The HIS's own view of a patient (name text, birth date), read straight from the simulator. */
  hisPatient(id: string): Promise<{ name: string; birthDate: string; org: string }>;
}

/** The real app with the county HIS simulator, logged in as each named demo account. */
export async function startSafetyWorld(users: string[]): Promise<SafetyWorld> {
  const srv = await startTestServer('pglite', {}, { his: true });
  const api: Record<string, Api> = {};
  const tokens: Record<string, string> = {};
  for (const u of users) {
    tokens[u] = (await login(srv.url, u)).accessToken;
    api[u] = apiAs(srv.url, tokens[u]);
  }
  const p = srv.services.prisma;
  const inst = Object.fromEntries((await p.institution.findMany()).map((i) => [i.code, i.id]));
  const userId = async (username: string) => (await p.user.findUniqueOrThrow({ where: { username } })).id;
  const admin = apiAs(srv.url, (await login(srv.url, 'admin')).accessToken);
  return {
    srv,
    api,
    tokens,
    inst,
    userId,
    async session(codes, expert = 'dr.chen') {
      const e = await p.user.findUniqueOrThrow({ where: { username: expert } });
      const now = Date.now();
      const res = await admin.post('/sessions', {
        expertId: e.id,
        departmentId: e.departmentId,
        startsAt: new Date(now - 3600_000).toISOString(),
        endsAt: new Date(now + 3 * 3600_000).toISOString(),
        capacity: 50,
        institutionIds: codes.map((c) => inst[c]),
      });
      if (res.status !== 201) throw new Error(`publish failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.id as string;
    },
    async hisPatient(id) {
      const res = await fetch(`${srv.his?.url ?? ''}/Patient/${id}`);
      const body = (await res.json()) as { name: { text: string }[]; birthDate: string; managingOrganization: { reference: string } };
      return { name: body.name[0]?.text ?? '', birthDate: body.birthDate, org: body.managingOrganization.reference.replace('Organization/', '') };
    },
  };
}
