/** Readable default labels from ids (worked out by hand from the rules in src/scenario/labels.ts). */
import { describe, expect, it } from 'vitest';
import { defaultLabel, displayLabel } from '../../src/scenario/labels.js';

describe('defaultLabel', () => {
  it.each([
    ['paid_search', 'Paid search'],
    ['live_stream', 'Live stream'],
    ['mql', 'MQL'],
    ['sql', 'SQL'],
    ['ae', 'AE'],
    ['sdr', 'SDR'],
    ['smb', 'SMB'],
    ['won', 'Won'],
    ['lead', 'Lead'],
    ['hire_q2', 'Hire Q2'],
    ['fy27_push', 'FY27 push'],
    ['search-over-events', 'Search over events'],
    ['paidSearch', 'Paid search'],
    ['EMEA_field', 'EMEA field'],
    ['_x', 'X'],
    ['channel_2', 'Channel 2'],
    // scenarios/distributor.yaml read "Oem", "Plant mro", "Oem pricing"
    ['oem', 'OEM'],
    ['plant_mro', 'Plant MRO'],
    ['oem_pricing', 'OEM pricing'],
    ['erp_rollout', 'ERP rollout'],
    ['dtc_stores', 'DTC stores'],
  ])('%s → %s', (id, label) => {
    expect(defaultLabel(id)).toBe(label);
  });
});

describe('displayLabel', () => {
  it('prefers the scenario label, trimmed, in any script', () => {
    expect(displayLabel('live_stream', ' 直播 ')).toBe('直播');
    expect(displayLabel('live_stream', undefined)).toBe('Live stream');
  });
});
