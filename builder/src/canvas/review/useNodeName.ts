import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useCanvasContext } from '../CanvasContext.js';
import { localizedLabel } from '../localizedLabel.js';

/**
 * The name of a node type in the UI language from the catalogue; for a node id, the type of that node on the canvas
 * (or `fallbackType`, e.g. for a node only an old version has).
 */
export function useNodeTypeName(): (nodeId: string, fallbackType?: string) => string | undefined {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const { store, catalogue } = useCanvasContext();
  return useCallback(
    (nodeId: string, fallbackType?: string) => {
      const type = store.getState().nodes.find((node) => node.id === nodeId)?.data.node.type ?? fallbackType;
      if (!type) return undefined;
      return localizedLabel(catalogue.get(type)?.label, language, type);
    },
    [store, catalogue, language],
  );
}
