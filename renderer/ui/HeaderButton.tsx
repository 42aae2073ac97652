import { forwardRef, type ButtonHTMLAttributes } from 'react';

/** The glyphs of the top bar's buttons (fonts-dejavu / the system UI fonts have them all). */
export const HEADER_ICONS = { shortcuts: '⌨', audio: '♫', display: '◐', diagnostics: '⇩' } as const;

interface HeaderButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children'> {
  icon: keyof typeof HEADER_ICONS;
  label: string;
}

/**
 * A top-bar button: glyph and label on a wide window; below 1440 px the label hides (ui/styles.css) and the
 * glyph stays, so the bar keeps to one row beside the CRM. The label stays the accessible name and the tooltip.
 */
export const HeaderButton = forwardRef<HTMLButtonElement, HeaderButtonProps>(function HeaderButton({ icon, label, ...rest }, ref) {
  return (
    <button ref={ref} type="button" aria-label={label} title={label} className="header-button" {...rest}>
      <span className="header-button__icon" aria-hidden="true">
        {HEADER_ICONS[icon]}
      </span>
      <span className="header-button__label">{label}</span>
    </button>
  );
});
