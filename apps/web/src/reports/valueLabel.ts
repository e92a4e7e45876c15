import { useTranslation } from 'react-i18next';
import type { CrosstabDto } from '../api/generated';
import { countryName } from './format';

export type Segment = CrosstabDto['segment'];

/**
 * The label of a coded value (a gender, a tier, a country…) in the reader's language: never
 * the raw code, except for an unknown code (a newer API) and for age bands, which read as they are.
 */
export function useValueLabel() {
  const { t, i18n } = useTranslation();
  return (segment: Segment | 'idea' | 'kind' | 'severity' | 'status', value: string): string => {
    switch (segment) {
      case 'country':
        return countryName(value, i18n.language);
      case 'ageBand':
        return value.replace('-', '–');
      case 'gender':
        return t(`brand.report.codes.gender.${value}`, { defaultValue: value });
      case 'tier':
        return t(`brand.report.codes.tier.${value}`, { defaultValue: value });
      case 'idea':
        return t(`brand.report.codes.idea.${value}`, { defaultValue: value });
      case 'kind':
        return t(`brand.report.codes.kind.${value}`, { defaultValue: value });
      case 'severity':
        return t(`brand.report.codes.severity.${value}`, { defaultValue: value });
      case 'status':
        return t(`brand.report.codes.feedbackStatus.${value}`, { defaultValue: value });
    }
  };
}
