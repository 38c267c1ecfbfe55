/**
 * Common CTCAE v5.0 terms for adverse-event entry (NCI, Common Terminology Criteria for Adverse Events v5.0,
 * 27 Nov 2017): MedDRA code as listed in CTCAE v5.0 (null where not verified here: check against the MedDRA
 * version in use), system organ class, English and Simplified Chinese labels, and each grade's definition,
 * abbreviated. A grade the term does not define is absent. ICANS is not a CTCAE v5.0 term; it is listed for
 * entry with the ASTCT 2019 grades (Lee et al., Biol Blood Marrow Transplant 2019) and `ctcae: false`.
 */

export interface CtcaeTermInfo {
  term: string;
  meddraCode: string | null;
  soc: string;
  label: { en: string; 'zh-CN': string };
  grades: Partial<Record<1 | 2 | 3 | 4 | 5, string>>;
  /** Graded from a lab value by gradeCtcaeLab. */
  labGraded: boolean;
  /** False for a term listed here for entry that is not in CTCAE v5.0 (ICANS: ASTCT grades). */
  ctcae: boolean;
}

const DEATH = 'Death';
const LIFE = 'Life-threatening consequences; urgent intervention indicated';
const SOC = {
  blood: 'Blood and lymphatic system disorders',
  cardiac: 'Cardiac disorders',
  gi: 'Gastrointestinal disorders',
  general: 'General disorders and administration site conditions',
  hepato: 'Hepatobiliary disorders',
  immune: 'Immune system disorders',
  infection: 'Infections and infestations',
  injury: 'Injury, poisoning and procedural complications',
  investigations: 'Investigations',
  metabolism: 'Metabolism and nutrition disorders',
  nervous: 'Nervous system disorders',
  renal: 'Renal and urinary disorders',
  respiratory: 'Respiratory, thoracic and mediastinal disorders',
  vascular: 'Vascular disorders',
} as const;

type Entry = Omit<CtcaeTermInfo, 'term' | 'labGraded' | 'ctcae'> & { labGraded?: boolean; ctcae?: boolean };

const ratio = (g1: string, g2: string, g3: string, g4: string) => ({
  1: `>ULN–${g1} × ULN if baseline normal`,
  2: `>${g1}–${g2} × ULN`,
  3: `>${g2}–${g3} × ULN`,
  4: `>${g3}${g4}`,
});

