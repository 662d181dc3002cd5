import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context';
import { readOwnCertificate, takeVerifyAllowance, verifyCertificate } from '../workshops/certificate-verify';

/** `GET /api/certificates/<code>`: anyone verifies a constancia, no session; counted per address. */
export function registerCertificateRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: { code: string } }>('/api/certificates/:code', async function handleVerifyCertificate(request, reply) {
    await takeVerifyAllowance(ctx.db, request.ip, ctx.now());
    const answer = await verifyCertificate(ctx.db, request.params.code);
    // A revocation must show at once: no cache, and no search engine keeps a person's name.
    return reply.header('Cache-Control', 'no-store').header('X-Robots-Tag', 'noindex').send(answer);
  });
  // The participant's own phone asks by the id of the record it made (no session, same allowance).
  app.get<{ Params: { attendanceId: string } }>('/api/certificates/for-attendance/:attendanceId', async function handleOwnCertificate(request, reply) {
    await takeVerifyAllowance(ctx.db, request.ip, ctx.now());
    const answer = await readOwnCertificate(ctx.db, request.params.attendanceId);
    return reply.header('Cache-Control', 'no-store').header('X-Robots-Tag', 'noindex').send(answer);
  });
}
