import { describe, expect, it } from 'vitest';
import { parsePolicy } from '@common/contract/policy';
import { parseDemoArgs } from '../../../demo/cli';
import { demoPolicy } from '../../../demo/policy';

describe('npm run demo arguments', () => {
  it('defaults to a Simplified Chinese desk, a temporary profile, any free port, and opening the browser', () => {
    expect(parseDemoArgs([], '/home/u')).toEqual({ open: true, language: 'zh-CN', dataDir: undefined, deskPort: 0, electron: false, help: false });
  });

  it('reads --no-open, --lang, --data (relative to where npm was run) and --port', () => {
    expect(parseDemoArgs(['--no-open', '--lang', 'en', '--data', 'demo-data', '--port', '5180'], '/home/u')).toEqual({
      open: false, language: 'en', dataDir: '/home/u/demo-data', deskPort: 5180, electron: false, help: false,
    });
  });

  it('refuses an unknown language, a bad port and unknown options with a message', () => {
    expect(() => parseDemoArgs(['--lang', 'fr'], '/')).toThrow('--lang must be one of zh-CN, zh-TW, en, got "fr"');
    expect(() => parseDemoArgs(['--port', '70000'], '/')).toThrow('--port must be an integer from 0 to 65535');
    expect(() => parseDemoArgs(['--colour'], '/')).toThrow(/--colour/);
  });
});

describe('the demo policy', () => {
  it('is a valid policy for the agent and for the colleague', () => {
    const input = { sipWsUrl: 'ws://127.0.0.1:5000', servicesUrl: 'http://127.0.0.1:5001', language: 'zh-CN' as const };
    const agent = parsePolicy(demoPolicy(input), 'demo');
    const colleague = parsePolicy(demoPolicy({ ...input, colleague: true }), 'demo');
    expect(agent).toMatchObject({ ok: true, policy: { ui: { language: 'zh-CN' }, sip: { uri: 'sip:8001@127.0.0.1' }, transcription: { provider: 'local' } } });
    expect(colleague).toMatchObject({ ok: true, policy: { sip: { uri: 'sip:8002@127.0.0.1' }, transcription: { provider: 'off' } } });
  });
});
