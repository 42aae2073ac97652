/**
 * The caller simulator's scripted customers: who calls (a demo CRM customer), what the IVR put on the
 * INVITE (the CTI headers screen pop reads), and what the customer says, in which voice. The speech is
 * bundled in assets/demo (`npm run demo:speech` renders it again after a text changes: English with
 * festival's US English voice, so the local English speech engine can transcribe it; Mandarin and
 * Cantonese with espeak-ng). Plain data: the page and Node both read it.
 */
export interface Scenario {
  id: string;
  label: string;
  /** The demo CRM customer (demo/crm/customers.ts). */
  customerId: string;
  displayName: string;
  /** CTI headers as the bank's IVR would send them (renderer/features/screenpop/cti.ts). */
  headers: string[];
  /** The voice that speaks `speech` (demo/caller/render-speech.ts): US English, Mandarin or Cantonese. */
  voice: SpeechVoice;
  /** What the customer says, one sentence per line (a pause between them). */
  speech: string[];
}

export const speechVoices = ['en', 'cmn', 'yue'] as const;
export type SpeechVoice = (typeof speechVoices)[number];

export const scenarios: Scenario[] = [
  {
    id: 'lost-card',
    label: 'Lost card / 信用卡丢失 (Li Ming, Gold VIP)',
    customerId: 'D1001',
    displayName: 'Li Ming',
    headers: ['X-Customer-Id: D1001', 'X-IVR-Path: main>cards>lost', 'X-Intent: lost card', 'X-Verified: true', 'X-VIP: Gold', 'X-Language: en'],
    voice: 'en',
    speech: ['hello', 'i lost my credit card at the train station', 'please block my card'],
  },
  {
    id: 'annual-fee',
    label: 'Annual fee complaint that turns angry / 年费投诉 (Chen Jianguo)',
    customerId: 'D1002',
    displayName: 'Chen Jianguo',
    headers: ['X-Customer-Id: D1002', 'X-IVR-Path: main>cards>fees', 'X-Intent: annual fee', 'X-Verified: true', 'X-Language: en'],
    voice: 'en',
    speech: ['why was i charged an annual fee on my credit card', 'you promised the fee would be waived', 'this is unacceptable i want to make a complaint'],
  },
  {
    id: 'elderly-balance',
    label: 'Elderly customer asks her balance / 老年客户查余额 (Zhang Xiuying, 82)',
    customerId: 'D1003',
    displayName: 'Zhang Xiuying',
    headers: ['X-Customer-Id: D1003', 'X-IVR-Path: main>accounts>balance', 'X-Intent: balance', 'X-Verified: true', 'X-Language: en'],
    voice: 'en',
    speech: ['hello can you hear me', 'i would like to know the balance of my account', 'please speak slowly'],
  },
  {
    id: 'card-number',
    label: 'Card number read out (recording pauses) / 报卡号 (Zhou Jie)',
    customerId: 'D1008',
    displayName: 'Zhou Jie',
    headers: ['X-Customer-Id: D1008', 'X-IVR-Path: main>cards>repayment', 'X-Intent: repayment', 'X-Verified: false', 'X-Language: en'],
    voice: 'en',
    speech: ['i want to check my minimum repayment', 'my card number is four five six two seven seven one two three four five six', 'thank you'],
  },
  {
    id: 'traditional-chinese',
    label: 'Traditional-Chinese speaker / 繁體中文客戶 (Lin Meiling)',
    customerId: 'D1005',
    displayName: 'Lin Meiling',
    headers: ['X-Customer-Id: D1005', 'X-IVR-Path: main>transfers>overseas', 'X-Intent: 跨境匯款', 'X-Verified: true', 'X-VIP: Gold', 'X-Language: zh-TW'],
    // From Taiwan: Mandarin, written in Traditional characters.
    voice: 'cmn',
    speech: ['你好，我想匯款到台灣。', '請問跨境匯款的手續費是多少？'],
  },
  {
    id: 'cantonese',
    label: 'Cantonese speaker from Hong Kong / 粵語客戶 (Leung Ka-ho)',
    customerId: 'D1017',
    displayName: 'Leung Ka-ho',
    headers: ['X-Customer-Id: D1017', 'X-IVR-Path: main>cards>limit', 'X-Intent: 臨時額度', 'X-Verified: true', 'X-VIP: Gold', 'X-Language: zh-TW'],
    voice: 'yue',
    speech: ['你好，我下個禮拜去日本旅行。', '我想申請提高臨時信用額度。'],
  },
];
