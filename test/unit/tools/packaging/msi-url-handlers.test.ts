import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addUrlHandlers, addUrlHandlersToProject, MSI_URL_SCHEMES } from '../../../../tools/packaging/msi-url-handlers';
import { DIAL_SCHEMES } from '@common/dial/number';

/** electron-builder's own MSI template, its template directives dropped: the shape the hook edits. */
function generatedProject(): string {
  const template = readFileSync(join(process.cwd(), 'node_modules/app-builder-lib/templates/msi/template.xml'), 'utf8');
  return template
    .replace(/\{\{-files\}\}/, '<Component><File Id="mainExecutable" Source="$(var.appDir)\\Lingxi.exe"/></Component>')
    .replace(/\{\{[^}]*\}\}/g, '')
    .replace(/\$\{[^}]*\}/g, 'x');
}

/** Whether every element opened is closed in order (enough to catch a component spliced into the wrong place). */
function balanced(xml: string): boolean {
  const stack: string[] = [];
  for (const [, closing, name, selfClosing] of xml.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>/g, '').matchAll(/<(\/?)([A-Za-z][\w:]*)[^>]*?(\/?)>/g)) {
    if (selfClosing) continue;
    if (!closing) stack.push(name as string);
    else if (stack.pop() !== name) return false;
  }
  return stack.length === 0;
}

describe('MSI URL handlers', () => {
  it('registers every click-to-dial scheme the app handles, inside the product’s components', () => {
    expect([...MSI_URL_SCHEMES]).toEqual([...DIAL_SCHEMES]);
    const wxs = addUrlHandlers(generatedProject(), 'Lingxi.exe');
    expect(balanced(wxs)).toBe(true);
    const group = wxs.slice(wxs.indexOf('<ComponentGroup Id="ProductComponents"'), wxs.indexOf('</ComponentGroup>'));
    expect(group).toContain('<Component Id="LingxiUrlHandlers"');
    for (const scheme of DIAL_SCHEMES) {
      expect(group).toContain(`Key="Software\\Classes\\Lingxi.Url.${scheme}\\shell\\open\\command" Type="string" Value="&quot;[APPLICATIONFOLDER]Lingxi.exe&quot; &quot;%1&quot;"`);
      expect(group).toContain(`Key="Software\\Classes\\Lingxi.Url.${scheme}" Name="URL Protocol" Type="string" Value=""`);
      expect(group).toContain(`Key="Software\\Lingxi\\Capabilities\\URLAssociations" Name="${scheme}" Type="string" Value="Lingxi.Url.${scheme}"`);
    }
    expect(group).toContain('Key="Software\\RegisteredApplications" Name="Lingxi" Type="string" Value="Software\\Lingxi\\Capabilities"');
    expect(group.match(/KeyPath="yes"/g)).toHaveLength(1);
  });

  it('matches what the NSIS installer writes, key for key', () => {
    const nsh = readFileSync(join(process.cwd(), 'assets/installer.nsh'), 'utf8');
    const wxs = addUrlHandlers(generatedProject(), 'Lingxi.exe');
    for (const [, key] of nsh.matchAll(/WriteRegStr HKLM "([^"]+)"/g)) {
      const expanded = (key as string).replace('${SCHEME}', 'tel');
      expect(wxs, expanded).toContain(`Key="${expanded}"`);
    }
  });

  it('edits the file once, and stops the build when electron-builder’s template changed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lingxi-msi-'));
    try {
      const file = join(dir, 'project.wxs');
      writeFileSync(file, generatedProject());
      await addUrlHandlersToProject(file);
      await addUrlHandlersToProject(file);
      expect(readFileSync(file, 'utf8').match(/Id="LingxiUrlHandlers"/g)).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(() => addUrlHandlers('<Wix><Product/></Wix>', 'Lingxi.exe')).toThrow(/MSI template changed/);
  });
});
