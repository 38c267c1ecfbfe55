import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../modules/identity/identity.service';
import { listCapas } from '../modules/quality/capa.service';
import { listChanges } from '../modules/quality/change-control.service';
import { listDeviations } from '../modules/quality/deviations.service';
import { qualityOverview } from '../modules/quality/quality.overview';
import { createSite } from '../modules/sites/sites.service';
import { createTestDatabase, type TestDatabase } from '../test/database';
import { seedQuality } from './quality.seed';

const PASSWORD = 'Hepatica-Demo-2026';

/** The demo quality system, seeded on its own (site and four users only) through the real services. */
describe('demo quality seed', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await createSite(database.db, { name: 'Beijing Liver CGT Center', fin: 'A9999', timeZone: 'Asia/Shanghai' });
    const ids: Record<string, string> = {};
    for (const [username, role] of [['operator', 'operator'], ['qc', 'qc_analyst'], ['qa', 'qa'], ['qahead', 'qa']] as const) {
      ids[username] = (await createUser(database.db, { username, displayName: username, password: PASSWORD, roles: [role] })).id;
    }
    await seedQuality(database.db, ids as Record<'operator' | 'qc' | 'qa' | 'qahead', string>, PASSWORD);
  });
  afterAll(() => database.dispose());

  it('has deviations, CAPAs and change controls at every stage', async () => {
    const deviations = await listDeviations(database.db);
    expect(deviations.map((d) => d.status).sort()).toEqual(['closed', 'investigation', 'open']);
    expect(deviations.find((d) => d.status === 'closed')).toMatchObject({ closedBy: 'qahead', rootCauseCategory: 'method' });
    const capas = await listCapas(database.db);
    expect(capas.map((c) => c.status).sort()).toEqual(['closed', 'effectiveness_check', 'open']);
    expect(capas.find((c) => c.source === 'deviation')?.deviationNumber).toBe(deviations.find((d) => d.status === 'closed')!.number);
    const changes = await listChanges(database.db);
    expect(changes.map((c) => c.status).sort()).toEqual(['approved', 'closed', 'draft']);
  });

  it('shows something overdue of each kind, and nothing closed among it', async () => {
    const overview = await qualityOverview(database.db);
    expect(overview.overdue.deviations.map((d) => d.title)).toEqual(['Incubator INC-03 CO₂ alarm during CAR-T expansion']);
    expect(overview.overdue.capas.map((c) => c.title)).toEqual(['Single-person shift rule for media preparation']);
    expect(overview.overdue.capas[0]).toMatchObject({ actionsOverdue: 1, effectivenessOverdue: false });
    expect(overview.overdue.changeControls.map((c) => c.title)).toEqual(['Recombinant factor C for endotoxin testing']);
    expect(overview.open).toEqual({ deviations: 2, capas: 2, changeControls: 2 });
  });

  it('signed every step with the demo users, each signature still valid', async () => {
    const rows = await database.query<{ entity_type: string; n: number }>('SELECT entity_type, count(*)::int AS n FROM signatures GROUP BY entity_type ORDER BY entity_type');
    expect(rows).toEqual([
      { entity_type: 'capa_action', n: 3 },
      { entity_type: 'capa_effectiveness_check', n: 1 },
      { entity_type: 'change_control', n: 2 },
      { entity_type: 'change_control_closure', n: 1 },
      { entity_type: 'change_control_implementation', n: 1 },
      { entity_type: 'deviation', n: 1 },
      { entity_type: 'deviation_classification', n: 2 },
    ]);
  });
});
