import { describe, expect, it } from 'vitest';
import { foldText } from '../../../src/shared/fold-text';
import { foldForMatch } from '../../../src/shared/schemas/attendance';
import { foldPlaceName } from '../../../src/shared/places/names';
import { readQueryTerms } from '../../../src/state/search/fold-text';

describe('one fold for search, same-person match and place names', () => {
  it.each([
    ['Autorización', 'autorizacion'],
    ['ÑUÑOA', 'nunoa'],
    ['Pütina', 'putina'],
    // A decomposed accent (as some Android keyboards send it) folds like the composed one.
    ['Jose\u0301 Pe\u0301rez', 'jose perez'],
  ])('%s → %s, and every caller agrees on the letters', (typed, folded) => {
    expect(foldText(typed)).toBe(folded);
    expect(foldForMatch(typed)).toBe(folded);
    expect(foldPlaceName(typed)).toBe(folded);
    expect(readQueryTerms(typed).join(' ')).toBe(folded);
  });

  it('each caller keeps only its own rules on top: punctuation for people, spacing for places', () => {
    expect(foldForMatch('  José  PÉREZ. ')).toBe('jose perez');
    expect(foldPlaceName('  San  Juan de  Lurigancho ')).toBe('san juan de lurigancho');
    expect(foldText('Quispe-Huamaní')).toBe('quispe-huamani');
  });
});
