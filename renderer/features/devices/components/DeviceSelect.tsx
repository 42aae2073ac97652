import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../../platform/store';
import { defaultDevice, isPseudoDevice, isSpecific, type DeviceRole } from '../device-matching';
import { getDeviceManager } from '../devices-service';
import { canChooseOutput } from '../../../platform/audio-sinks';

/** One role's device picker ("Microphone", "Speaker", "Ringer"), saying when the saved device is missing. */
export function DeviceSelect({ role }: { role: DeviceRole }) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = useId();
  const devices = useAppStore((s) => (role === 'microphone' ? s.audioInputs : s.audioOutputs));
  const choice = useAppStore((s) => s.deviceChoices[role]);
  const match = useAppStore((s) => s.deviceMatches[role]);
  const real = devices.filter((d) => d.deviceId !== '' && !isPseudoDevice(d.deviceId));
  const fallbackLabel = defaultDevice(devices)?.label ?? '';
  const value = isSpecific(match) && match.device ? match.device.deviceId : '';
  // Without permission the saved device is not listed; show it so the select does not lie.
  const assumed = match.how === 'unverified' && match.device && !real.some((d) => d.deviceId === match.device?.deviceId) ? match.device : null;
  const outputUnsupported = role !== 'microphone' && !canChooseOutput();
  const locked = useAppStore((s) => s.lockedDeviceRoles.includes(role));
  const hint = locked
    ? t('devices.lockedByPolicy')
    : match.how === 'fallback' && choice
      ? t('devices.fallback', { label: choice.label || t('devices.unknownDevice') })
      : outputUnsupported
        ? t('devices.noOutputChoice')
        : null;

  const onChange = (deviceId: string) => {
    const device = real.find((d) => d.deviceId === deviceId) ?? (assumed?.deviceId === deviceId ? assumed : null);
    void getDeviceManager()?.choose(role, device);
  };

  return (
    <div className="device-select">
      <label htmlFor={id}>{t(`devices.${role}`)}</label>
      <select
        id={id}
        value={value}
        disabled={outputUnsupported || locked}
        aria-describedby={hint ? hintId : undefined}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">{fallbackLabel ? t('devices.systemDefaultNamed', { label: fallbackLabel }) : t('devices.systemDefault')}</option>
        {real.map((device, index) => (
          <option key={device.deviceId} value={device.deviceId}>
            {device.label || t('devices.unnamed', { n: index + 1 })}
          </option>
        ))}
        {assumed && <option value={assumed.deviceId}>{assumed.label || t('devices.unknownDevice')}</option>}
      </select>
      {hint && (
        <p id={hintId} className="device-select__hint">
          {hint}
        </p>
      )}
    </div>
  );
}
