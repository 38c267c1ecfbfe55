/**
 * The CTCAE v5.0 terms the AE form offers (keys of `CTCAE_TERMS` in @hepatica/core, which the server checks;
 * an unknown key is refused with `adverse_event.unknown_ctcae_term`). The common events after cell and gene
 * therapy of the liver first; each is worded in both languages under `clinical.safety.ctcae.<key>`.
 */
export const CTCAE_TERM_CHOICES = [
  'cytokine_release_syndrome',
  'fever',
  'hypotension',
  'hypoxia',
  'febrile_neutropenia',
  'neutrophil_count_decreased',
  'platelet_count_decreased',
  'anemia',
  'alt_increased',
  'ast_increased',
  'bilirubin_increased',
  'fatigue',
  'nausea',
  'diarrhea',
  'encephalopathy',
  'seizure',
  'infusion_related_reaction',
  'ascites',
  'hepatic_failure',
] as const;
