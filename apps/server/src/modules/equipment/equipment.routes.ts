/** Routes of the equipment register: units, their calibrations and maintenance, with derived status. */
import type { RoutePlugin } from '../../platform/app-types';
import { idParam, listOf } from '../../platform/schemas';
import { calibrationBody, createEquipmentBody, equipmentQuery, equipmentView as equipmentSchema, maintenanceBody } from './equipment.schema';
import { recordCalibration, recordMaintenance } from './equipment.records.service';
import { equipmentView, eventsOf, getEquipment, listEquipment, registerEquipment } from './equipment.service';

export const equipmentRoutes: RoutePlugin = (app, { database: { db } }) => {
  const tags = ['equipment'];
  app.get(
    '/equipment',
    { config: { permission: 'equipment:read' }, schema: { tags, querystring: equipmentQuery, response: { 200: listOf(equipmentSchema) } } },
    async (request) => ({ items: (await listEquipment(db, request.query)).map((s) => equipmentView(s)) }),
  );

  app.get(
    '/equipment/:id',
    { config: { permission: 'equipment:read' }, schema: { tags, params: idParam, response: { 200: equipmentSchema } } },
    async (request) => equipmentView(await getEquipment(db, request.params.id), await eventsOf(db, request.params.id)),
  );

  app.post(
    '/equipment',
    { config: { permission: 'equipment:write' }, schema: { tags, body: createEquipmentBody, response: { 201: equipmentSchema } } },
    async (request, reply) => reply.code(201).send(equipmentView(await registerEquipment(db, request.body), [])),
  );

  app.post(
    '/equipment/:id/calibrations',
    { config: { permission: 'equipment:write' }, schema: { tags, params: idParam, body: calibrationBody, response: { 200: equipmentSchema } } },
    async (request) => {
      const unit = await recordCalibration(db, request.params.id, request.body);
      return equipmentView(unit, await eventsOf(db, unit.id));
    },
  );

  app.post(
    '/equipment/:id/maintenance',
    { config: { permission: 'equipment:write' }, schema: { tags, params: idParam, body: maintenanceBody, response: { 200: equipmentSchema } } },
    async (request) => {
      const unit = await recordMaintenance(db, request.params.id, request.body);
      return equipmentView(unit, await eventsOf(db, unit.id));
    },
  );
};
