/**
 * The demo center's master batch records, all effective: lentiviral and AAV vector production, the
 * autologous GPC3 CAR-T process (which consumes the lentiviral vector lot, so genealogy runs vector →
 * cell batch → patient), allogeneic UC-MSC expansion, and a three-step process for the browser test.
 * Ranges are typical published/industry values for these processes, not any one site's validated ones.
 *
 * Written by the current actor (the demo QA officer) and approved with a signature by a different
 * person, the demo head of QA (`qahead`): approval is the independent check, never the author's own.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { runWithContext } from '../platform/context';
import { users } from '../modules/identity/identity.tables';
import { actorOf } from '../modules/identity/sessions';
import { createProcessBody, type ProcessStepInput, type ProductType } from '../modules/processes/processes.schema';
import { approveProcess, createProcess } from '../modules/processes/processes.service';
import { DEMO_PASSWORD } from './demo-password';

/** The demo user who approves the seeded processes (must differ from the author). */
export const PROCESS_APPROVER = 'qahead';

type Field = NonNullable<ProcessStepInput['fields']>[number];
const num = (key: string, label: string, unit: string, min?: number, max?: number): Field => ({
  key, label, type: 'number', unit, ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}),
});
const yes = (key: string, label: string): Field => ({ key, label, type: 'boolean' });
const note = (key: string, label: string): Field => ({ key, label, type: 'text', required: false });

const sterility = { name: 'Final product', test: 'Sterility (Ph. Eur. 2.6.27 / ChP 1101)' };
const endotoxin = { name: 'Final product', test: 'Bacterial endotoxins (LAL)' };
const mycoplasma = { name: 'Final product', test: 'Mycoplasma (NAT)' };

interface DemoProcess {
  code: string;
  name: string;
  product: string;
  productType: ProductType;
  steps: ProcessStepInput[];
}

