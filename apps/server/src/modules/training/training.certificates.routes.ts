/** Routes of certificates: the PDF for the learner and training staff, and public verification of a code. */
import type { RoutePlugin } from '../../platform/app-types';
import { idParam } from '../../platform/schemas';
import { verificationView, verifyParams } from './training.qualifications.schema';
import { certificatePdf, verifyCertificate } from './training.certificates.service';

export const trainingCertificatesRoutes: RoutePlugin = (app, { database: { db } }) => {
  const tags = ['training'];
  app.get(
    '/training/qualifications/:id/certificate.pdf',
    // 'self': the learner downloads their own; the service lets training staff download anyone's.
    { config: { permission: 'self' }, schema: { tags, params: idParam, produces: ['application/pdf'] } },
    async (request, reply) => {
      const pdf = await certificatePdf(db, request.params.id);
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${pdf.filename}"`).send(pdf.buffer);
    },
  );

  app.get(
    '/training/certificates/:code/verify',
    // Public: whoever holds the paper (an employer, an inspector) can check it without an account.
    { config: { permission: 'public' }, schema: { tags, params: verifyParams, response: { 200: verificationView } } },
    async (request) => verifyCertificate(db, request.params.code),
  );
};
