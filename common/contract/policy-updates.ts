/** Policy section for updates IT controls (main/features/updates, renderer/features/updates). Pure zod. */
import { z } from 'zod';
import { serviceUrl } from './policy-urls';

const clock = /^([01]\d|2[0-3]):[0-5]\d$/;

/** "HH:MM-HH:MM" in local time; the end may be before the start (the window then crosses midnight). */
export const installWindowSchema = z
  .string()
  .refine((value) => {
    const [start, end, ...rest] = value.split('-');
    return rest.length === 0 && start !== undefined && end !== undefined && clock.test(start) && clock.test(end) && start !== end;
  }, 'must be two different local times "HH:MM-HH:MM", e.g. "02:00-05:00" (the end may be past midnight: "22:00-02:00")');

export const updateChannels = ['stable', 'pilot'] as const;
export type UpdateChannel = (typeof updateChannels)[number];

/**
 * Updates and the kill switch. Lingxi reads `<url>/latest*.yml` (stable) or `<url>/pilot*.yml` (pilot), as
 * electron-builder writes them, and `<url>/lingxi-control.json` (blocked versions, minimum version).
 */
export const updatesPolicySchema = z
  .strictObject({
    /** false: Lingxi never contacts the update server (no update, no kill switch). */
    enabled: z.boolean().default(false),
    /** The bank's own update server (electron-builder's generic provider): the folder holding latest.yml. */
    url: serviceUrl.optional(),
    /** stable: every desk; pilot: IT's pilot group (its metadata is pilot.yml, pilot-mac.yml, pilot-linux.yml). */
    channel: z.enum(updateChannels).default('stable'),
    /** How often the update metadata and the kill switch file are read again. */
    checkMinutes: z.number().int().min(1).max(1440).default(30),
    /** When a downloaded update installs (local time), unless the app quits first; never during a call or wrap-up. */
    installWindow: installWindowSchema.default('02:00-05:00'),
    /**
     * lingxi: Lingxi downloads and installs updates itself. it: IT's software distribution (MSI via GPO, SCCM or
     * Intune, Jamf, deb/rpm via the fleet tool) installs them; Lingxi only applies the kill switch and shows the banner.
     */
    managedBy: z.enum(['lingxi', 'it']).default('lingxi'),
  })
  .refine((updates) => !updates.enabled || updates.url !== undefined, { path: ['url'], message: 'is required when updates.enabled is true' })
  .prefault({});

export type UpdatesPolicy = z.infer<typeof updatesPolicySchema>;
