import type { ResourceKey } from 'i18next';
import type { Language } from '../../i18n';
import { mergeSections } from '../../i18n/area';

// one file per section and language (panel.en.json, studies.fr.json…): each section's strings
// live beside each other, and they are fetched together, with the studio's code, and never by a panellist
const sections = import.meta.glob<{ default: ResourceKey }>('./i18n/*.json');

/** The studio's strings in `lang`, all sections merged under the top-level key `studio`. */
export const loadStudioCatalogue = (lang: Language) => mergeSections(sections, lang);
