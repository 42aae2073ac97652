/**
 * The demo CRM: `GET /customers?id=<custNo>` or `?phone=<mobile>` answers `{ data: { records: [...] } }`
 * from customers.ts, as the bank's CRM would (the demo policy's crm.profileUrl points here). Loopback only.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { demoCustomers } from './customers';

const CORS = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'Authorization, Accept, X-Channel' };

/** Handles one request to the demo CRM; false when the path is not the CRM's. */
export function handleCrm(req: IncomingMessage, res: ServerResponse, url: URL): boolean {
  if (url.pathname !== '/crm/customers') return false;
  if (req.method === 'OPTIONS') {
    res.writeHead(204, CORS).end();
    return true;
  }
  const id = url.searchParams.get('id') ?? '';
  const phone = url.searchParams.get('phone') ?? '';
  const records = demoCustomers.filter((c) => (id ? c.custNo === id : c.mobiles.includes(phone)));
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', ...CORS }).end(JSON.stringify({ data: { records } }));
  return true;
}
