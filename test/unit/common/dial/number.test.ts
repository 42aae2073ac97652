import { describe, expect, it } from 'vitest';
import { isDialLink, MAX_DIAL_INPUT, parseDialInput } from '@common/dial/number';

/** Inputs as they reach a bank's contact centre: CRM fields, e-mails, chat, web pages, the core system's exports. */
const dialled: Array<[input: string, number: string, kind: 'national' | 'international', extension?: string]> = [
  ['138 0013 8000', '13800138000', 'national'],
  ['138-0013-8000', '13800138000', 'national'],
  ['13800138000', '13800138000', 'national'],
  ['010-8888 8888', '01088888888', 'national'],
  ['(010) 8888-8888', '01088888888', 'national'],
  ['0755.8888.8888', '075588888888', 'national'],
  ['95588', '95588', 'national'],
  ['400-820-8820', '4008208820', 'national'],
  ['800 820 8820', '8008208820', 'national'],
  ['+86 138 0013 8000', '13800138000', 'national'],
  ['+86-138-0013-8000', '13800138000', 'national'],
  ['0086 138 0013 8000', '13800138000', 'national'],
  ['8613800138000', '13800138000', 'national'],
  ['+86 10 8888 8888', '01088888888', 'national'],
  ['+86 (0)10 8888 8888', '01088888888', 'national'],
  ['+86 400 820 8820', '4008208820', 'national'],
  ['+86 95588', '95588', 'national'],
  ['１３８ ００１３ ８０００', '13800138000', 'national'],
  ['＋８６ １３８－００１３－８０００', '13800138000', 'national'],
  ['（０１０）８８８８８８８８', '01088888888', 'national'],
  ['138\u30000013\u30008000', '13800138000', 'national'],
  ['tel:+86-10-8888-8888;ext=12', '01088888888', 'national', '12'],
  ['tel:+8613800138000', '13800138000', 'national'],
  ['tel:%2B86%20138%200013%208000', '13800138000', 'national'],
  ['TEL:95588', '95588', 'national'],
  ['tel:8888-8888;phone-context=+86-10', '01088888888', 'national'],
  ['tel:8001;phone-context=pbx.bank.example', '8001', 'national'],
  ['sip:8001@pbx.bank.example', '8001', 'national'],
  ['sips:13800138000@sbc.bank.example;user=phone', '13800138000', 'national'],
  ['sip:+8613800138000@pbx.bank.example', '13800138000', 'national'],
  ['callto:+8613800138000', '13800138000', 'national'],
  ['callto://010-88888888', '01088888888', 'national'],
  ['010-88888888转123', '01088888888', 'national', '123'],
  ['010-88888888 轉 123', '01088888888', 'national', '123'],
  ['010-88888888 ext. 123', '01088888888', 'national', '123'],
  ['010-88888888 x123', '01088888888', 'national', '123'],
  ['01088888888,123', '01088888888', 'national', '123'],
  ['01088888888p123', '01088888888', 'national', '123'],
  ['01088888888w123#', '01088888888', 'national', '123#'],
  ['  8001  ', '8001', 'national'],
  ['+852 2345 6789', '+85223456789', 'international'],
  ['00852 2345 6789', '+85223456789', 'international'],
  ['+1 (415) 555-2671', '+14155552671', 'international'],
  ['tel:+1-415-555-2671;ext=7', '+14155552671', 'international', '7'],
];

const refused: Array<[input: string, problem: string]> = [
  ['', 'empty'],
  ['   ', 'empty'],
  ['tel:', 'empty'],
  ['hello', 'not-a-number'],
  ['请拨打客服', 'not-a-number'],
  ['138-0013-800O', 'not-a-number'],
  ['6222 0212 3456 7890 123; DROP TABLE', 'not-a-number'],
  ['sip:alice@pbx.bank.example', 'sip-name'],
  ['https://bank.example/?n=95588', 'unsupported-link'],
  ['javascript:alert(1)', 'unsupported-link'],
  ['12', 'too-short'],
  ['+86 1', 'too-short'],
  ['1234567890123456', 'too-long'],
  ['tel:+86-10-8888-8888;ext=abc', 'not-a-number'],
  ['010-88888888转abc', 'not-a-number'],
  ['9'.repeat(MAX_DIAL_INPUT + 1), 'too-long'],
];

describe('parseDialInput', () => {
  it.each(dialled)('dials %j as %s', (input, number, kind, extension) => {
    const parsed = parseDialInput(input);
    expect(parsed).toEqual({ ok: true, number, kind, ...(extension ? { extension } : {}) });
  });

  it.each(refused)('refuses %j: %s', (input, problem) => {
    expect(parseDialInput(input)).toEqual({ ok: false, problem });
  });
});

describe('isDialLink', () => {
  it('picks the click-to-dial link out of a command line', () => {
    const argv = ['C:\\Program Files\\Lingxi\\Lingxi.exe', '--allow-file-access-from-files', 'tel:+8613800138000'];
    expect(argv.filter(isDialLink)).toEqual(['tel:+8613800138000']);
    expect(['SIP:8001@pbx', 'callto:95588', 'sips:8001@pbx'].every(isDialLink)).toBe(true);
    expect(['https://bank.example', 'lingxi://app/', '13800138000', '--tel:1'].some(isDialLink)).toBe(false);
  });
});
