/**
 * The demo CRM's customers: 20 invented customers of a fictional Chinese bank (VIP tiers, elderly
 * customers, risk grades, dialects, Traditional-Chinese speakers). Every name, id and number is made up;
 * identity and card numbers are masked by Lingxi's CRM mapping before they reach the card.
 * The record shape is a "bank CRM" shape, mapped by `demoCrmMapping` as IT would in the policy.
 */
export interface DemoCustomer {
  custNo: string;
  fullName: string;
  certNo: string;
  vipLevel?: string;
  prefLang?: string;
  dialect?: string;
  segments: string[];
  riskGrade: number;
  dob: string;
  mobiles: string[];
  cards: { cardType: string; productName: string; cardNo: string }[];
  contacts: { time: string; channel: string; note: string }[];
  tickets: { ticketNo: string; subject: string; state: string; created: string }[];
}

/** How the demo policy maps these records onto Lingxi's profile (the `crm.mapping` section). */
export const demoCrmMapping = {
  matches: 'data.records',
  id: 'custNo',
  name: 'fullName',
  idNumber: 'certNo',
  vipTier: 'vipLevel',
  language: 'prefLang',
  dialect: 'dialect',
  tags: 'segments',
  riskLevel: 'riskGrade',
  birthDate: 'dob',
  phones: 'mobiles',
  products: { path: 'cards', type: 'cardType', name: 'productName', number: 'cardNo' },
  interactions: { path: 'contacts', at: 'time', channel: 'channel', summary: 'note' },
  complaints: { path: 'tickets', id: 'ticketNo', title: 'subject', status: 'state', openedAt: 'created' },
} as const;

type Row = [custNo: string, name: string, dob: string, vip: string | undefined, lang: string, dialect: string | undefined, risk: number, segments: string[], product: string, note: string, ticket?: string];

// One row a customer: id, name, birth date, VIP tier, language, dialect, risk grade (1–5), segments, main card, last contact, open complaint.
const rows: Row[] = [
  ['D1001', '李明 Li Ming', '1986-03-14', 'Gold', 'en', undefined, 2, ['Frequent traveller'], 'Platinum Credit Card', 'Asked about overseas card use'],
  ['D1002', '陈建国 Chen Jianguo', '1979-08-02', undefined, 'zh-CN', undefined, 3, ['Salary account'], 'Standard Credit Card', 'Asked why the annual fee was charged', 'Annual fee charged although waiver promised'],
  ['D1003', '张秀英 Zhang Xiuying', '1944-11-20', undefined, 'zh-CN', 'wuu', 1, ['Pensioner', 'Elderly care'], 'Pension Debit Card', 'Asked for her balance at the branch'],
  ['D1004', '王志强 Wang Zhiqiang', '1990-05-27', 'Silver', 'zh-CN', undefined, 2, ['Young professional'], 'Cashback Credit Card', 'Raised credit limit'],
  ['D1005', '林美玲 Lin Meiling', '1983-09-09', 'Gold', 'zh-TW', 'nan', 2, ['Cross-strait business'], 'Platinum Credit Card', '詢問跨境匯款手續費'],
  ['D1006', '黄伟 Huang Wei', '1975-01-30', 'Diamond', 'zh-CN', 'yue', 4, ['Private banking', 'High net worth'], 'Infinite Credit Card', 'Wealth review booked'],
  ['D1007', '刘淑芬 Liu Shufen', '1950-06-18', undefined, 'zh-CN', 'cmn-sichuan', 1, ['Pensioner'], 'Pension Debit Card', 'Reported a suspicious text message'],
  ['D1008', '周杰 Zhou Jie', '1995-12-03', undefined, 'en', undefined, 3, ['Student'], 'Campus Credit Card', 'Asked about the minimum repayment'],
  ['D1009', '吴丽华 Wu Lihua', '1968-04-22', 'Gold', 'zh-CN', 'wuu', 2, ['Mortgage'], 'Gold Credit Card', 'Mortgage rate question'],
  ['D1010', '郑浩 Zheng Hao', '1988-07-11', undefined, 'zh-CN', undefined, 5, ['Collections watch'], 'Standard Credit Card', 'Promised to repay by month end', 'Disputed late-payment fee'],
  ['D1011', '孙桂兰 Sun Guilan', '1939-02-14', 'Silver', 'zh-CN', 'cmn-dongbei', 1, ['Pensioner', 'Elderly care'], 'Pension Debit Card', 'Daughter holds power of attorney'],
  ['D1012', '何嘉欣 Ho Ka-yan', '1992-10-05', undefined, 'zh-TW', 'yue', 2, ['Hong Kong resident'], 'Dual-currency Credit Card', '查詢港幣賬戶'],
  ['D1013', '马军 Ma Jun', '1981-03-03', 'Gold', 'zh-CN', undefined, 3, ['Small business owner'], 'Business Credit Card', 'Asked for a POS terminal'],
  ['D1014', '朱晓燕 Zhu Xiaoyan', '1997-08-19', undefined, 'en', undefined, 2, ['Student', 'Overseas study'], 'Travel Debit Card', 'Card blocked abroad, unblocked'],
  ['D1015', '高振华 Gao Zhenhua', '1957-12-25', 'Diamond', 'zh-CN', 'cmn-shandong', 2, ['Private banking', 'Pensioner'], 'Infinite Credit Card', 'Asked about large-sum transfer limits'],
  ['D1016', '罗静 Luo Jing', '1985-05-08', undefined, 'zh-CN', 'hak', 3, ['Salary account'], 'Standard Credit Card', 'Instalment plan set up'],
  ['D1017', '梁家豪 Leung Ka-ho', '1978-09-30', 'Gold', 'zh-TW', 'yue', 2, ['Hong Kong resident', 'Frequent traveller'], 'Platinum Credit Card', '申請提高臨時額度'],
  ['D1018', '宋玉梅 Song Yumei', '1947-07-07', undefined, 'zh-CN', 'wuu', 1, ['Pensioner', 'Elderly care'], 'Pension Debit Card', 'Forgot her PIN, referred to branch'],
  ['D1019', '谢宇 Xie Yu', '1993-02-28', 'Silver', 'en', undefined, 4, ['Crypto-related transfers flagged'], 'Cashback Credit Card', 'Large transfers reviewed', 'Card frozen without notice'],
  ['D1020', '韩磊 Han Lei', '1972-11-11', undefined, 'zh-CN', undefined, 2, ['Mortgage', 'Salary account'], 'Gold Credit Card', 'Updated his address'],
];

/** The demo customers, with made-up id, mobile and card numbers derived from the row. */
export const demoCustomers: DemoCustomer[] = rows.map(([custNo, fullName, dob, vipLevel, prefLang, dialect, riskGrade, segments, productName, note, ticket], i) => {
  const n = String(i + 1).padStart(2, '0');
  return {
    custNo,
    fullName,
    certNo: `110101${dob.replace(/-/g, '')}0${n}X`,
    ...(vipLevel ? { vipLevel } : {}),
    prefLang,
    ...(dialect ? { dialect } : {}),
    segments,
    riskGrade,
    dob,
    mobiles: [`139000000${n}`],
    cards: [{ cardType: /Debit/.test(productName) ? 'debit' : 'credit', productName, cardNo: `62220200000000${n}` }],
    contacts: [{ time: `2026-11-${n}T09:30:00Z`, channel: i % 2 ? 'Phone' : 'App chat', note }],
    tickets: ticket ? [{ ticketNo: `T-${300 + i}`, subject: ticket, state: 'open', created: '2026-11-30' }] : [],
  };
});
