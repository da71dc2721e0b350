import 'i18next';
import type en from './en.json' with { type: 'json' };
import type inspectorEn from '../inspector/texts/en.json' with { type: 'json' };
import type canvasEditEn from '../canvas/editing/texts/en.json' with { type: 'json' };
import type testRunEn from '../canvas/testRun/texts/en.json' with { type: 'json' };
import type reviewEn from '../canvas/review/texts/en.json' with { type: 'json' };
import type flowActionsEn from '../flowList/texts/en.json' with { type: 'json' };
import type variablesEn from '../canvas/variables/texts/en.json' with { type: 'json' };

/** Makes `t('…')` keys type-checked against the English resources. */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: {
      translation: typeof en;
      inspector: typeof inspectorEn;
      canvasEdit: typeof canvasEditEn;
      testRun: typeof testRunEn;
      review: typeof reviewEn;
      flowActions: typeof flowActionsEn;
      variables: typeof variablesEn;
    };
  }
}
