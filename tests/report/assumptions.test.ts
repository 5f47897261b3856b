/** The Assumptions section lists the settings fixed for every trial beside the drawn inputs. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assumptionsSection } from '../../src/report/sections/assumptions.js';
import { fixtureResult } from '../charts/fixture.js';
import { modelOf } from '../helpers/model.js';

const B2B = readFileSync(join(import.meta.dirname, '../../scenarios/b2b-saas.yaml'), 'utf8');

/** The section's visible text, one table row or block summary per line. */
function text(html: string): string {
  return html
    .replace(/<svg.*?<\/svg>/gs, '')
    .replace(/<br>/g, ' | ')
    .replace(/<\/td>/g, ' ')
    .replace(/<\/(tr|summary)>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&#39;|&rsquo;|’/g, "'");
}

describe('Assumptions section', () => {
  const model = modelOf(B2B);
  const shown = text(assumptionsSection.render({ model, result: fixtureResult(), charts: [] }));

  it('gives deal sizes, market mixes, lags, ramps, hires and backfill of the scenario', () => {
    expect(shown).toContain(
      'SMB · deal size | markets.smb.deal_size lognormal, median 14,000, P90 36,000',
    );
    expect(shown).toContain(
      'Paid search · market mix | channels.paid_search.mix 85% SMB, 15% Enterprise',
    );
    expect(shown).toMatch(
      /MQL · lag \| funnel\.mql\.lag 0 months 70%, 1 month 30%; mean 0\.3 months/,
    );
    expect(shown).toContain(
      'AE · ramp | team.ae.ramp 20%, 45%, 70%, 90% of full capacity in months 1–4',
    );
    expect(shown).toContain('AE · hires | team.ae.hires 2 in 2027-03, 1 in 2027-07');
    expect(shown).toContain('AE · backfill | team.ae.backfill each leaver replaced after 2 months');
    expect(shown).toContain(
      'repeat.deal size | customers.repeat.deal_size lognormal, median 6,000',
    );
    expect(shown).toMatch(/Team — 10 inputs, 3 uncertain, and 6 fixed settings/);
  });

  it('gives the opening pipeline by stage, with the counts of the scenario', () => {
    const count = (stage: string) =>
      model.pipeline
        .filter((e) => model.stages[e.stage]!.id === stage)
        .reduce((a, e) => a + e.count, 0);
    expect(shown).toContain(
      `Opening pipeline — ${count('lead') + count('sql') + count('opportunity')} items in flight`,
    );
    expect(shown).toContain(
      `Opportunity · open at the start | pipeline ${count('opportunity')} items: ${count('opportunity')} taken on 1–7 months ago`,
    );
    expect(shown).toContain(
      `SQL · open at the start | pipeline ${count('sql')} items: ${count('sql')} waiting in a queue`,
    );
    expect(shown).toContain(
      `Lead · open at the start | pipeline ${count('lead')} items: ${count('lead')} taken on 1 month ago`,
    );
  });

  it('leaves the pipeline block out when nothing is in flight', () => {
    const plain = modelOf(B2B.slice(0, B2B.indexOf('\npipeline:')));
    const html = assumptionsSection.render({ model: plain, result: fixtureResult(), charts: [] });
    expect(html).not.toContain('Opening pipeline');
  });
});
