import inspectorDe from '../inspector/texts/de.json' with { type: 'json' };
import inspectorEn from '../inspector/texts/en.json' with { type: 'json' };
import canvasEditDe from '../canvas/editing/texts/de.json' with { type: 'json' };
import canvasEditEn from '../canvas/editing/texts/en.json' with { type: 'json' };
import testRunDe from '../canvas/testRun/texts/de.json' with { type: 'json' };
import testRunEn from '../canvas/testRun/texts/en.json' with { type: 'json' };
import reviewDe from '../canvas/review/texts/de.json' with { type: 'json' };
import reviewEn from '../canvas/review/texts/en.json' with { type: 'json' };
import variablesDe from '../canvas/variables/texts/de.json' with { type: 'json' };
import variablesEn from '../canvas/variables/texts/en.json' with { type: 'json' };
import flowActionsDe from '../flowList/texts/de.json' with { type: 'json' };
import flowActionsEn from '../flowList/texts/en.json' with { type: 'json' };

/**
 * Feature namespaces beside the app's `translation` namespace: each feature keeps its texts next to its code and uses
 * them as `t('<namespace>:<key>')`. The resources test checks every namespace the same way.
 */
export const featureNamespaces = {
  inspector: { de: inspectorDe, en: inspectorEn, folder: 'inspector' },
  canvasEdit: { de: canvasEditDe, en: canvasEditEn, folder: 'canvas/editing' },
  testRun: { de: testRunDe, en: testRunEn, folder: 'canvas/testRun' },
  review: { de: reviewDe, en: reviewEn, folder: 'canvas/review' },
  flowActions: { de: flowActionsDe, en: flowActionsEn, folder: 'flowList' },
  variables: { de: variablesDe, en: variablesEn, folder: 'canvas/variables' },
} as const;

export type FeatureNamespace = keyof typeof featureNamespaces;