const LVV: DemoProcess = {
  code: 'LVV-GPC3',
  name: 'Lentiviral vector production (GPC3-CAR)',
  product: 'GPC3-CAR lentiviral vector',
  productType: 'vector',
  steps: [
    { title: 'HEK293T thaw and expansion', instructions: 'Thaw one working cell bank vial at 37 °C, seed into pre-warmed medium and expand in suspension to the transfection volume.', requiredQualification: 'LVV-220', materials: ['MAT-HEK293T'], equipmentTypes: ['biosafety_cabinet', 'co2_incubator'],
      fields: [num('postThawViability', 'Post-thaw viability', '%', 80, 100), num('passageNumber', 'Passage number from WCB', 'passages', 1, 20), num('viableCellDensity', 'Viable cell density at split', '×10⁶ cells/mL', 0.3, 4)] },
    { title: 'Transient transfection', instructions: 'Mix the four plasmids (transfer, gag/pol, rev, VSV-G) with PEI at the stated mass ratio, incubate 15 min at room temperature, add to the culture.', requiredQualification: 'LVV-220', materials: ['MAT-PLASMID-GPC3', 'MAT-PEI'], equipmentTypes: ['biosafety_cabinet', 'co2_incubator'],
      fields: [num('viableCellDensity', 'Viable cell density', '×10⁶ cells/mL', 1.5, 3), num('viability', 'Viability', '%', 90, 100), num('plasmidDna', 'Total plasmid DNA', 'mg', 0.5, 2), num('peiDnaRatio', 'PEI : DNA mass ratio', 'w/w', 2, 3)],
      samples: [{ name: 'Pre-transfection culture', test: 'Cell count and viability' }] },
    { title: 'Harvest', instructions: 'Harvest the vector-containing supernatant 48–72 h after transfection.', requiredQualification: 'LVV-220', equipmentTypes: ['centrifuge'],
      fields: [num('hoursPostTransfection', 'Time after transfection', 'h', 48, 72), num('harvestVolume', 'Harvest volume', 'L', 1, 50)],
      samples: [{ name: 'Crude harvest', test: 'Adventitious agents (in vitro)' }, { name: 'Crude harvest', test: 'Mycoplasma (NAT)' }] },
    { title: 'Clarification and nuclease digest', instructions: 'Depth-filter (0.45 µm), digest host DNA with nuclease 1 h at 37 °C.', requiredQualification: 'LVV-220',
      fields: [yes('filterIntegrity', 'Filter integrity test passed'), num('clarifiedVolume', 'Clarified volume', 'L', 1, 50), num('turbidity', 'Turbidity after filtration', 'NTU', 0, 20)] },
    { title: 'Anion-exchange purification', instructions: 'Load the clarified harvest, wash, elute with the salt step; collect the vector peak by UV 280 nm.', requiredQualification: 'LVV-220', equipmentTypes: ['chromatography_system'],
      fields: [num('eluateVolume', 'Eluate volume', 'mL', 50, 2000), num('maxPressure', 'Maximum column pressure', 'MPa', 0, 0.3), num('stepYield', 'Step yield (p24)', '%', 20, 100)] },
    { title: 'Concentration and formulation', instructions: 'Concentrate and diafilter by TFF (300 kDa) into formulation buffer; 0.22 µm filter the bulk.', requiredQualification: 'LVV-220',
      fields: [num('concentrationFactor', 'Concentration factor', '×', 50, 200), num('bulkVolume', 'Formulated bulk volume', 'mL', 10, 500), yes('bulkFilterIntegrity', 'Bulk filter integrity test passed')],
      samples: [{ name: 'Formulated bulk', test: 'Physical titer (p24 ELISA)' }] },
    { title: 'Aseptic fill', instructions: 'Fill 1.0 mL per cryovial in the grade A zone; a second person verifies vial count and labels before freezing at ≤ −65 °C.', requiredQualification: 'LVV-220', witness: true, equipmentTypes: ['biosafety_cabinet'], producesLot: 'MAT-LVV-GPC3',
      fields: [num('vialsFilled', 'Vials filled', 'vials', 1, 500), num('fillVolume', 'Fill volume per vial', 'mL', 0.95, 1.05), yes('labelsVerified', 'Labels verified')],
      samples: [{ name: 'Final vector', test: 'Functional titer (TU/mL, flow)' }, { name: 'Final vector', test: 'Replication-competent lentivirus (RCL)' }, sterility, endotoxin] },
  ],
};

