import de from './de.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };

/** The inspector's own i18n namespace (`inspector:…` keys), registered beside the app's `translation` namespace. */
export const INSPECTOR_NAMESPACE = 'inspector';
export const inspectorTexts = { de, en } as const;
