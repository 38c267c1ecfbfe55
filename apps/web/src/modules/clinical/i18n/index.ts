/**
 * The clinical module's translations, loaded with its chunk (the main bundle stays small). Each part of the
 * module has a pair of files `<part>.en.json` / `<part>.zh-CN.json`; what a file holds is merged under
 * `clinical` in the `translation` namespace (so `setup.en.json` `{ "setup": { "title": … } }` is
 * `t('clinical.setup.title')`), except its `problems` key, which is merged into the top-level `problems`
 * where `components/problemText.ts` looks server problem codes up (`problems.ethics.expired`).
 *
 * A new part needs no edit here: every file of this folder is picked up.
 */
import type { i18n as I18n } from 'i18next';

export type Tree = { [key: string]: string | Tree };

const FILES = import.meta.glob<Tree>('./*.json', { eager: true, import: 'default' });

/** `./setup.zh-CN.json` → `['setup', 'zh-CN']`. */
export function partOf(path: string): [part: string, lng: string] | null {
  const m = /^\.\/([a-z][a-z0-9-]*)\.(en|zh-CN)\.json$/.exec(path);
  return m ? [m[1] ?? '', m[2] ?? ''] : null;
}

/** Every part's translation tree, by language then part. */
export function clinicalParts(): Record<string, Record<string, Tree>> {
  const out: Record<string, Record<string, Tree>> = {};
  for (const [path, tree] of Object.entries(FILES)) {
    const p = partOf(path);
    if (!p) continue;
    const [part, lng] = p;
    (out[lng] ??= {})[part] = tree;
  }
  return out;
}

function merge(into: Tree, from: Tree): Tree {
  for (const [key, value] of Object.entries(from)) {
    const current = into[key];
    if (typeof value !== 'string' && current !== undefined && typeof current !== 'string') merge(current, value);
    else into[key] = typeof value === 'string' ? value : merge({}, value);
  }
  return into;
}

/** The resources to add for one language: `{ clinical: {...}, problems: {...} }`. */
export function clinicalResources(lng: string): { clinical: Tree; problems: Tree } {
  const clinical: Tree = {};
  const problems: Tree = {};
  for (const tree of Object.values(clinicalParts()[lng] ?? {})) {
    const { problems: own, ...rest } = tree;
    merge(clinical, rest);
    if (own && typeof own !== 'string') merge(problems, own);
  }
  return { clinical, problems };
}

/** Adds the clinical translations to every language (deep, so `problems` keeps its other entries). */
export function registerClinicalTranslations(i18n: I18n): void {
  for (const lng of Object.keys(clinicalParts())) {
    i18n.addResourceBundle(lng, 'translation', clinicalResources(lng), true, true);
  }
}
