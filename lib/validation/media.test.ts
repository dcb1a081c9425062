import { describe, expect, it } from 'vitest';
import { expiryInputValue, mediaDetailsSchema, requiredAltSchema } from './media';

const valid = { alt: ' A tram ', caption: '', credit: 'K. Lens/Wire', sourceAgency: 'Wire', usageRights: 'Editorial', rightsExpireAt: '', focalX: '0.25', focalY: '1' };

describe('mediaDetailsSchema', () => {
  it('trims text, reads the focal point as numbers and an empty expiry as none', () => {
    expect(mediaDetailsSchema.parse(valid)).toEqual({ ...valid, alt: 'A tram', rightsExpireAt: null, focalX: 0.25, focalY: 1 });
  });

  it('reads an expiry date as the start of that day, and round-trips it to the form', () => {
    const parsed = mediaDetailsSchema.parse({ ...valid, rightsExpireAt: '2027-06-30' });
    expect(parsed.rightsExpireAt?.toISOString()).toBe('2027-06-30T00:00:00.000Z');
    expect(expiryInputValue(parsed.rightsExpireAt)).toBe('2027-06-30');
  });

  it('names the field of each mistake', () => {
    const result = mediaDetailsSchema.safeParse({ ...valid, alt: 'x'.repeat(301), rightsExpireAt: '30/06/2027', focalX: '2', focalY: 'left' });
    expect(result.success).toBe(false);
    const fields = result.error!.issues.map((i) => i.path[0]);
    expect(fields.sort()).toEqual(['alt', 'focalX', 'focalY', 'rightsExpireAt']);
  });

  it('wants alt text where an image goes into an article', () => {
    expect(requiredAltSchema.safeParse('   ').success).toBe(false);
    expect(requiredAltSchema.parse(' A tram ')).toBe('A tram');
  });
});
