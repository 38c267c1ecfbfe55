import type { z } from 'zod';
import type { Db } from '../../db/client';
import type { RoutePlugin } from '../../platform/app-types';
import { idParam, listOf } from '../../platform/schemas';
import { getPatient } from '../patients/patients.service';
import { homeSite } from '../sites/sites.service';
import { recordInfusion, verifyAtBedside } from './shipments.bedside';
import { uploadLogger } from './shipments.logger';
import {
  createShipmentBody,
  infusionBody,
  infusionView as infusionSchema,
  loggerUploadBody,
  receiptBody,
  shipmentDetail,
  shipmentQuery,
  shipmentSummary,
  storageBody,
  verificationBody,
  verificationView as verificationSchema,
} from './shipments.schema';
import { createShipment } from './shipments.service';
import { receiveShipment, storeShipment } from './shipments.site';
import { getShipment, infusionView, listShipments, verificationViews } from './shipments.views';
import { renderWristband } from './wristband.pdf';

export const shipmentsRoutes: RoutePlugin = (app, { database: { db } }) => {
  const tags = ['shipments'];
  const detail = { 200: shipmentDetail };
  app.get(
    '/shipments',
    {
      config: { permission: 'shipments:read' },
      schema: { tags, querystring: shipmentQuery, response: { 200: listOf(shipmentSummary) } },
    },
    async (request) => ({ items: await listShipments(db, request.query) }),
  );

  app.post(
    '/shipments',
    {
      config: { permission: 'shipments:write' },
      schema: { tags, body: createShipmentBody, response: { 201: shipmentDetail } },
    },
    async (request, reply) => reply.code(201).send(await getShipment(db, (await createShipment(db, request.body)).id)),
  );

  app.get(
    '/shipments/:id',
    { config: { permission: 'shipments:read' }, schema: { tags, params: idParam, response: detail } },
    async (request) => getShipment(db, request.params.id),
  );

  /** A step at the site (logger upload, receipt, storage): validated, done, and answered with the shipment. */
  function siteStep<B extends z.ZodType>(step: string, body: B, run: (db: Db, id: string, input: z.output<B>) => Promise<unknown>) {
    app.post(
      `/shipments/:id/${step}`,
      { config: { permission: 'shipments:write' }, schema: { tags, params: idParam, body, response: detail } },
      async (request) => {
        await run(db, request.params.id, request.body as z.output<B>);
        return getShipment(db, request.params.id);
      },
    );
  }
  siteStep('logger', loggerUploadBody, uploadLogger);
  siteStep('receipt', receiptBody, receiveShipment);
  siteStep('storage', storageBody, storeShipment);

  app.post(
    '/shipments/:id/verifications',
    {
      config: { permission: 'infusions:write' },
      schema: { tags, params: idParam, body: verificationBody, response: { 201: verificationSchema } },
    },
    async (request, reply) => {
      const row = await verifyAtBedside(db, request.params.id, request.body);
      return reply.code(201).send((await verificationViews(db, [row]))[0]!);
    },
  );

  app.post(
    '/shipments/:id/infusion',
    {
      config: { permission: 'infusions:write' },
      schema: { tags, params: idParam, body: infusionBody, response: { 201: infusionSchema } },
    },
    async (request, reply) =>
      reply.code(201).send(await infusionView(db, await recordInfusion(db, request.params.id, request.body))),
  );

  // The wristband prints the patient's name and MRN, so it needs the identity permission.
  app.get(
    '/patients/:id/wristband.pdf',
    { config: { permission: 'identity:read' }, schema: { tags, params: idParam, produces: ['application/pdf'] } },
    async (request, reply) => {
      const patient = await getPatient(db, request.params.id);
      const site = await homeSite(db);
      const buffer = await renderWristband({
        subjectCode: patient.subjectCode,
        name: patient.name,
        mrn: patient.mrn,
        birthDate: patient.birthDate,
        sex: patient.sex,
        siteName: site.name,
        printedAt: patient.createdAt,
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="wristband-${patient.subjectCode}.pdf"`)
        .send(buffer);
    },
  );
};
