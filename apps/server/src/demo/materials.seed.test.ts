import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { equipmentView, listEquipment } from '../modules/equipment/equipment.service';
import { createUser, getUserById } from '../modules/identity/identity.service';
import { actorOf } from '../modules/identity/sessions';
import { listLots, lotViews } from '../modules/materials/materials.service';
import { createSite } from '../modules/sites/sites.service';
import { runWithContext } from '../platform/context';
import { createTestDatabase, type TestDatabase } from '../test/database';
import { DEMO_EQUIPMENT, DEMO_MATERIALS, seedMaterials } from './materials.seed';
import { DEMO_PASSWORD } from './demo-password';

/** The demo stores and equipment, seeded on their own (site, operator and QA only) through the real services. */
describe('demo materials and equipment seed', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await createSite(database.db, { name: 'Beijing Liver CGT Center', fin: 'A9999', timeZone: 'Asia/Shanghai' });
    const operator = await createUser(database.db, { username: 'operator', displayName: 'Liu Yang (GMP)', password: DEMO_PASSWORD, roles: ['operator'] });
    await createUser(database.db, { username: 'qa', displayName: 'Sun Li (QA)', password: DEMO_PASSWORD, roles: ['qa'] });
    await runWithContext({ requestId: 'demo-seed', actor: actorOf(await getUserById(database.db, operator.id)) }, () => seedMaterials(database.db));
  });
  afterAll(() => database.dispose());

  it('has every shared material code with its kind and unit', async () => {
    const rows = await database.query<{ code: string; kind: string; unit: string }>('SELECT code, kind, unit FROM materials ORDER BY code');
    expect(rows.map((r) => r.code)).toEqual(
      ['MAT-AAV8-ATP7B', 'MAT-CD3CD28', 'MAT-CRYOBAG', 'MAT-CS10', 'MAT-HEK293T', 'MAT-IL7-IL15', 'MAT-LVV-GPC3', 'MAT-MSC-MEDIUM', 'MAT-PEI', 'MAT-PLASMID-AAV8', 'MAT-PLASMID-GPC3', 'MAT-TCELL-MEDIUM', 'MAT-TRYPLE', 'MAT-UCMSC-MCB'],
    );
    const kinds = Object.fromEntries(rows.map((r) => [r.code, `${r.kind}/${r.unit}`]));
    expect(kinds).toMatchObject({ 'MAT-IL7-IL15': 'reagent/µg', 'MAT-CRYOBAG': 'consumable/bag', 'MAT-HEK293T': 'starting_material/vial', 'MAT-PLASMID-GPC3': 'reagent/mg', 'MAT-LVV-GPC3': 'vector/mL', 'MAT-AAV8-ATP7B': 'vector/mL' });
  });

  it('has most lots released by QA with a signature, one in quarantine, one expired, one rejected', async () => {
    const lots = await lotViews(database.db, await listLots(database.db));
    expect(lots).toHaveLength(DEMO_MATERIALS.flatMap((m) => m.lots).length);
    const state = (l: (typeof lots)[number]) => (l.status === 'released' && !l.usable ? 'expired' : l.status);
    const notReleased = lots.filter((l) => state(l) !== 'released').map((l) => `${l.materialCode} ${l.lotNumber} ${state(l)}`);
    expect(notReleased.sort()).toEqual(['MAT-CRYOBAG 5250830 rejected', 'MAT-IL7-IL15 5240607 expired', 'MAT-TCELL-MEDIUM 6250412 quarantine']);
    for (const lot of lots.filter((l) => l.status !== 'quarantine')) {
      expect(lot.signatures, lot.lotNumber).toEqual([expect.objectContaining({ signer: 'qa', valid: true })]);
    }
    const lvv = lots.find((l) => l.lotNumber === 'LVV-26-003')!;
    expect(lvv).toMatchObject({ materialCode: 'MAT-LVV-GPC3', kind: 'vector', status: 'released', usable: true });
    expect(lots.find((l) => l.materialCode === 'MAT-AAV8-ATP7B')).toMatchObject({ status: 'released', usable: true });
  });

  it('has twelve units across every type, CEN-02 out of calibration and PRO-02 in maintenance', async () => {
    const units = (await listEquipment(database.db)).map((u) => equipmentView(u));
    expect(units.map((u) => u.code).sort()).toEqual(DEMO_EQUIPMENT.map((u) => u.code).sort());
    expect(new Set(units.map((u) => u.type)).size).toBe(8);
    const notAvailable = units.filter((u) => u.status !== 'available').map((u) => `${u.code} ${u.status}`);
    expect(notAvailable.sort()).toEqual(['CEN-02 out_of_calibration', 'PRO-02 maintenance']);
    const events = await database.query<{ n: number; by: string }>(`SELECT count(*)::int AS n, min(performed_by) AS by FROM equipment_events WHERE kind = 'calibration'`);
    expect(events[0]).toEqual({ n: 12, by: 'operator' });
  });
});
