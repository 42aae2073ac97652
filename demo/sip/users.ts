/**
 * Who may register with the demo's SIP server: the fixture users 1001–1010 and 2001 (same passwords as the
 * test bed's Kamailio, so the e2e specs run unchanged), the demo agent 8001, the colleague 8002, the team
 * lead 8003 and the caller simulator 9001.
 */
const fixtureUsers = ['1001', '1002', '1003', '1004', '1005', '1006', '1007', '1008', '1009', '1010', '2001'];

export const demoSipUsers: Readonly<Record<string, string>> = Object.fromEntries([
  ...fixtureUsers.map((user) => [user, `pass${user}`]),
  ['8001', 'demo8001'],
  ['8002', 'demo8002'],
  ['8003', 'demo8003'],
  ['9001', 'demo9001'],
]);
