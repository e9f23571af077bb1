/**
 * The one ECharts instance factory for the renderer: `echarts/core` with only the charts and
 * components the cockpit draws (full echarts is ~2.5x the bundle). Add here before using more.
 */
import * as echarts from 'echarts/core';
import { BarChart, FunnelChart, LineChart, MapChart, PieChart, RadarChart } from 'echarts/charts';
import {
  GeoComponent,
  GraphicComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  RadarComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import { LabelLayout } from 'echarts/features';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  FunnelChart,
  LineChart,
  MapChart,
  PieChart,
  RadarChart,
  GeoComponent,
  GraphicComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  RadarComponent,
  TitleComponent,
  TooltipComponent,
  LabelLayout,
  CanvasRenderer,
]);

export { echarts };
export type { EChartsType } from 'echarts/core';
export type { EChartsCoreOption as ChartOption } from 'echarts/core';