const ENTRIES = {
  cytokine_release_syndrome: {
    meddraCode: '10052015',
    soc: SOC.immune,
    label: { en: 'Cytokine release syndrome', 'zh-CN': '细胞因子释放综合征' },
    grades: {
      1: 'Fever with or without constitutional symptoms',
      2: 'Hypotension responding to fluids; hypoxia responding to <40% O2',
      3: 'Hypotension managed with one pressor; hypoxia requiring ≥40% O2',
      4: LIFE,
      5: DEATH,
    },
  },
  icans: {
    meddraCode: null,
    soc: SOC.nervous,
    label: { en: 'Immune effector cell-associated neurotoxicity syndrome (ICANS)', 'zh-CN': '免疫效应细胞相关神经毒性综合征（ICANS）' },
    grades: {
      1: 'ASTCT: ICE 7–9; awakens spontaneously',
      2: 'ASTCT: ICE 3–6; awakens to voice',
      3: 'ASTCT: ICE 0–2; awakens only to touch; seizure resolving rapidly; focal oedema',
      4: 'ASTCT: unarousable; prolonged seizure; deep focal motor weakness; diffuse cerebral oedema',
      5: DEATH,
    },
    ctcae: false,
  },
  fever: {
    meddraCode: '10016558',
    soc: SOC.general,
    label: { en: 'Fever', 'zh-CN': '发热' },
    grades: { 1: '38.0–39.0 °C', 2: '>39.0–40.0 °C', 3: '>40.0 °C for ≤24 h', 4: '>40.0 °C for >24 h', 5: DEATH },
  },
  chills: {
    meddraCode: '10008531',
    soc: SOC.general,
    label: { en: 'Chills', 'zh-CN': '寒战' },
    grades: { 1: 'Mild sensation of cold; shivering; chattering of teeth', 2: 'Moderate tremor of the entire body; narcotics indicated', 3: 'Severe or prolonged, not responsive to narcotics' },
  },
  fatigue: {
    meddraCode: '10016256',
    soc: SOC.general,
    label: { en: 'Fatigue', 'zh-CN': '疲乏' },
    grades: { 1: 'Relieved by rest', 2: 'Not relieved by rest; limiting instrumental ADL', 3: 'Not relieved by rest, limiting self care ADL' },
  },
  neutrophil_count_decreased: {
    meddraCode: '10029366',
    soc: SOC.investigations,
    label: { en: 'Neutrophil count decreased', 'zh-CN': '中性粒细胞计数降低' },
    grades: { 1: '<LLN–1.5 × 10^9/L', 2: '<1.5–1.0 × 10^9/L', 3: '<1.0–0.5 × 10^9/L', 4: '<0.5 × 10^9/L' },
    labGraded: true,
  },
  febrile_neutropenia: {
    meddraCode: '10016288',
    soc: SOC.blood,
    label: { en: 'Febrile neutropenia', 'zh-CN': '发热性中性粒细胞减少' },
    grades: { 3: 'ANC <1.0 × 10^9/L with a single temperature >38.3 °C or ≥38 °C sustained for more than 1 h', 4: LIFE, 5: DEATH },
  },
  platelet_count_decreased: {
    meddraCode: '10035528',
    soc: SOC.investigations,
    label: { en: 'Platelet count decreased (thrombocytopenia)', 'zh-CN': '血小板计数降低（血小板减少）' },
    grades: { 1: '<LLN–75.0 × 10^9/L', 2: '<75.0–50.0 × 10^9/L', 3: '<50.0–25.0 × 10^9/L', 4: '<25.0 × 10^9/L' },
    labGraded: true,
  },
  anemia: {
    meddraCode: '10002272',
    soc: SOC.blood,
    label: { en: 'Anemia', 'zh-CN': '贫血' },
    grades: { 1: 'Hgb <LLN–100 g/L', 2: 'Hgb <100–80 g/L', 3: 'Hgb <80 g/L; transfusion indicated', 4: LIFE, 5: DEATH },
    labGraded: true,
  },
  lymphocyte_count_decreased: {
    meddraCode: '10025256',
    soc: SOC.investigations,
    label: { en: 'Lymphocyte count decreased', 'zh-CN': '淋巴细胞计数降低' },
    grades: { 1: '<LLN–0.8 × 10^9/L', 2: '<0.8–0.5 × 10^9/L', 3: '<0.5–0.2 × 10^9/L', 4: '<0.2 × 10^9/L' },
    labGraded: true,
  },
  white_blood_cell_decreased: {
    meddraCode: '10049182',
    soc: SOC.investigations,
    label: { en: 'White blood cell decreased', 'zh-CN': '白细胞计数降低' },
    grades: { 1: '<LLN–3.0 × 10^9/L', 2: '<3.0–2.0 × 10^9/L', 3: '<2.0–1.0 × 10^9/L', 4: '<1.0 × 10^9/L' },
    labGraded: true,
  },
  disseminated_intravascular_coagulation: {
    meddraCode: '10013442',
    soc: SOC.blood,
    label: { en: 'Disseminated intravascular coagulation', 'zh-CN': '弥散性血管内凝血' },
    grades: { 2: 'Laboratory findings with no bleeding', 3: 'Laboratory findings and bleeding', 4: LIFE, 5: DEATH },
  },
  hypotension: {
    meddraCode: '10021097',
    soc: SOC.vascular,
    label: { en: 'Hypotension', 'zh-CN': '低血压' },
    grades: { 1: 'Asymptomatic, intervention not indicated', 2: 'Non-urgent medical intervention indicated', 3: 'Medical intervention indicated; hospitalization indicated', 4: 'Life-threatening consequences and urgent intervention indicated', 5: DEATH },
  },
  sinus_tachycardia: {
    meddraCode: '10040752',
    soc: SOC.cardiac,
    label: { en: 'Sinus tachycardia', 'zh-CN': '窦性心动过速' },
    grades: { 1: 'Asymptomatic, intervention not indicated', 2: 'Symptomatic; non-urgent medical intervention indicated', 3: 'Urgent medical intervention indicated' },
  },
  hypoxia: {
    meddraCode: '10021143',
    soc: SOC.respiratory,
    label: { en: 'Hypoxia', 'zh-CN': '低氧血症' },
    grades: { 2: 'Decreased O2 saturation with exercise (e.g. SpO2 <88%); intermittent supplemental oxygen', 3: 'Decreased O2 saturation at rest (e.g. SpO2 <88% or PaO2 ≤55 mm Hg)', 4: 'Life-threatening airway compromise; urgent intervention indicated', 5: DEATH },
  },
  nausea: {
    meddraCode: '10028813',
    soc: SOC.gi,
    label: { en: 'Nausea', 'zh-CN': '恶心' },
    grades: { 1: 'Loss of appetite without alteration in eating habits', 2: 'Oral intake decreased without significant weight loss, dehydration or malnutrition', 3: 'Inadequate oral caloric or fluid intake; tube feeding, TPN, or hospitalization indicated' },
  },
  vomiting: {
    meddraCode: '10047700',
    soc: SOC.gi,
    label: { en: 'Vomiting', 'zh-CN': '呕吐' },
    grades: { 1: 'Intervention not indicated', 2: 'Outpatient IV hydration; medical intervention indicated', 3: 'Tube feeding, TPN, or hospitalization indicated', 4: LIFE, 5: DEATH },
  },
  diarrhea: {
    meddraCode: '10012735',
    soc: SOC.gi,
    label: { en: 'Diarrhea', 'zh-CN': '腹泻' },
    grades: { 1: 'Increase of <4 stools per day over baseline', 2: 'Increase of 4–6 stools per day over baseline', 3: 'Increase of ≥7 stools per day over baseline; hospitalization indicated; limiting self care ADL', 4: LIFE, 5: DEATH },
  },
  ascites: {
    meddraCode: '10003445',
    soc: SOC.gi,
    label: { en: 'Ascites', 'zh-CN': '腹水' },
    grades: { 1: 'Asymptomatic; clinical or diagnostic observations only', 2: 'Symptomatic; medical intervention indicated', 3: 'Severe symptoms; invasive intervention indicated', 4: 'Life-threatening consequences; urgent operative intervention indicated', 5: DEATH },
  },
  upper_gastrointestinal_hemorrhage: {
    meddraCode: null,
    soc: SOC.gi,
    label: { en: 'Upper gastrointestinal hemorrhage', 'zh-CN': '上消化道出血' },
    grades: { 1: 'Mild; intervention not indicated', 2: 'Moderate symptoms; intervention indicated', 3: 'Transfusion indicated; invasive intervention indicated; hospitalization', 4: LIFE, 5: DEATH },
  },
  lower_gastrointestinal_hemorrhage: {
    meddraCode: null,
    soc: SOC.gi,
    label: { en: 'Lower gastrointestinal hemorrhage', 'zh-CN': '下消化道出血' },
    grades: { 1: 'Mild; intervention not indicated', 2: 'Moderate symptoms; intervention indicated', 3: 'Transfusion indicated; invasive intervention indicated; hospitalization', 4: LIFE, 5: DEATH },
  },
  esophageal_varices_hemorrhage: {
    meddraCode: null,
    soc: SOC.gi,
    label: { en: 'Esophageal varices hemorrhage', 'zh-CN': '食管静脉曲张出血' },
    grades: { 2: 'Self-limited; intervention not indicated', 3: 'Transfusion indicated; invasive intervention indicated; hospitalization', 4: LIFE, 5: DEATH },
  },
  alt_increased: {
    meddraCode: '10001551',
    soc: SOC.investigations,
    label: { en: 'Alanine aminotransferase increased', 'zh-CN': '丙氨酸氨基转移酶升高' },
    grades: ratio('3.0', '5.0', '20.0', ' × ULN (abnormal baseline: same multiples of baseline, grade 1 from 1.5 × baseline)'),
    labGraded: true,
  },
  ast_increased: {
    meddraCode: '10003481',
    soc: SOC.investigations,
    label: { en: 'Aspartate aminotransferase increased', 'zh-CN': '天门冬氨酸氨基转移酶升高' },
    grades: ratio('3.0', '5.0', '20.0', ' × ULN (abnormal baseline: same multiples of baseline, grade 1 from 1.5 × baseline)'),
    labGraded: true,
  },
  bilirubin_increased: {
    meddraCode: '10005364',
    soc: SOC.investigations,
    label: { en: 'Blood bilirubin increased', 'zh-CN': '血胆红素升高' },
    grades: ratio('1.5', '3.0', '10.0', ' × ULN (abnormal baseline: same multiples of baseline)'),
    labGraded: true,
  },
  alkaline_phosphatase_increased: {
    meddraCode: '10001675',
    soc: SOC.investigations,
    label: { en: 'Alkaline phosphatase increased', 'zh-CN': '碱性磷酸酶升高' },
    grades: ratio('2.5', '5.0', '20.0', ' × ULN (abnormal baseline: same multiples of baseline, grade 1 from 2.0 × baseline)'),
    labGraded: true,
  },
  ggt_increased: {
    meddraCode: '10017693',
    soc: SOC.investigations,
    label: { en: 'GGT increased', 'zh-CN': 'γ-谷氨酰转移酶升高' },
    grades: ratio('2.5', '5.0', '20.0', ' × ULN (abnormal baseline: same multiples of baseline, grade 1 from 2.0 × baseline)'),
    labGraded: true,
  },
  creatinine_increased: {
    meddraCode: '10011368',
    soc: SOC.investigations,
    label: { en: 'Creatinine increased', 'zh-CN': '肌酐升高' },
    grades: { 1: '>ULN–1.5 × ULN', 2: '>1.5–3.0 × baseline; >1.5–3.0 × ULN', 3: '>3.0 × baseline; >3.0–6.0 × ULN', 4: '>6.0 × ULN' },
    labGraded: true,
  },
  acute_kidney_injury: {
    meddraCode: '10069339',
    soc: SOC.renal,
    label: { en: 'Acute kidney injury', 'zh-CN': '急性肾损伤' },
    grades: { 3: 'Hospitalization indicated', 4: 'Life-threatening consequences; dialysis indicated', 5: DEATH },
  },
  infusion_related_reaction: {
    meddraCode: '10051792',
    soc: SOC.injury,
    label: { en: 'Infusion related reaction', 'zh-CN': '输注相关反应' },
    grades: {
      1: 'Mild transient reaction; infusion interruption not indicated; intervention not indicated',
      2: 'Therapy or infusion interruption indicated but responds promptly to symptomatic treatment; prophylactic medications indicated for ≤24 h',
      3: 'Prolonged; recurrence of symptoms following initial improvement; hospitalization indicated for clinical sequelae',
      4: LIFE,
      5: DEATH,
    },
  },
  tumor_lysis_syndrome: {
    meddraCode: '10045170',
    soc: SOC.metabolism,
    label: { en: 'Tumor lysis syndrome', 'zh-CN': '肿瘤溶解综合征' },
    grades: { 3: 'Present', 4: LIFE, 5: DEATH },
  },
  hepatic_failure: {
    meddraCode: '10019663',
    soc: SOC.hepato,
    label: { en: 'Hepatic failure', 'zh-CN': '肝衰竭' },
    grades: { 3: 'Asterixis; mild encephalopathy; drug-induced liver injury; limiting self care ADL', 4: 'Life-threatening consequences; moderate to severe encephalopathy; coma', 5: DEATH },
  },
  encephalopathy: {
    meddraCode: '10014625',
    soc: SOC.nervous,
    label: { en: 'Encephalopathy', 'zh-CN': '脑病' },
    grades: { 1: 'Mild symptoms', 2: 'Moderate symptoms; limiting instrumental ADL', 3: 'Severe symptoms; limiting self care ADL', 4: LIFE, 5: DEATH },
  },
  headache: {
    meddraCode: '10019211',
    soc: SOC.nervous,
    label: { en: 'Headache', 'zh-CN': '头痛' },
    grades: { 1: 'Mild pain', 2: 'Moderate pain; limiting instrumental ADL', 3: 'Severe pain; limiting self care ADL' },
  },
  seizure: {
    meddraCode: '10039906',
    soc: SOC.nervous,
    label: { en: 'Seizure', 'zh-CN': '癫痫发作' },
    grades: { 1: 'Brief partial seizure and no loss of consciousness', 2: 'Brief generalized seizure', 3: 'Multiple seizures despite medical intervention', 4: 'Life-threatening; prolonged repetitive seizures', 5: DEATH },
  },
  sepsis: {
    meddraCode: '10040047',
    soc: SOC.infection,
    label: { en: 'Sepsis', 'zh-CN': '脓毒症' },
    grades: { 4: LIFE, 5: DEATH },
  },
} satisfies Record<string, Entry>;

export type CtcaeTermKey = keyof typeof ENTRIES;

/** The terms keyed by name (`CTCAE_TERMS.alt_increased`); `Object.values` for a picker. */
export const CTCAE_TERMS: Readonly<Record<CtcaeTermKey, CtcaeTermInfo>> = Object.fromEntries(
  Object.entries(ENTRIES).map(([term, e]: [string, Entry]) => [term, { term, ...e, labGraded: e.labGraded ?? false, ctcae: e.ctcae ?? true }]),
) as Record<CtcaeTermKey, CtcaeTermInfo>;

export const isCtcaeTermKey = (term: string): term is CtcaeTermKey => Object.hasOwn(CTCAE_TERMS, term);
