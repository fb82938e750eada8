import { describe, expect, it } from 'vitest';
import { GradeExpressionError, parseGradeExpression } from '../../src/domain/compositing/grade-expression';

const known = ['Zn', 'Pb', 'Ag', 'Cu', 'Au', 'Au-FA'];

function errorOf(text: string, analytes: readonly string[] = known): GradeExpressionError {
  try {
    parseGradeExpression(text, analytes);
  } catch (error) {
    if (error instanceof GradeExpressionError) return error;
    throw error;
  }
  throw new Error(`"${text}" parsed without error`);
}

describe('grade expressions', () => {
  it('evaluates a single analyte, a sum and a metal equivalent', () => {
    expect(parseGradeExpression('Zn', known).evaluate([7.5])).toBe(7.5);
    const sum = parseGradeExpression('Zn + Pb', known);
    expect(sum.analytes).toEqual(['Zn', 'Pb']);
    expect(sum.evaluate([11.8, 1.93])).toBeCloseTo(13.73, 12);
    // 1.2 + 0.62 x 0.5 = 1.51
    const eq = parseGradeExpression('Cu + 0.62 * Au', known);
    expect(eq.analytes).toEqual(['Cu', 'Au']);
    expect(eq.evaluate([1.2, 0.5])).toBeCloseTo(1.51, 12);
  });

  it('honours precedence, parentheses, unary minus and division', () => {
    // (2 + 3) * 4 - 10 / 5 = 18 ; 2 + 3 * 4 = 14 ; -(2 - 3) = 1
    expect(parseGradeExpression('(Zn + Pb) * 4 - 10 / 5', known).evaluate([2, 3])).toBe(18);
    expect(parseGradeExpression('Zn + Pb * 4', known).evaluate([2, 3])).toBe(14);
    expect(parseGradeExpression('-(Zn - Pb)', known).evaluate([2, 3])).toBe(1);
    expect(parseGradeExpression('Ag / 31.1035', known).evaluate([311.035])).toBeCloseTo(10, 12);
    expect(parseGradeExpression('1.5e1 - .5', known).evaluate([])).toBe(14.5);
  });

  it('reports each analyte used once, in order of first use', () => {
    const e = parseGradeExpression('Pb + Zn + 0.5 * Pb', known);
    expect(e.analytes).toEqual(['Pb', 'Zn']);
    expect(e.evaluate([2, 10])).toBe(13);
  });

  it('matches codes without regard to case when unambiguous, and spells them as the project does', () => {
    const e = parseGradeExpression('zn+PB', known);
    expect(e.analytes).toEqual(['Zn', 'Pb']);
    expect(e.text).toBe('Zn + Pb');
    expect(e.label).toBe('Zn+Pb');
    expect(errorOf('zn', ['ZN', 'Zn_x', 'zN']).message).toMatch(/matches several analytes \(ZN, zN\)/);
  });

  it('accepts quoted codes with operator characters', () => {
    const e = parseGradeExpression('"Au-FA" * 2', known);
    expect(e.analytes).toEqual(['Au-FA']);
    expect(e.evaluate([1.25])).toBe(2.5);
    expect(e.text).toBe('"Au-FA" * 2');
  });

  it('renders canonical text with only the parentheses that matter', () => {
    expect(parseGradeExpression('((Zn)+(Pb))', known).text).toBe('Zn + Pb');
    expect(parseGradeExpression('Zn - (Pb - Ag)', known).text).toBe('Zn - (Pb - Ag)');
    expect(parseGradeExpression('(Zn + Pb) * 2', known).label).toBe('(Zn+Pb)*2');
  });

  it('tells linear expressions from others', () => {
    expect(parseGradeExpression('Cu + 0.62 * Au', known).linear).toBe(true);
    expect(parseGradeExpression('(Zn + Pb) / 2', known).linear).toBe(true);
    expect(parseGradeExpression('Zn * Pb', known).linear).toBe(false);
    expect(parseGradeExpression('Zn / Pb', known).linear).toBe(false);
  });
});

describe('grade expression errors', () => {
  it('names an unknown analyte, its position and the known list', () => {
    const e = errorOf('Zn + Zx');
    expect(e.position).toBe(5);
    expect(e.message).toBe('Unknown analyte "Zx" at character 6; known analytes: Ag, Au, Au-FA, Cu, Pb, Zn.');
    expect(e.known).toEqual(known);
  });

  it('points at a bad character and never runs code', () => {
    const e = errorOf('Zn; process.exit(1)');
    expect(e.position).toBe(2);
    expect(e.message).toMatch(/Unexpected character ";" at character 3/);
    expect(errorOf('constructor').message).toMatch(/Unknown analyte "constructor"/);
    expect(errorOf('__proto__').message).toMatch(/Unexpected character "_"/);
  });

  it('explains missing operands, parentheses and stray tokens', () => {
    expect(errorOf('Zn +').message).toBe(
      'Expected an analyte code, a number or "(" at character 5 but found the end of the expression.',
    );
    expect(errorOf('(Zn + Pb').message).toMatch(/Expected "\)" to close the "\(" at character 1/);
    expect(errorOf('Zn Pb').position).toBe(3);
    expect(errorOf('2Zn').message).toMatch(/Expected an operator or the end at character 2 but found "Zn"/);
    expect(errorOf('Zn + )').position).toBe(5);
    expect(errorOf('"Au').message).toMatch(/Unclosed quote/);
  });

  it('refuses an empty expression and says what exists', () => {
    expect(errorOf('   ').message).toBe(
      'The grade expression is empty; known analytes: Ag, Au, Au-FA, Cu, Pb, Zn.',
    );
    expect(errorOf('', []).message).toMatch(/no analytes yet/);
  });
});
