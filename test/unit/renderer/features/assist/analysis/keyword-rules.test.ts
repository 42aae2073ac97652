import { describe, expect, it } from 'vitest';
import { KeywordRules, KeywordWatcher } from '@renderer/features/assist/analysis/keyword-rules';
import { defaultPolicy, final, partial } from './fixtures';

const rules = new KeywordRules(defaultPolicy().keywords.rules);
const alerts = (text: string) => rules.match('customer', text).map((m) => `${m.ruleId}:${m.text}`);
const warnings = (text: string) => rules.match('agent', text).map((m) => `${m.ruleId}:${m.text}`);

describe('default keyword rules', () => {
  it('alert on sensitive words from the customer in English', () => {
    expect(alerts('I want to make a complaint')).toEqual(['customer-sensitive:complaint']);
    expect(alerts('I will report this to the Financial Ombudsman')).toEqual(['customer-sensitive:Ombudsman']);
    expect(alerts('My lawyer will hear about this')).toEqual(['customer-sensitive:lawyer']);
    expect(alerts("I'm going to the media with this")).toEqual(['customer-sensitive:media']);
  });

  it('alert on sensitive words in Simplified and Traditional Chinese', () => {
    expect(alerts('我要投诉你们')).toEqual(['customer-sensitive:投诉']);
    expect(alerts('我要投訴你們')).toEqual(['customer-sensitive:投訴']);
    expect(alerts('我要打12378找银保监')).toEqual(['customer-sensitive:12378']);
    expect(alerts('我會找媒體曝光')).toEqual(['customer-sensitive:媒體']);
    expect(alerts('再不處理我就請律師起訴')).toEqual(['customer-sensitive:律師']);
  });

  it('do not alert under a negation, but still alert on a later phrase that is not negated', () => {
    expect(alerts('This is not a complaint, just a question')).toEqual([]);
    expect(alerts('我不是要投诉，就是问一下')).toEqual([]);
    expect(alerts("I don't want to complain, but I will call the regulator")).toEqual(['customer-sensitive:regulator']);
    expect(alerts('不然我就投訴')).toEqual(['customer-sensitive:投訴']);
  });

  it('warn on forbidden agent phrases, only from the agent', () => {
    expect(warnings('Sir, please calm down')).toEqual(['agent-forbidden:calm down']);
    expect(warnings("Well that's not my problem")).toEqual(["agent-forbidden:that's not my problem"]);
    expect(warnings('这个不归我管')).toEqual(['agent-forbidden:不归我管']);
    expect(warnings('這個不歸我管，你自己看')).toEqual(['agent-forbidden:不歸我管']);
    expect(warnings('我也沒辦法')).toEqual(['agent-forbidden:沒辦法']);
    expect(alerts('calm down')).toEqual([]);
    expect(warnings('I want to complain')).toEqual([]);
  });

  it('report the span of the spoken words for highlighting', () => {
    const [match] = rules.match('customer', 'Honestly, I’ll SUE the bank');
    expect(match).toMatchObject({ ruleId: 'customer-sensitive', kind: 'alert', phrase: 'sue', start: 15, end: 18, text: 'SUE' });
    expect(match?.label.en).toBe('Complaint or escalation risk');
  });

  it('fire one match per rule per utterance however many phrases it says', () => {
    expect(alerts('complaint complaint, 投诉, I will sue and call my lawyer')).toEqual(['customer-sensitive:complaint']);
  });

  it('lists phrases per leg for the recogniser’s keyword list', () => {
    expect(rules.phrasesFor('customer')).toContain('银保监');
    expect(rules.phrasesFor('customer')).not.toContain('calm down');
    expect(rules.phrasesFor('agent')).toContain('calm down');
  });
});

describe('KeywordWatcher', () => {
  it('fires a rule once across the partials and final of one utterance, again in the next utterance', () => {
    const watcher = new KeywordWatcher(defaultPolicy().keywords.rules);
    expect(watcher.feed(partial('customer', 'I want to', 0, 500)).fired).toEqual([]);
    expect(watcher.feed(partial('customer', 'I want to complain', 0, 900)).fired.map((m) => m.ruleId)).toEqual(['customer-sensitive']);
    const again = watcher.feed(partial('customer', 'I want to complain about', 0, 1200));
    expect(again.fired).toEqual([]);
    expect(again.matches.map((m) => m.text)).toEqual(['complain']);
    expect(watcher.feed(final('customer', 'I want to complain about the fees', 0, 1500)).fired).toEqual([]);
    expect(watcher.feed(final('customer', 'This is a formal complaint', 2000, 3000)).fired).toHaveLength(1);
  });

  it('confirms a rule fired from a partial when the final says it, withdraws it when the final does not', () => {
    const watcher = new KeywordWatcher(defaultPolicy().keywords.rules);
    watcher.feed(partial('customer', 'to the regulator', 0, 900));
    const misheard = watcher.feed(final('customer', 'i have', 0, 1200));
    expect([misheard.confirmed, misheard.withdrawn.map((m) => m.text), misheard.fired]).toEqual([[], ['regulator'], []]);
    watcher.feed(partial('customer', 'i will call the regulator', 2000, 2900));
    const meant = watcher.feed(final('customer', 'i will call the regulator today', 2000, 3200));
    expect([meant.confirmed.map((m) => m.text), meant.withdrawn, meant.fired]).toEqual([['regulator'], [], []]);
    // A rule the final alone says fires from the final: nothing provisional to settle.
    const direct = watcher.feed(final('customer', 'this is a complaint', 4000, 5000));
    expect([direct.fired.map((m) => m.text), direct.confirmed, direct.withdrawn]).toEqual([['complaint'], [], []]);
  });

  it('keeps legs apart: an agent utterance does not close the customer’s', () => {
    const watcher = new KeywordWatcher(defaultPolicy().keywords.rules);
    watcher.feed(partial('customer', '我要投诉', 0, 800));
    expect(watcher.feed(final('agent', '您先别急', 200, 900)).fired).toEqual([]);
    expect(watcher.feed(final('customer', '我要投诉你们', 0, 1200)).fired).toEqual([]);
  });

  it('uses rules IT writes in the policy', () => {
    const policy = defaultPolicy({
      keywords: { rules: [{ id: 'fraud', leg: 'both', kind: 'warning', phrases: ['safe account', '安全账户'], label: { en: 'Possible scam' } }] },
    });
    const watcher = new KeywordWatcher(policy.keywords.rules);
    expect(watcher.feed(final('agent', 'move it to a safe account', 0, 1000)).fired[0]?.ruleId).toBe('fraud');
    // Traditional 帳戶 folds to 帐户 and the variant 帐 to 账, as search does.
    expect(watcher.feed(final('customer', '他让我转到安全帳戶', 0, 1000)).fired[0]?.ruleId).toBe('fraud');
    expect(watcher.feed(final('customer', '他让我转到安全的地方', 0, 1000)).fired).toEqual([]);
  });

  it('rejects an event it cannot place in time, naming the field', () => {
    const watcher = new KeywordWatcher([]);
    expect(() => watcher.feed(final('customer', 'x', 10, 5))).toThrow(/endMs \(5\) is before startMs \(10\)/);
    expect(() => watcher.feed({ ...final('customer', 'x', 0, 1), startMs: Number.NaN })).toThrow(/finite/);
  });
});