const AAV: DemoProcess = {
  code: 'AAV8-ATP7B',
  name: 'AAV vector production',
  product: 'AAV8-ATP7B vector',
  productType: 'vector',
  steps: [
    { title: 'HEK293T thaw and expansion', requiredQualification: 'AAV-230', materials: ['MAT-HEK293T'], equipmentTypes: ['biosafety_cabinet', 'co2_incubator'],
      fields: [num('postThawViability', 'Post-thaw viability', '%', 80, 100), num('passageNumber', 'Passage number from WCB', 'passages', 1, 20)] },
    { title: 'Fixed-bed bioreactor inoculation', instructions: 'Inoculate the fixed-bed bioreactor; set 37 °C, pH 7.1, DO 50 %; grow 4–5 days to the transfection density.', requiredQualification: 'AAV-230', equipmentTypes: ['bioreactor'],
      fields: [num('seedingDensity', 'Seeding density on the carriers', '×10³ cells/cm²', 4, 10), num('mediumVolume', 'Medium volume', 'L', 0.5, 30), num('ph', 'pH', 'pH', 6.9, 7.3), num('dissolvedOxygen', 'Dissolved oxygen', '%', 30, 70), num('temperature', 'Temperature', '°C', 36.5, 37.5)] },
    { title: 'Triple transfection', instructions: 'Transfect with the rep/cap (AAV8), helper and ATP7B transgene plasmids complexed with PEI; recirculate 1 h.', requiredQualification: 'AAV-230', materials: ['MAT-PLASMID-AAV8', 'MAT-PEI'], equipmentTypes: ['bioreactor'],
      fields: [num('cellDensity', 'Cell density at transfection (nuclei count)', '×10⁵ cells/cm²', 1, 3), num('plasmidDna', 'Total plasmid DNA', 'mg', 0.5, 30), num('peiDnaRatio', 'PEI : DNA mass ratio', 'w/w', 1.5, 3), num('glucose', 'Glucose before transfection', 'g/L', 1, 5)] },
    { title: 'Harvest and lysis', instructions: 'Lyse in the bioreactor with detergent, digest host DNA with nuclease.', requiredQualification: 'AAV-230', equipmentTypes: ['bioreactor'],
      fields: [num('hoursPostTransfection', 'Time after transfection', 'h', 66, 78), num('lysateVolume', 'Lysate volume', 'L', 0.5, 30)],
      samples: [{ name: 'Crude lysate', test: 'Vector genomes (ddPCR)' }, { name: 'Crude lysate', test: 'Adventitious agents (in vitro)' }] },
    { title: 'Clarification', requiredQualification: 'AAV-230', fields: [yes('filterIntegrity', 'Filter integrity test passed'), num('turbidity', 'Turbidity after filtration', 'NTU', 0, 20)] },
    { title: 'Affinity capture', instructions: 'AAV8 affinity resin; elute at low pH and neutralise immediately.', requiredQualification: 'AAV-230', equipmentTypes: ['chromatography_system'],
      fields: [num('eluatePh', 'Neutralised eluate pH', 'pH', 6.8, 7.6), num('stepYield', 'Step yield (vg)', '%', 40, 100)] },
    { title: 'Full/empty capsid polishing', instructions: 'Anion exchange with a shallow salt gradient; pool the full-capsid peak.', requiredQualification: 'AAV-230', equipmentTypes: ['chromatography_system'],
      fields: [num('a260a280', 'A260/A280 ratio of pool', 'ratio', 1.25, 1.45), num('poolVolume', 'Pool volume', 'mL', 10, 1000)] },
    { title: 'Concentration and formulation', requiredQualification: 'AAV-230',
      fields: [num('bulkVolume', 'Formulated bulk volume', 'mL', 10, 500), yes('bulkFilterIntegrity', 'Bulk filter integrity test passed')],
      samples: [{ name: 'Formulated bulk', test: 'Vector genome titer (ddPCR)' }] },
    { title: 'Aseptic fill', instructions: 'Fill vials in the grade A zone; a second person verifies count and labels; store at ≤ −65 °C.', requiredQualification: 'AAV-230', witness: true, equipmentTypes: ['biosafety_cabinet'], producesLot: 'MAT-AAV8-ATP7B',
      fields: [num('vialsFilled', 'Vials filled', 'vials', 1, 1000), num('fillVolume', 'Fill volume per vial', 'mL', 0.95, 1.05), yes('labelsVerified', 'Labels verified')],
      samples: [{ name: 'Final vector', test: 'Full/empty ratio (AUC)' }, sterility, endotoxin] },
  ],
};

