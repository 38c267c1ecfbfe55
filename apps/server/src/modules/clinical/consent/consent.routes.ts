/** Routes of informed consent: documents per protocol version and language, consent records, withdrawals, status. */
import type { RoutePlugin } from '../../../platform/app-types';
import { idParam, listOf } from '../../../platform/schemas';
import { getStudy } from '../../studies/studies.service';
import { approveConsentDocument, createConsentDocument, getConsentDocument, listConsentDocuments } from './consent.documents';
import {
  approveConsentDocumentBody,
  approvedDocumentView,
  consentDocumentView,
  consentRecordView,
  consentStatusView as statusSchema,
  newConsentBody,
  newConsentDocumentBody,
  newWithdrawalBody,
  withdrawalResultView,
} from './consent.schema';
import { recordConsent, withdrawConsent } from './consent.service';
import { consentState } from './consent.status';
import { consentStatusView, documentView, documentViews, withdrawalViews } from './consent.views';

export const consentRoutes: RoutePlugin = (app, { database: { db } }) => {
  const tags = ['clinical-consent'];
  app.get(
    '/clinical/studies/:id/consent-documents',
    { config: { permission: 'clinical:read' }, schema: { tags, params: idParam, response: { 200: listOf(consentDocumentView) } } },
    async (request) => {
      await getStudy(db, request.params.id);
      return { items: await documentViews(db, await listConsentDocuments(db, request.params.id)) };
    },
  );

  app.post(
    '/clinical/protocols/:id/consent-documents',
    { config: { permission: 'protocols:write' }, schema: { tags, params: idParam, body: newConsentDocumentBody, response: { 201: consentDocumentView } } },
    async (request, reply) => reply.code(201).send(await documentView(db, await createConsentDocument(db, request.params.id, request.body))),
  );

  app.get(
    '/clinical/consent-documents/:id',
    { config: { permission: 'clinical:read' }, schema: { tags, params: idParam, response: { 200: consentDocumentView } } },
    async (request) => documentView(db, await getConsentDocument(db, request.params.id)),
  );

  app.post(
    '/clinical/consent-documents/:id/approve',
    { config: { permission: 'protocols:write' }, schema: { tags, params: idParam, body: approveConsentDocumentBody, response: { 200: approvedDocumentView } } },
    async (request) => {
      const { document, reconsentMarked } = await approveConsentDocument(db, request.params.id, request.body);
      return { ...(await documentView(db, document)), reconsentMarked };
    },
  );

  app.post(
    '/clinical/subjects/:id/consents',
    { config: { permission: 'consent:write' }, schema: { tags, params: idParam, body: newConsentBody, response: { 201: consentRecordView } } },
    async (request, reply) => {
      const row = await recordConsent(db, request.params.id, request.body);
      const { records } = await consentStatusView(db, request.params.id);
      return reply.code(201).send(records.find((r) => r.id === row.id)!);
    },
  );

  app.get(
    '/clinical/subjects/:id/consent',
    { config: { permission: 'clinical:read' }, schema: { tags, params: idParam, response: { 200: statusSchema } } },
    async (request) => consentStatusView(db, request.params.id),
  );

  app.post(
    '/clinical/subjects/:id/consent-withdrawals',
    { config: { permission: 'consent:write' }, schema: { tags, params: idParam, body: newWithdrawalBody, response: { 201: withdrawalResultView } } },
    async (request, reply) => {
      const row = await withdrawConsent(db, request.params.id, request.body);
      const { status, continues } = await consentState(db, request.params.id);
      return reply.code(201).send({ withdrawal: (await withdrawalViews(db, [row]))[0]!, status, continues });
    },
  );
};
