import { useTranslation } from 'react-i18next';
import type { ChatChoice } from '../api/types.js';

interface ChoiceButtonsProps {
  choices: ChatChoice[];
  disabled: boolean;
  onChoose: (choiceId: string) => void;
}

/** The answers the bot offers, as buttons; picking one sends its id as `choice`. */
export function ChoiceButtons({ choices, disabled, onChoose }: ChoiceButtonsProps) {
  const { t } = useTranslation();
  if (choices.length === 0) return null;
  return (
    <div className="chat-choices" role="group" aria-label={t('chat.choicesLabel')}>
      {choices.map((choice) => (
        <button key={choice.id} type="button" className="button button-choice" disabled={disabled} onClick={() => onChoose(choice.id)}>
          {choice.label}
        </button>
      ))}
    </div>
  );
}
