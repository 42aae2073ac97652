import { describe, expect, it } from 'vitest';
import { debugSwitchesIn, refuseDebugSwitches } from '@main/app/debug-switches';

function run(argv: string[], { isPackaged = true, platform = 'linux' as NodeJS.Platform, switches = [] as string[] } = {}) {
  const errors: string[] = [];
  const exits: number[] = [];
  const refused = refuseDebugSwitches({
    argv: ['/opt/Lingxi/lingxi', ...argv],
    platform,
    isPackaged,
    commandLine: { hasSwitch: (name) => switches.includes(name) },
    writeError: (text) => void errors.push(text),
    exit: (code) => void exits.push(code),
  });
  return { refused, errors, exits };
}

describe('refuseDebugSwitches', () => {
  it.each([
    ['--remote-debugging-port=9222'],
    ['--remote-debugging-port', '9222'],
    ['--remote-debugging-pipe'],
    ['-remote-debugging-port=0'],
    ['--inspect'],
    ['--inspect=0.0.0.0:9229'],
    ['--inspect-brk'],
  ])('exits with status 1 and says why for %s in a packaged build', (...argv) => {
    const { refused, errors, exits } = run(argv);
    expect(refused).toBe(true);
    expect(exits).toEqual([1]);
    expect(errors.join('')).toMatch(/^Lingxi: refusing to start with --(remote-debugging|inspect)[a-z-]*\..*Start Lingxi without it\.\n$/s);
  });

  it('accepts /switch and any case on Windows, as Chromium does', () => {
    expect(run(['/Remote-Debugging-Port=9222'], { platform: 'win32' }).exits).toEqual([1]);
    expect(debugSwitchesIn(['--REMOTE-DEBUGGING-PIPE', '/inspect'], 'win32')).toEqual(['remote-debugging-pipe', 'inspect']);
  });

  it('also trusts Chromium’s own parse of the command line', () => {
    const { exits, errors } = run([], { switches: ['remote-debugging-port'] });
    expect(exits).toEqual([1]);
    expect(errors.join('')).toContain('--remote-debugging-port');
  });

  it('starts normally without such a switch', () => {
    expect(run(['--policy=/etc/lingxi/policy.json', 'tel:+8613800000000', '--enable-logging'])).toEqual({ refused: false, errors: [], exits: [] });
  });

  it('lets development runs debug', () => {
    expect(run(['--remote-debugging-port=9222', '--inspect'], { isPackaged: false })).toEqual({ refused: false, errors: [], exits: [] });
  });
});
