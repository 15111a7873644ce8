import { DEFAULT_RULE_CONFIG as config } from './rule-config';
import { NOW, volunteer } from './testing/volunteer-inputs.builder';
import { train1 } from './train-1.rule';

describe('TRAIN-1 training interrupted (consecutive unexcused missed meetings)', () => {
  it.each([
    [1, 'green'],
    [2, 'info'],
    [3, 'info'],
  ])('%p missed in a row is %s', (missed, level) => {
    expect(train1(config, volunteer().streak(missed).build(), NOW)).toMatchObject({ level, value: missed });
  });

  it('names the training with the longest run, and how many trainings were interrupted', () => {
    const inputs = volunteer().streak(2, 'EHBO').streak(4, 'Luisteren').streak(1, 'Koken').build();
    expect(train1(config, inputs, NOW)).toMatchObject({
      level: 'info',
      value: 4,
      details: { courseTitle: 'Luisteren', trainings: 2 },
    });
  });

  it('is green without any missed meetings', () => {
    expect(train1(config, volunteer().build(), NOW)).toMatchObject({ level: 'green', value: 0 });
  });
});