const CART: DemoProcess = {
  code: 'CART-GPC3',
  name: 'Autologous GPC3 CAR-T cell processing',
  product: 'GPC3 CAR-T cells (autologous)',
  productType: 'autologous',
  steps: [
    { title: 'Apheresis receipt check', instructions: 'Check the bag against the order (DIN, COI), its integrity and its temperature on arrival.', requiredQualification: 'GMP-101',
      fields: [num('bagTemperature', 'Bag temperature on arrival', '°C', 2, 8), num('bagVolume', 'Bag volume', 'mL', 50, 400), num('hoursSinceCollection', 'Time since collection', 'h', 0, 72), yes('labelVerified', 'Label matches the order (DIN, COI)'), yes('bagIntact', 'Bag intact, no leaks')],
      samples: [{ name: 'Apheresis material', test: 'Cell count, CD3+ % and viability' }] },
    { title: 'T-cell selection and activation', instructions: 'Closed CD4/CD8 selection on the cell processor; activate with anti-CD3/CD28 reagent.', requiredQualification: 'CELL-210', materials: ['MAT-CD3CD28'], equipmentTypes: ['cell_processor'],
      fields: [num('cd3Purity', 'CD3+ purity after selection', '%', 90, 100), num('viableCellsSeeded', 'Viable T cells seeded', '×10⁸ cells', 1, 5), num('viability', 'Viability', '%', 80, 100)] },
    { title: 'Lentiviral transduction', instructions: 'Open aseptic manipulation in the grade A zone: thaw the released GPC3-CAR vector lot and add it at the target MOI; a second person verifies the lot and volume.', requiredQualification: 'APS-301', witness: true, materials: ['MAT-LVV-GPC3'], equipmentTypes: ['biosafety_cabinet'],
      fields: [num('hoursPostActivation', 'Time after activation', 'h', 24, 48), num('moi', 'Multiplicity of infection', 'TU/cell', 2, 5), num('vectorVolume', 'Vector volume added', 'mL', 0.1, 20)] },
    { title: 'Expansion', instructions: 'Expand in medium with IL-7/IL-15 at 37 °C, 5 % CO₂ for 7–10 days; feed per SOP.', requiredQualification: 'CELL-210', materials: ['MAT-TCELL-MEDIUM', 'MAT-IL7-IL15'], equipmentTypes: ['co2_incubator'],
      fields: [num('cultureDay', 'Culture day', 'day', 7, 10), num('viability', 'Viability', '%', 70, 100), num('totalViableCells', 'Total viable cells', '×10⁹ cells', 0.5, 20), num('foldExpansion', 'Fold expansion', '×', 5, 200)],
      samples: [{ name: 'End-of-culture', test: 'CAR expression (flow cytometry)' }, { name: 'End-of-culture', test: 'Vector copy number (qPCR)' }] },
    { title: 'Harvest and formulation', instructions: 'Wash and concentrate by centrifugation; formulate in infusion buffer for the target dose.', requiredQualification: 'ASEP-201', equipmentTypes: ['centrifuge'],
      fields: [num('viability', 'Viability', '%', 70, 100), num('carPositive', 'CAR+ T cells', '%', 10, 100), num('formulatedVolume', 'Formulated volume', 'mL', 20, 100)],
      samples: [sterility, endotoxin, mycoplasma, { name: 'Final product', test: 'Replication-competent lentivirus (RCL)' }] },
    { title: 'Cryopreservation', instructions: 'Mix 1:1 with CS10, fill the cryobags, freeze on the validated controlled-rate profile, transfer to LN₂ vapour (≤ −150 °C); a second person verifies bag labels against the COI.', requiredQualification: 'ASEP-201', witness: true, materials: ['MAT-CS10', 'MAT-CRYOBAG'], equipmentTypes: ['controlled_rate_freezer'],
      fields: [num('bagsFilled', 'Bags filled', 'bags', 1, 4), num('fillVolumePerBag', 'Fill volume per bag', 'mL', 10, 70), num('endTemperature', 'Profile end temperature', '°C', -100, -80), yes('labelsVerified', 'Bag labels match the COI')] },
  ],
};

const passage = (p: number): ProcessStepInput => ({
  title: `P${p} expansion`, instructions: 'Passage at 70–90 % confluence with TrypLE; reseed at 3,000–5,000 cells/cm².', requiredQualification: 'ASEP-201', materials: ['MAT-MSC-MEDIUM', 'MAT-TRYPLE'], equipmentTypes: ['biosafety_cabinet', 'co2_incubator', 'cell_counter'],
  fields: [num('confluence', 'Confluence at passage', '%', 70, 90), num('viability', 'Viability', '%', 90, 100), num('cellsHarvested', 'Cells harvested', '×10⁶ cells', 1, 5000), num('populationDoublings', 'Population doublings this passage', 'PD', 1, 5)],
});

