import type { CSSProperties } from 'react';
import type { ChartOption } from './echarts';
import { useEChart, type ChartClick } from './useEChart';

/** A chart that fills its box. `option` should be memoised by the caller (useMemo). */
export function EChart(props: {
  option: ChartOption | null;
  onClick?: (p: ChartClick) => void;
  className?: string;
  style?: CSSProperties;
  label?: string;
}) {
  const { ref } = useEChart(props.option, props.onClick);
  return (
    <div
      ref={ref}
      className={props.className ?? 'chart'}
      style={{ width: '100%', height: '100%', minHeight: 0, ...props.style }}
      role="img"
      aria-label={props.label}
      data-chart={props.label}
    />
  );
}
