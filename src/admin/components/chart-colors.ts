import { getNextColor } from '@fluentui/react-charts';

/** The charts' own data-visualisation palette, so a series keeps one colour across a chart and its legend. */
export function seriesColor(index: number): string {
  return getNextColor(index);
}