const MSC: DemoProcess = {
  code: 'UCMSC',
  name: 'Allogeneic UC-MSC expansion',
  product: 'UC-MSC (allogeneic, umbilical cord)',
  productType: 'allogeneic',
  steps: [
    { title: 'Master cell bank thaw', instructions: 'Thaw one MCB vial at 37 °C, dilute dropwise in medium, seed the cell factories.', requiredQualification: 'ASEP-201', materials: ['MAT-UCMSC-MCB', 'MAT-MSC-MEDIUM'], equipmentTypes: ['biosafety_cabinet'],
      fields: [num('postThawViability', 'Post-thaw viability', '%', 70, 100), num('viableCellsSeeded', 'Viable cells seeded', '×10⁶ cells', 1, 50)] },
    passage(1),
    passage(2),
    passage(3),
    { title: 'Harvest', requiredQualification: 'ASEP-201', materials: ['MAT-TRYPLE'], equipmentTypes: ['centrifuge'],
      fields: [num('viability', 'Viability', '%', 90, 100), num('totalViableCells', 'Total viable cells', '×10⁸ cells', 1, 50), num('cumulativePopulationDoublings', 'Cumulative population doublings', 'PD', 0, 15)],
      samples: [{ name: 'Final product', test: 'Immunophenotype (ISCT: CD73/CD90/CD105 ≥ 95 %, CD34/CD45/HLA-DR ≤ 2 %)' }, sterility, endotoxin, mycoplasma] },
    { title: 'Cryopreservation', instructions: 'Formulate in CS10, fill the cryobags, freeze on the controlled-rate profile; a second person verifies bag labels.', requiredQualification: 'ASEP-201', witness: true, materials: ['MAT-CS10', 'MAT-CRYOBAG'], equipmentTypes: ['controlled_rate_freezer'],
      fields: [num('bagsFilled', 'Bags filled', 'bags', 1, 100), num('cellsPerBag', 'Viable cells per bag', '×10⁸ cells', 0.5, 2), yes('labelsVerified', 'Labels verified')] },
  ],
};

/** The process the browser test runs: three quick steps, one material, one piece of equipment, one witness. */
const SHORT: DemoProcess = {
  code: 'DEMO-SHORT',
  name: 'Short demonstration process',
  product: 'Demonstration cell product',
  productType: 'allogeneic',
  steps: [
    { title: 'Line clearance', instructions: 'Confirm the room and the cabinet are clear of the previous batch.', requiredQualification: 'GMP-101', fields: [yes('lineClear', 'Line clearance done')] },
    { title: 'Medium exchange', instructions: 'Add fresh medium in the biosafety cabinet.', requiredQualification: 'GMP-101', materials: ['MAT-TCELL-MEDIUM'], equipmentTypes: ['biosafety_cabinet'],
      fields: [num('mediumVolume', 'Medium added', 'mL', 50, 150), num('viability', 'Viability', '%', 70, 100)] },
    { title: 'Final check and labelling', instructions: 'A second person checks the labels.', requiredQualification: 'GMP-101', witness: true, fields: [yes('labelsVerified', 'Labels verified'), note('remarks', 'Remarks')] },
  ],
};

export const DEMO_PROCESSES: DemoProcess[] = [LVV, AAV, CART, MSC, SHORT];

/** Runs fn as the named demo user (the seed has no request to take the actor from). */
async function asUser<T>(db: Db, username: string, fn: () => Promise<T>): Promise<T> {
  const [user] = await db.select().from(users).where(eq(users.username, username));
  if (!user) throw new Error(`demo user ${username} is missing`);
  return runWithContext({ requestId: 'demo-seed', actor: actorOf(user) }, fn);
}

/** Creates every demo process as the current actor and has the head of QA approve it. */
export async function seedProcesses(db: Db): Promise<void> {
  for (const p of DEMO_PROCESSES) {
    // Parsed by the API's own body schema, so the stored steps are exactly what a POST would store.
    const draft = await createProcess(db, createProcessBody.parse(p));
    await asUser(db, PROCESS_APPROVER, () => approveProcess(db, draft.id, { password: DEMO_PASSWORD, meaning: 'Approved for GMP use' }));
  }
}

