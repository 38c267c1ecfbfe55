/** The bridge from a stored specification test to the pure conformity rule of @hepatica/core. */
import type { SpecCriterion } from '@hepatica/core';
import type { SpecTest } from './specifications.schema';

export function criterionOf(t: SpecTest): SpecCriterion {
  switch (t.kind) {
    case 'numeric':
      return { kind: 'numeric', unit: t.unit ?? '', min: t.min, max: t.max, minInclusive: t.minInclusive, maxInclusive: t.maxInclusive };
    case 'pass_fail':
      return { kind: 'pass_fail' };
    case 'text':
      return { kind: 'text', acceptable: t.acceptable };
  }
}
