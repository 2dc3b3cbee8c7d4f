import { describe, expect, it } from 'vitest';
import { formValues, typedValues } from './form-values';

describe('values sent back with a refused form', () => {
  it('keeps every text value by name, in order, and never a file', () => {
    const form = new FormData();
    form.append('title', 'Local pour une recyclerie');
    form.append('propertyTypes', 'BUILDING');
    form.append('propertyTypes', 'ROOFTOP');
    form.append('weeks', '2027-02-08');
    form.append('weeks', '');
    form.append('photo-0', new File(['not kept'], 'facade.jpg', { type: 'image/jpeg' }));
    form.append('photo-0-alt', 'La façade');
    expect(formValues(form)).toEqual({
      title: ['Local pour une recyclerie'],
      propertyTypes: ['BUILDING', 'ROOFTOP'],
      weeks: ['2027-02-08', ''],
      'photo-0-alt': ['La façade'],
    });
  });

  it('gives the page’s defaults on the first display', () => {
    const values = typedValues(undefined);
    expect(values.text('maxDistanceKm', '30')).toBe('30');
    expect(values.text('title')).toBe('');
    expect(values.all('weeks')).toEqual([]);
    expect(values.checked('remoteOk')).toBe(false);
    expect(values.checked('mode', 'INDIVIDUAL', true)).toBe(true);
  });

  it('after a refusal, what was typed wins, an emptied field stays empty and an absent checkbox is unticked', () => {
    const values = typedValues({ maxDistanceKm: [''], title: ['Atelier vélo'], propertyTypes: ['LAND'], weeks: ['2027-02-08', '2027-03-01'] });
    expect(values.text('maxDistanceKm', '30')).toBe('');
    expect(values.text('title')).toBe('Atelier vélo');
    // A select or radio group the post did not carry keeps its default.
    expect(values.text('communeCode', '30189')).toBe('30189');
    expect(values.all('weeks')).toEqual(['2027-02-08', '2027-03-01']);
    expect(values.checked('propertyTypes', 'LAND')).toBe(true);
    expect(values.checked('propertyTypes', 'BUILDING', true)).toBe(false);
    expect(values.checked('stepFreeRequired', 'on', true)).toBe(false);
  });
});
