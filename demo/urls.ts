/**
 * The lines `npm run demo` prints, one per URL, and reading them back from its output: for the e2e spec
 * and `npm run demo:screenshot`, which start the demo as a newcomer would and wait for these lines.
 */
export interface PrintedDemoUrls {
  desk: string;
  colleague: string;
  lead: string;
  caller: string;
  sip: string;
  crm: string;
  knowledge: string;
  recordings: string;
}

/** Each URL's label, in the order printed. */
export const DEMO_URL_LABELS: Record<keyof PrintedDemoUrls, string> = {
  desk: 'desk (agent 8001)',
  colleague: 'colleague (8002)',
  lead: 'team lead (8003)',
  caller: 'caller simulator',
  sip: 'SIP over WebSocket',
  crm: 'demo CRM',
  knowledge: 'knowledge sync',
  recordings: 'recordings received',
};

/** One printed line: the label, padded so the URLs line up. */
export const demoUrlLine = (key: keyof PrintedDemoUrls, url: string): string => `  ${`${DEMO_URL_LABELS[key]}:`.padEnd(23)}${url}`;

/** The URLs once every line has been printed, else undefined. */
export function readDemoUrls(output: string): PrintedDemoUrls | undefined {
  const found: Partial<PrintedDemoUrls> = {};
  for (const [key, label] of Object.entries(DEMO_URL_LABELS) as [keyof PrintedDemoUrls, string][]) {
    const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const url = new RegExp(`^\\s+${escaped}:\\s+(\\S+)`, 'm').exec(output)?.[1];
    if (url === undefined) return undefined;
    found[key] = url;
  }
  return found as PrintedDemoUrls;
}
