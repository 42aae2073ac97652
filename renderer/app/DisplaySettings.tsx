import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { densities, themes } from '@common/contract/policy';
import { createLogger } from '../platform/logger';
import { chooseDisplay, currentDisplay, type Display } from './display';
import { HeaderButton } from '../ui/HeaderButton';

const log = createLogger('display');

/** The header's "Display settings": theme (system, light, dark) and density (comfortable, compact). */
export function DisplaySettings() {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [display, setDisplay] = useState<Display>(currentDisplay);
  const titleId = useId();
  const change = (next: Display) => {
    setDisplay(next);
    chooseDisplay(next).catch((error: unknown) => log.error('display setting not saved', error));
  };
  const open = () => {
    setDisplay(currentDisplay());
    dialog.current?.showModal();
  };
  return (
    <>
      <HeaderButton icon="display" label={t('display.open')} aria-haspopup="dialog" onClick={open} />
      <dialog ref={dialog} className="display-settings" aria-labelledby={titleId}>
        <h2 id={titleId}>{t('display.title')}</h2>
        <ChoiceRow label={t('display.theme')} value={display.theme} options={themes} optionLabel={(v) => t(`display.themes.${v}`)} onChange={(theme) => change({ ...display, theme })} />
        <ChoiceRow label={t('display.density')} value={display.density} options={densities} optionLabel={(v) => t(`display.densities.${v}`)} onChange={(density) => change({ ...display, density })} />
        <form method="dialog" className="actions">
          <button type="submit">{t('display.close')}</button>
        </form>
      </dialog>
    </>
  );
}

/** One labelled choice of the dialog. */
function ChoiceRow<T extends string>({ label, value, options, optionLabel, onChange }: { label: string; value: T; options: readonly T[]; optionLabel(value: T): string; onChange(value: T): void }) {
  const id = useId();
  return (
    <p className="display-settings__row">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((option) => (
          <option key={option} value={option}>
            {optionLabel(option)}
          </option>
        ))}
      </select>
    </p>
  );
}
