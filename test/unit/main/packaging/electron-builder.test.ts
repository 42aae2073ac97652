import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const config = readFileSync(new URL('../../../../electron-builder.yml', import.meta.url), 'utf8');

/** The `key: value` lines of one top-level block, comments dropped (enough YAML for a flat block). */
function block(name: string): Record<string, string> {
  const lines = config.split('\n');
  const start = lines.indexOf(`${name}:`);
  if (start < 0) return {};
  const entries: Record<string, string> = {};
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break;
    const match = /^\s+(\w+):\s*([^#\s]+)/.exec(line);
    if (match?.[1] && match[2]) entries[match[1]] = match[2];
  }
  return entries;
}

describe('electron-builder.yml', () => {
  it('sets every fuse explicitly to the hardened value', () => {
    expect(block('electronFuses')).toEqual({
      runAsNode: 'false',
      enableCookieEncryption: 'true',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
      loadBrowserProcessSpecificV8Snapshot: 'false',
      grantFileProtocolExtraPrivileges: 'false',
    });
  });

  it('installs on Windows per machine into a folder only administrators can write', () => {
    // A per-user install lands in %LOCALAPPDATA%, where anything running as the agent can replace the app.
    expect(block('nsis')).toMatchObject({
      oneClick: 'false',
      perMachine: 'true',
      allowElevation: 'true',
      allowToChangeInstallationDirectory: 'false',
    });
  });

  it('names the app and ships only the bundles', () => {
    expect(config).toMatch(/^appId: com\.lingxi\.desktop$/m);
    expect(config).toMatch(/^productName: Lingxi$/m);
    // The three bundles by name: anything else a local run leaves in out/ (the demo's speech) never ships.
    expect(config).toMatch(/^files:\n {2}- out\/main\/\*\*\n {2}- out\/preload\/\*\*\n {2}- out\/renderer\/\*\*\n {2}- package\.json\n {2}# .*\n {2}- assets\/knowledge\/sample-kb\.json\n/m);
  });
});
