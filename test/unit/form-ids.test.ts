import { describe, expect, it } from 'vitest';
import { FORM_IDS } from '../../domain/forms/ids.ts';
import { FORMS } from '../../domain/forms/index.ts';

describe('the form ids the web app routes on before loading any form', () => {
  it('are exactly the catalogued forms', () => {
    // Assess
    expect([...FORM_IDS].sort()).toEqual(Object.keys(FORMS).sort());
  });
});
